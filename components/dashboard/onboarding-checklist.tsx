import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import type { OnboardingProgress } from "@/lib/onboarding/get-onboarding-progress";

type Step = {
  id: string;
  title: string;
  done: boolean;
  optional?: boolean;
  /** Set when a Member cannot take the step: who can. */
  needsAdmin?: boolean;
  body: React.ReactNode;
};

/** The placeholder the snippets use: the checklist never prints a real key. */
const KEY_PLACEHOLDER = "$LATCH_API_KEY";

export function curlSnippet(baseUrl: string): string {
  return [
    `curl -s -X POST ${baseUrl}/api/v1/connect-sessions \\`,
    `  -H "Authorization: Bearer ${KEY_PLACEHOLDER}" -H "Content-Type: application/json" \\`,
    `  -d '{"end_user":{"id":"user-42","email":"jo@example.com"}}'`,
  ].join("\n");
}

export function embedSnippet(baseUrl: string): string {
  return [
    `<script src="${baseUrl}/latch.js"></script>`,
    `<script>`,
    `  // token: the "token" your backend got when it minted the connect session`,
    `  Latch.open({`,
    `    sessionToken: token,`,
    `    baseUrl: "${baseUrl}",`,
    `    onEvent(event) {`,
    `      if (event.type === "connected") console.log(event.connection.id);`,
    `    },`,
    `  });`,
    `</script>`,
  ].join("\n");
}

/**
 * First steps for a workspace without connections, each ticked from what exists (lib/onboarding).
 * Gone once the first connection is made.
 */
export function OnboardingChecklist({
  progress,
  baseUrl,
  admin,
}: {
  progress: OnboardingProgress;
  baseUrl: string;
  admin: boolean;
}) {
  const steps: Step[] = [
    {
      id: "api-key",
      title: "Create an API key",
      done: progress.apiKey,
      needsAdmin: !admin,
      body: (
        <>
          Your backend authenticates with it. Create one in{" "}
          <SettingsLink section="api-keys" admin={admin}>
            Settings → API keys
          </SettingsLink>
          ; it is shown once, so store it in your secret store.
        </>
      ),
    },
    {
      id: "mint",
      title: "Mint a connect session",
      done: progress.sessionMinted,
      body: (
        <>
          From your backend, for one end user. The answer has a <code>connect_url</code> (valid 30
          minutes, usable once) and its <code>token</code>.
          <Snippet text={curlSnippet(baseUrl)} label="the curl command" />
        </>
      ),
    },
    {
      id: "send",
      title: "Send the link, or embed the form",
      done: progress.linkUsed,
      body: (
        <>
          E-mail the <code>connect_url</code> to the end user, or open the form inside your app with{" "}
          <code>latch.js</code>:
          <Snippet text={embedSnippet(baseUrl)} label="the embed snippet" />
        </>
      ),
    },
    {
      id: "origins",
      title: "Set allowed origins",
      done: progress.originsSet,
      needsAdmin: !admin,
      body: (
        <>
          To embed the form, list your app&apos;s origin (like <code>https://app.example.com</code>)
          in{" "}
          <SettingsLink section="allowed-origins" admin={admin}>
            Settings → Allowed embedding origins
          </SettingsLink>
          , or pass <code>allowed_origins</code> when minting.
        </>
      ),
    },
    {
      id: "webhook",
      title: "Add a webhook",
      optional: true,
      done: progress.webhookSet,
      needsAdmin: !admin,
      body: (
        <>
          Hear about new, failing and revoked connections as they happen:{" "}
          <SettingsLink section="webhook" admin={admin}>
            Settings → Webhook
          </SettingsLink>
          .
        </>
      ),
    },
  ];
  const done = steps.filter((step) => step.done).length;

  return (
    <section
      aria-labelledby="onboarding-heading"
      className="mt-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="onboarding-heading" className="text-lg font-semibold">
          Get started
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {done} of {steps.length} done
        </p>
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Connect your first end user. Each step ticks itself once Latch sees it done.
      </p>
      <ol className="mt-4 space-y-4">
        {steps.map((step) => (
          <li key={step.id} data-step={step.id} data-done={step.done} className="flex gap-3">
            <StepMark done={step.done} />
            <div className="min-w-0 flex-1 text-sm">
              <h3 className="font-medium">
                {step.title}
                {step.optional ? (
                  <span className="ml-1 font-normal text-slate-600 dark:text-slate-400">
                    (optional)
                  </span>
                ) : null}
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              </h3>
              <div className="mt-1 text-slate-700 dark:text-slate-300">{step.body}</div>
              {step.needsAdmin && !step.done ? (
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  Needs an admin of this workspace: ask one to do it.
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function StepMark({ done }: { done: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full border text-xs ${
        done
          ? "border-emerald-700 bg-emerald-700 text-white dark:border-emerald-400 dark:bg-emerald-400 dark:text-slate-950"
          : "border-slate-400 dark:border-slate-500"
      }`}
    >
      {done ? "✓" : ""}
    </span>
  );
}

function SettingsLink({
  section,
  admin,
  children,
}: {
  section: string;
  admin: boolean;
  children: React.ReactNode;
}) {
  // A Member's /settings answers 403: name the place rather than link to a refusal.
  if (!admin) return <span className="font-medium">{children}</span>;
  return (
    <Link
      href={`/settings#${section}`}
      className="font-medium text-brand-700 underline dark:text-blue-300"
    >
      {children}
    </Link>
  );
}

function Snippet({ text, label }: { text: string; label: string }) {
  return (
    <div className="mt-2">
      <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <code>{text}</code>
      </pre>
      <div className="mt-1.5">
        <CopyButton text={text} label={label} />
      </div>
    </div>
  );
}
