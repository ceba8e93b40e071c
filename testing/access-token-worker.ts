/**
 * A second Latch process for the single-flight test: asks for one connection's token N times at
 * once, against the database and fake Atlassian named in the environment, and prints the tokens.
 * Run with `node --conditions=react-server --import tsx` so `server-only` resolves as on a server.
 */
import { getAccessToken } from "../lib/connections/get-access-token";

const [workspaceId, connectionId, count] = process.argv.slice(2);
const scope = {
  workspaceId: workspaceId!,
  actor: { type: "system" as const, id: null, label: "worker" },
  ip: null,
};

// Start together with the other process: wait for the go signal on stdin.
process.stdin.once("data", async () => {
  const results = await Promise.all(
    Array.from({ length: Number(count) }, () => getAccessToken(scope, connectionId!)),
  );
  process.stdout.write(
    JSON.stringify(
      results.map((result) =>
        result.ok ? result.token.accessToken : `error:${JSON.stringify(result)}`,
      ),
    ),
  );
  process.exit(0);
});
process.stdout.write("ready\n");
