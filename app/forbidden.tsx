import Link from "next/link";

/** What a Member sees on an admin's page (lib/auth/member.ts requireAdmin); answered with 403. */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">This needs an admin</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        Your role in this workspace is Member: you can list, test and revoke connections and read
        the audit log. API keys, the webhook, allowed origins, required scopes, appearance,
        workspaces and members are managed by an admin of the workspace; ask one of them.
      </p>
      <p className="mt-6">
        <Link href="/connections" className="underline">
          Back to connections
        </Link>
      </p>
    </main>
  );
}
