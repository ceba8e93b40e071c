export async function register() {
  // Migrations and first-run settings need Node APIs; the edge runtime never touches the database.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startLatch } = await import("./lib/server/start");
    await startLatch();
  }
}
