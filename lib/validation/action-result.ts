import type { z } from "zod";
import { fieldErrorsOf } from "./form-data";

/**
 * What every server action answers, and every form reads (app/ actions, components/forms).
 * Before its first submit a form holds `{}`; a success says so with `ok: true` and a message, and
 * may carry what it made; a failure has a message a person can act on, the fields it concerns,
 * and the values echoed back so a page rendered without JavaScript keeps what was typed. (The
 * connect form keeps its own status union, built on the same field errors.)
 */
export type ActionIdle = { ok?: undefined; message?: undefined; fieldErrors?: undefined };
export type ActionSuccess<T extends object = object> = { ok: true; message: string } & T;
export type ActionFailure<F extends string = never> = {
  ok: false;
  message: string;
  fieldErrors?: Partial<Record<F, string>>;
  values?: Partial<Record<F, string>>;
};
export type ActionResult<T extends object = object, F extends string = never> =
  ActionIdle | ActionSuccess<T> | ActionFailure<F>;

/** What a form needs to show the server's feedback: any action answer has it. */
export type FormFeedback<F extends string = string> = {
  message?: string;
  fieldErrors?: Partial<Record<F, string>>;
};

export const APOLOGY =
  "Sorry, something went wrong on our side. Nothing was changed; please try again.";

/** The answer for fields the schema refused: each error on its field, the values echoed. */
export function invalid<F extends string>(
  error: z.ZodError,
  values?: Partial<Record<F, string>>,
): ActionFailure<F> {
  return {
    ok: false,
    message: "Check the highlighted field.",
    fieldErrors: fieldErrorsOf<F>(error),
    ...(values && { values }),
  };
}

/** A failure with only a message (an expected refusal, or the apology after a crash). */
export function failed(message: string): ActionFailure {
  return { ok: false, message };
}
