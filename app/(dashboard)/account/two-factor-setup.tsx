"use client";

import { useActionState } from "react";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmTwoFactorSchema } from "@/lib/validation/two-factor";
import {
  cancelTwoFactorSetupAction,
  type BeginTwoFactorState,
  type ConfirmTwoFactorState,
} from "./two-factor-actions";
import { BUTTON } from "./two-factor-panel";

/** After Turn on: the QR code and the same secret as text, then a code to prove the app has it. */
export function TwoFactorSetup({
  secret,
  qrSvg,
  state,
  formAction,
  pending,
}: {
  secret: string;
  qrSvg: string;
  state: ConfirmTwoFactorState;
  formAction: (formData: FormData) => void;
  pending: boolean;
}) {
  const [, cancelAction, cancelPending] = useActionState<BeginTwoFactorState, FormData>(
    cancelTwoFactorSetupAction,
    {},
  );
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: confirmTwoFactorSchema,
    state,
    formAction,
    defaultValues: { code: "", confirmPassword: "" },
  });
  // Groups of four are easier to type; authenticator apps ignore the spaces.
  const grouped = secret.match(/.{1,4}/g)!.join(" ");
  return (
    <div className="max-w-2xl space-y-5">
      <ol className="list-decimal space-y-4 pl-5 text-sm">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          <div
            role="img"
            aria-label="QR image of your two-factor key, for an authenticator app to scan"
            className="mt-3 w-44 rounded-lg border border-slate-200 bg-white p-1 dark:border-slate-700"
            // Made on the server by the qrcode package from the otpauth:// URI: no user input.
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <p className="mt-3">
            No camera? Enter this key in the app instead (time-based, 6 digits):
          </p>
          <code
            data-totp-secret={secret}
            className="mt-1 inline-block rounded bg-slate-100 px-2 py-1 font-mono text-sm tracking-wide break-all dark:bg-slate-800"
          >
            {grouped}
          </code>
        </li>
        <li>
          <p>Enter the code the app now shows for Latch.</p>
        </li>
      </ol>
      <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-sm space-y-4">
        {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
        <Field
          label="Code"
          inputMode="numeric"
          autoComplete="one-time-code"
          help="6 digits. A new one comes every 30 seconds."
          error={errorFor("code")}
          defaultValue={state.ok === false ? state.values?.code : ""}
          {...form.register("code")}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          help="Your current password: only the account's owner may add an authenticator to it."
          error={errorFor("confirmPassword")}
          {...form.register("confirmPassword")}
        />
        <div className="w-full sm:w-56">
          <SubmitButton pending={pending} pendingLabel="Checking…">
            Turn on two-factor
          </SubmitButton>
        </div>
      </form>
      <form action={cancelAction}>
        <button type="submit" disabled={cancelPending} className={BUTTON}>
          Cancel
        </button>
      </form>
    </div>
  );
}
