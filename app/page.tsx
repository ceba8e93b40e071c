export default function HomePage() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold">Latch is running</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">
        Latch connects Atlassian service accounts for your users. Your backend creates a connect
        session with <code className="font-mono">POST /api/v1/connect-sessions</code> and sends the
        user to the link it returns. See the README for the API.
      </p>
    </main>
  );
}
