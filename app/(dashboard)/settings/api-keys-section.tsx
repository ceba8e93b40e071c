"use client";

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Field } from "@/components/ui/field";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { createApiKeySchema } from "@/lib/validation/settings";
import {
  createApiKeyAction,
  revokeApiKeyAction,
  type CreateApiKeyState,
  type RevokeApiKeyState,
} from "./actions";
import { DataTable } from "@/components/ui/data-table";

/** One key as the table shows it; dates come formatted from the server. */
export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string;
  revoked: boolean;
};

const BUTTON =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";
const DANGER_BUTTON = `${BUTTON} border-red-300 text-red-700 hover:bg-red-50 dark:border-red-900 dark:text-red-400 dark:hover:bg-red-950`;
const noSubscription = () => () => {};

/**
 * `askToRevoke` is the key whose Revoke was pressed before JavaScript ran: that button is a GET
 * form to `?revoke=<id>`, so the confirmation step works without JavaScript too.
 */
export function ApiKeysSection({
  keys,
  askToRevoke,
}: {
  keys: ApiKeyRow[];
  askToRevoke: string | null;
}) {
  return (
    <div className="space-y-6">
      <CreateApiKeyForm />
      <DataTable
        headings={["Name", "Key", "Created", "Last used", "Status", "Actions"]}
        empty={
          keys.length === 0 ? (
            <p className="px-3 py-8 text-center text-sm text-slate-600 dark:text-slate-400">
              No API keys yet. Create one for your backend to call the Latch API.
            </p>
          ) : null
        }
      >
        {keys.map((key) => (
          <tr key={key.id} data-api-key-id={key.id} className="align-top">
            <td id={`api-key-${key.id}`} className="px-3 py-2 font-medium break-words">
              {key.name}
            </td>
            <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{key.prefix}…</td>
            <td className="px-3 py-2 whitespace-nowrap">{key.created}</td>
            <td className="px-3 py-2 whitespace-nowrap">{key.lastUsed}</td>
            <td className="px-3 py-2">
              <KeyStatus revoked={key.revoked} />
            </td>
            <td className="px-3 py-2">
              <RevokeControl id={key.id} revoked={key.revoked} askFirst={askToRevoke === key.id} />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function CreateApiKeyForm() {
  const [state, formAction, pending] = useActionState<CreateApiKeyState, FormData>(
    createApiKeyAction,
    {},
  );
  const defaultName = state.ok === false ? (state.values?.keyName ?? "") : "";
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: createApiKeySchema,
    state,
    formAction,
    defaultValues: { keyName: defaultName },
  });
  useEffect(() => {
    if (state.ok) form.reset({ keyName: "" });
  }, [state, form]);

  return (
    <div className="space-y-4">
      {/* Outside the form, so the new key is never posted back with the next one's name. */}
      {state.ok ? <NewKey key={state.key} apiKey={state.key} message={state.message} /> : null}
      <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
        {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
        <Field
          label="Key name"
          autoComplete="off"
          help="Name it after what uses it, so you know which key to revoke later."
          error={errorFor("keyName")}
          defaultValue={defaultName}
          {...form.register("keyName")}
        />
        <div className="w-full sm:w-44">
          <SubmitButton pending={pending} pendingLabel="Creating…">
            Create API key
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

function NewKey({ apiKey, message }: { apiKey: string; message: string }) {
  return (
    <div className="max-w-2xl space-y-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950">
      <p role="status" className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
        {message}
      </p>
      <Field
        name="newApiKey"
        label="New API key"
        readOnly
        // Focused and selected on arrival, so the key can be copied at once, even without JS.
        autoFocus
        value={apiKey}
        autoComplete="off"
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
        help="Copy it now and keep it in your backend's secret store: it will not be shown again."
      />
      <CopyButton text={apiKey} />
    </div>
  );
}

/** Rendered only where the Clipboard API exists (after hydration, in a secure context). */
function CopyButton({ text }: { text: string }) {
  const canCopy = useSyncExternalStore(
    noSubscription,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [copied, setCopied] = useState(false);
  if (!canCopy) return null;
  return (
    <button
      type="button"
      className={BUTTON}
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? "Copied" : "Copy key"}
    </button>
  );
}

function KeyStatus({ revoked }: { revoked: boolean }) {
  const style = revoked
    ? "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300"
    : "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300";
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${style}`}>
      {revoked ? "Revoked" : "Active"}
    </span>
  );
}

/**
 * Revoke asks first, inline. With JavaScript the two steps are local state; without it, Revoke and
 * Cancel are GET forms that reload the page with or without `?revoke=<id>`.
 */
function RevokeControl({
  id,
  revoked,
  askFirst,
}: {
  id: string;
  revoked: boolean;
  askFirst: boolean;
}) {
  const [state, formAction, pending] = useActionState<RevokeApiKeyState, FormData>(
    revokeApiKeyAction,
    {},
  );
  const [asking, setAsking] = useState(askFirst);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const cancelled = useRef(false);

  // Keep keyboard focus near the row: back on Revoke after Cancel, on the outcome after revoking.
  useEffect(() => {
    if (!asking && cancelled.current) revokeButton.current?.focus();
    cancelled.current = false;
  }, [asking]);
  useEffect(() => {
    if (state.ok !== undefined) outcome.current?.focus();
  }, [state]);

  return (
    <div className="flex min-w-56 flex-col items-start gap-1.5">
      {revoked ? null : asking ? (
        <div className="flex flex-wrap items-center gap-2">
          <form action={formAction} className="flex items-center gap-2">
            <input type="hidden" name="id" value={id} />
            <span className="text-xs font-medium text-red-700 dark:text-red-400">Revoke key?</span>
            <button
              type="submit"
              disabled={pending}
              aria-describedby={`api-key-${id}`}
              className={DANGER_BUTTON}
            >
              {pending ? "Revoking…" : "Confirm revoke"}
            </button>
          </form>
          <form method="get" action="/settings#api-keys">
            <button
              type="submit"
              autoFocus
              className={BUTTON}
              onClick={(event) => {
                event.preventDefault();
                cancelled.current = true;
                setAsking(false);
              }}
            >
              Cancel
            </button>
          </form>
        </div>
      ) : (
        <form method="get" action="/settings#api-keys">
          <input type="hidden" name="revoke" value={id} />
          <button
            ref={revokeButton}
            type="submit"
            aria-describedby={`api-key-${id}`}
            className={BUTTON}
            onClick={(event) => {
              event.preventDefault();
              setAsking(true);
            }}
          >
            Revoke
          </button>
        </form>
      )}
      <p
        ref={outcome}
        role="status"
        tabIndex={-1}
        className={`text-xs outline-none ${state.ok ? "text-slate-700 dark:text-slate-300" : "text-red-700 dark:text-red-400"}`}
      >
        {state.ok === undefined ? null : state.message}
      </p>
    </div>
  );
}
