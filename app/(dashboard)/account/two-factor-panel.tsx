"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  beginTwoFactorAction,
  confirmTwoFactorAction,
  newRecoveryCodesAction,
  turnOffTwoFactorAction,
  type BeginTwoFactorState,
  type ConfirmTwoFactorState,
  type NewRecoveryCodesState,
  type TurnOffTwoFactorState,
} from "./two-factor-actions";
import { RecoveryCodesView } from "./recovery-codes-view";
import { TwoFactorOn } from "./two-factor-on";
import { TwoFactorSetup } from "./two-factor-setup";

export type TwoFactorView =
  | { state: "off" }
  | { state: "pending"; secret: string; qrSvg: string }
  | { state: "on"; enabledAt: string; recoveryCodesLeft: number };

export const BUTTON =
  "rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";

/**
 * One component for every state, holding every action's answer: the server's view changes
 * under it (Turn on → pending → on) while the recovery codes an answer carried stay on screen
 * until the member says they have them. They are never fetched again.
 */
export function TwoFactorPanel({ view }: { view: TwoFactorView }) {
  const [begin, beginAction, beginPending] = useActionState<BeginTwoFactorState, FormData>(
    beginTwoFactorAction,
    {},
  );
  const [confirm, confirmAction, confirmPending] = useActionState<ConfirmTwoFactorState, FormData>(
    confirmTwoFactorAction,
    {},
  );
  const [turnOff, turnOffAction, turnOffPending] = useActionState<TurnOffTwoFactorState, FormData>(
    turnOffTwoFactorAction,
    {},
  );
  const [newCodes, newCodesAction, newCodesPending] = useActionState<
    NewRecoveryCodesState,
    FormData
  >(newRecoveryCodesAction, {});
  const [seen, setSeen] = useState<object[]>([]);

  const fresh = [newCodes, confirm].find((state) => state.ok && !seen.includes(state));
  if (fresh?.ok) {
    return (
      <RecoveryCodesView
        message={fresh.message}
        codes={fresh.recoveryCodes}
        onDone={() => setSeen([...seen, fresh])}
      />
    );
  }
  if (view.state === "pending") {
    return (
      <TwoFactorSetup
        secret={view.secret}
        qrSvg={view.qrSvg}
        state={confirm}
        formAction={confirmAction}
        pending={confirmPending}
      />
    );
  }
  if (view.state === "on") {
    return (
      <TwoFactorOn
        enabledAt={view.enabledAt}
        recoveryCodesLeft={view.recoveryCodesLeft}
        turnOff={{ state: turnOff, formAction: turnOffAction, pending: turnOffPending }}
        newCodes={{ state: newCodes, formAction: newCodesAction, pending: newCodesPending }}
      />
    );
  }
  return (
    <form action={beginAction} className="max-w-2xl space-y-3">
      {begin.ok === false ? <Alert>{begin.message}</Alert> : null}
      {turnOff.ok ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {turnOff.message}
        </p>
      ) : null}
      <p className="text-sm">Two-factor authentication is off.</p>
      <div className="w-full sm:w-40">
        <SubmitButton pending={beginPending} pendingLabel="Turning on…">
          Turn on
        </SubmitButton>
      </div>
    </form>
  );
}
