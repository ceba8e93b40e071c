"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useEffect, useSyncExternalStore, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import { config, type z } from "zod";
import type { FormFeedback } from "@/lib/validation/action-result";

// In the browser only: zod's fast path probes for eval with `new Function("")`, which the
// pages' CSP (no 'unsafe-eval') blocks and reports as a violation even though zod catches it.
// The server keeps the fast path.
if (typeof window !== "undefined") config({ jitless: true });

const noSubscription = () => () => {};

/**
 * A server-action form that works before and without JavaScript, enhanced by react-hook-form
 * once hydrated: the same zod schema checks fields instantly in the browser, errors the server
 * found land on their fields, and focus moves to the first one.
 */
export function useEnhancedForm<S extends z.ZodType<FieldValues, FieldValues>>(options: {
  schema: S;
  state: FormFeedback;
  formAction: (formData: FormData) => void;
  defaultValues: DefaultValues<z.input<S>>;
}) {
  const { schema, state, formAction, defaultValues } = options;
  // False in the server render and before hydration, when only the server's errors can show.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never),
    mode: "onTouched",
    defaultValues,
  });

  useEffect(() => {
    const entries = Object.entries(state.fieldErrors ?? {}) as [Path<z.input<S>>, string][];
    entries.forEach(([field, message], index) =>
      form.setError(field, { message }, { shouldFocus: index === 0 }),
    );
  }, [state, form]);

  const errorFor = (field: Path<z.input<S>> & string): string | undefined => {
    const clientError = form.formState.errors[field]?.message;
    if (typeof clientError === "string") return clientError;
    return hydrated ? undefined : state.fieldErrors?.[field];
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formData = new FormData(event.currentTarget);
    void form.handleSubmit(() => startTransition(() => formAction(formData)))(event);
  };

  return { form, errorFor, onSubmit };
}
