import type { z } from "zod";

/** Reads named text fields from a form post; anything missing or not text becomes "". */
export function textFields<K extends string>(
  formData: FormData,
  names: readonly K[],
): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const name of names) {
    const value = formData.get(name);
    values[name] = typeof value === "string" ? value : "";
  }
  return values;
}

/** The first message per top-level field, for putting server-side errors on their inputs. */
export function fieldErrorsOf<F extends string = string>(
  error: z.ZodError,
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "") as F;
    errors[field] ??= issue.message;
  }
  return errors;
}
