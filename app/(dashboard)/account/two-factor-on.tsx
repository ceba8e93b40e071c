"use client";

import type { z } from "zod";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormFeedback } from "@/lib/validation/action-result";
import { newRecoveryCodesSchema, turnOffTwoFactorSchema } from "@/lib/validation/two-factor";

type Form<S> = {
  state: S & FormFeedback;
  formAction: (formData: FormData) => void;
  pending: boolean;
};

/** Two-factor is on: what is left of the recovery codes, and the two changes behind a password. */
export function TwoFactorOn({
  enabledAt,
  recoveryCodesLeft,
  turnOff,
  newCodes,
}: {
  enabledAt: string;
  recoveryCodesLeft: number;
  turnOff: Form<{ ok?: boolean }>;
  newCodes: Form<{ ok?: boolean }>;
}) {
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <strong className="font-semibold">On</strong> since {enabledAt}.{" "}
        {recoveryCodesLeft === 1 ? "1 recovery code" : `${recoveryCodesLeft} recovery codes`} left
        {recoveryCodesLeft <= 3 ? ": make new ones before you run out." : "."}
      </p>
      <PasswordStep
        summary="New recovery codes"
        explanation="Makes 10 new codes; the ones you have stop working."
        schema={newRecoveryCodesSchema}
        name="newCodesPassword"
        button="Make new codes"
        form={newCodes}
      />
      <PasswordStep
        summary="Turn off"
        explanation="Signing in then needs only your password. Your app's entry for Latch and your recovery codes stop working."
        schema={turnOffTwoFactorSchema}
        name="turnOffPassword"
        button="Turn off two-factor"
        form={turnOff}
      />
    </div>
  );
}

/** A disclosure holding a form that asks for the current password (works without JavaScript). */
function PasswordStep<N extends "newCodesPassword" | "turnOffPassword">(props: {
  summary: string;
  explanation: string;
  schema: z.ZodType<Record<N, string>, Record<N, string>>;
  name: N;
  button: string;
  form: Form<{ ok?: boolean }>;
}) {
  const { state, formAction, pending } = props.form;
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: props.schema,
    state,
    formAction,
    defaultValues: { [props.name]: "" } as never,
  });
  const failed = state.ok === false;
  return (
    <details open={failed} className="rounded-lg border border-slate-200 dark:border-slate-700">
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium">{props.summary}</summary>
      <form
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="max-w-sm space-y-4 px-4 pt-1 pb-4"
      >
        <p className="text-sm text-slate-600 dark:text-slate-300">{props.explanation}</p>
        {failed && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          help="Your current password, to confirm it is you."
          error={errorFor(props.name as never)}
          {...form.register(props.name as never)}
        />
        <SubmitButton pending={pending} pendingLabel="Checking…">
          {props.button}
        </SubmitButton>
      </form>
    </details>
  );
}
