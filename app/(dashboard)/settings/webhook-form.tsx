"use client";

import { useActionState, useEffect, useMemo } from "react";
import { Field } from "@/components/ui/field";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { webhookSettingsSchemaFor } from "@/lib/validation/settings";
import {
  saveWebhookAction,
  webhookSecretAction,
  type WebhookSecretState,
  type WebhookState,
} from "./actions";
import { SaveRow } from "./save-row";

const BUTTON =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";

/** `allowPrivate` is the server's ALLOW_PRIVATE_WEBHOOKS, so the browser checks as it will. */
export function WebhookForm({ url, allowPrivate }: { url: string | null; allowPrivate: boolean }) {
  const [state, formAction, pending] = useActionState<WebhookState, FormData>(
    saveWebhookAction,
    {},
  );
  const [secretState, secretAction, secretPending] = useActionState<WebhookSecretState, FormData>(
    webhookSecretAction,
    {},
  );
  const schema = useMemo(() => webhookSettingsSchemaFor({ allowPrivate }), [allowPrivate]);
  const saved = url ?? "";
  const defaultUrl = state.ok === false ? (state.values?.webhookUrl ?? saved) : saved;
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema,
    state,
    formAction,
    defaultValues: { webhookUrl: defaultUrl },
  });
  useEffect(() => {
    if (state.ok) form.reset({ webhookUrl: state.url ?? "" });
  }, [state, form]);

  // A revealed or rolled secret is the newest; a save creates one only when there was none.
  const secret = secretState.ok ? secretState.secret : state.ok ? state.secret : null;

  return (
    <div className="space-y-5">
      <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
        {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
        <Field
          label="Webhook URL"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://api.example.com/webhooks/latch"
          help={
            allowPrivate
              ? "Latch POSTs connection.created, .failing, .recovered and .revoked events here. Leave it empty to remove the webhook."
              : "Latch POSTs connection.created, .failing, .recovered and .revoked events here; it must be a public https address. Leave it empty to remove the webhook."
          }
          error={errorFor("webhookUrl")}
          defaultValue={defaultUrl}
          {...form.register("webhookUrl")}
        />
        <SaveRow label="Save webhook" pending={pending} saved={state.ok ? state.message : null} />
      </form>

      {url ? (
        <div className="max-w-lg space-y-3">
          {secret ? (
            <Field
              name="webhookSigningSecret"
              label="Signing secret"
              readOnly
              value={secret}
              autoComplete="off"
              spellCheck={false}
              className="min-w-0 flex-1 rounded-lg bg-transparent px-3 py-2 font-mono text-sm outline-none"
              onFocus={(event) => event.currentTarget.select()}
              help={
                <>
                  Verify the <code className="font-mono">Latch-Signature</code> header of each
                  delivery with it. Keep it in your backend&apos;s secret store.
                </>
              }
            />
          ) : null}
          <form action={secretAction} className="flex flex-wrap items-center gap-2">
            {secret ? null : (
              <button
                type="submit"
                name="intent"
                value="reveal"
                disabled={secretPending}
                className={BUTTON}
              >
                Reveal signing secret
              </button>
            )}
            <button
              type="submit"
              name="intent"
              value="roll"
              disabled={secretPending}
              aria-describedby="webhook-roll-help"
              className={BUTTON}
            >
              Roll signing secret
            </button>
          </form>
          <p id="webhook-roll-help" className="text-xs text-slate-600 dark:text-slate-400">
            Rolling replaces the secret at once: deliveries signed with the old one stop verifying,
            so update your receiver right after.
          </p>
          {secretState.ok === false ? <Alert>{secretState.message}</Alert> : null}
          {secretState.ok && secretState.message ? (
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              {secretState.message}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
