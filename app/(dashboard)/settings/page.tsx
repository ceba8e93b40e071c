import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireAdmin } from "@/lib/auth/member";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getWebhookSettings, listWebhookDeliveries } from "@/lib/webhooks/manage-webhook";
import { getTwoFactorRequirement } from "@/lib/workspaces/get-two-factor-requirement";
import { getWorkspaceSettings } from "@/lib/workspaces/get-workspace-settings";
import { ApiKeysSection, type ApiKeyRow } from "./api-keys-section";
import { NewWorkspaceForm } from "./new-workspace-form";
import { OriginsForm } from "./origins-form";
import { RequireTwoFactorForm } from "./require-two-factor-form";
import { RequiredScopesForm } from "./required-scopes-form";
import { SettingsNav } from "./settings-nav";
import { ThemeForm } from "./theme-form";
import { WebhookDeliveries } from "./webhook-deliveries";
import { WebhookForm } from "./webhook-form";
import { WorkspaceForm } from "./workspace-form";

export const metadata: Metadata = { title: "Settings" };

// The in-page navigation, in the order of the sections below; a new section adds its entry here.
const SECTIONS = [
  { id: "workspace", label: "Workspace" },
  { id: "api-keys", label: "API keys" },
  { id: "allowed-origins", label: "Allowed origins" },
  { id: "required-scopes", label: "Required scopes" },
  { id: "appearance", label: "Appearance" },
  { id: "webhook", label: "Webhook" },
  { id: "two-factor", label: "Two-factor" },
  { id: "new-workspace", label: "New workspace" },
] as const;

export default async function SettingsPage({ searchParams }: PageProps<"/settings">) {
  const member = await requireAdmin();
  const [settings, keys, webhook, deliveries, params, twoFactor] = await Promise.all([
    getWorkspaceSettings(member),
    listApiKeys(member),
    getWebhookSettings(member),
    listWebhookDeliveries(member, 20),
    searchParams,
    getTwoFactorRequirement(member),
  ]);
  const rows: ApiKeyRow[] = keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    created: formatDateTime(key.createdAt),
    lastUsed: formatDateTime(key.lastUsedAt),
    revoked: key.revokedAt !== null,
  }));

  return (
    <>
      <h1 className="text-2xl font-semibold">Settings</h1>
      <p className="mt-1 text-sm break-words text-slate-600 dark:text-slate-300">
        How {settings.name} works with Latch: its keys, where the connect form may appear and how it
        looks, the scopes your app needs, and where events are sent.
      </p>
      <SettingsNav sections={SECTIONS} />
      <div className="mt-6 space-y-6">
        <Section id="workspace" title="Workspace">
          <WorkspaceForm name={settings.name} />
        </Section>
        <Section
          id="api-keys"
          title="API keys"
          description={
            <>
              Your backend sends a key as{" "}
              <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code> to create
              connect sessions and fetch access tokens. A key sees only this workspace.
            </>
          }
        >
          <ApiKeysSection
            keys={rows}
            askToRevoke={typeof params.revoke === "string" ? params.revoke : null}
          />
        </Section>
        <Section
          id="allowed-origins"
          title="Allowed embedding origins"
          description="Sites that may show the connect form in an iframe and receive its messages. A connect session created with allowed_origins uses its own list instead."
        >
          <OriginsForm origins={settings.allowedOrigins} />
        </Section>
        <Section
          id="required-scopes"
          title="Required scopes"
          description="What your app needs the service account's credential to grant."
        >
          <RequiredScopesForm
            scopes={settings.requiredScopes}
            allowMissing={settings.allowMissingScopes}
          />
        </Section>
        <Section
          id="appearance"
          title="Connect form appearance"
          description="How the connect form looks to your end users. A page embedding it may pick another primary colour or theme in Latch.open."
        >
          <ThemeForm theme={settings.theme} workspaceName={settings.name} />
        </Section>
        <Section
          id="webhook"
          title="Webhook"
          description={
            <>
              Latch POSTs an event to your backend when a connection is created, starts failing,
              recovers or is revoked, signed in the{" "}
              <code className="font-mono text-xs">Latch-Signature</code> header. Failed deliveries
              are retried for about nine hours.
            </>
          }
        >
          <div className="space-y-8">
            <WebhookForm url={webhook.url} allowPrivate={webhook.allowPrivate} />
            <WebhookDeliveries deliveries={deliveries} />
          </div>
        </Section>
        <Section
          id="two-factor"
          title="Two-factor authentication"
          description="Whether every member of this workspace must sign in with a code from an authenticator app as well as their password."
        >
          <RequireTwoFactorForm {...twoFactor} />
        </Section>
        <Section
          id="new-workspace"
          title="New workspace"
          description="A separate tenant, for another product or environment."
        >
          <NewWorkspaceForm />
        </Section>
      </div>
    </>
  );
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-6">
      <Card>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{description}</p>
        ) : null}
        <div className="mt-5">{children}</div>
      </Card>
    </section>
  );
}
