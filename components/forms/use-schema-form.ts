"use client";

import {
  startTransition,
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type FormEvent,
} from "react";

type Issue = { path: PropertyKey[]; message: string };
/** Any zod schema (classic or mini): only safeParse is used. */
type Schema = {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
};
type Errors<F extends string> = Partial<Record<F, string>>;

/**
 * Enhances a server-action form once hydrated, with the same zod schema the action uses: a field
 * is checked when it loses focus and then as it changes, a submit with errors focuses the first
 * one instead of posting, and errors the server found land on their fields.
 *
 * Built for the connect page, which other companies embed: a tenth of react-hook-form's weight,
 * and the schema (zod is most of the bytes) loads when a field is first focused, not with the
 * page; until then the form works as a plain form the server checks. The dashboard's forms use
 * react-hook-form (components/forms/use-enhanced-form.ts).
 */
export function useSchemaForm<F extends string>(options: {
  loadSchema: () => Promise<Schema>;
  serverErrors: Errors<F> | undefined;
  formAction: (formData: FormData) => void;
  /** Words a schema message for the reader (the connect schema's messages are catalog keys). */
  describe?: (message: string) => string;
}) {
  const { loadSchema, serverErrors, formAction, describe = (message) => message } = options;
  const schema = useRef<Promise<Schema> | null>(null);
  // zod/mini arrives with the schema; jitless before the first parse, so zod never probes for
  // eval with `new Function("")`, which the CSP (no 'unsafe-eval') blocks and reports.
  const ensureSchema = () =>
    (schema.current ??= Promise.all([import("zod/mini"), loadSchema()]).then(([zod, loaded]) => {
      zod.config({ jitless: true });
      return loaded;
    }));
  const formRef = useRef<HTMLFormElement>(null);
  const touched = useRef(new Set<string>());
  const pressing = useRef(false);
  const deferred = useRef<string[]>([]);
  const [errors, setErrors] = useState<Errors<F>>(serverErrors ?? {});
  const [adopted, setAdopted] = useState(serverErrors);

  // A new answer from the server replaces what is shown (React's "adjust state on prop change").
  if (serverErrors !== adopted) {
    setAdopted(serverErrors);
    setErrors(serverErrors ?? {});
  }
  useEffect(() => {
    const first = Object.keys(serverErrors ?? {})[0];
    if (first) focusField(formRef.current, first);
  }, [serverErrors]);

  const check = async (): Promise<Errors<F>> => {
    const form = formRef.current;
    if (!form) return {};
    const result = (await ensureSchema()).safeParse(Object.fromEntries(new FormData(form)));
    const found: Errors<F> = {};
    if (!result.success) {
      for (const issue of result.error.issues)
        found[String(issue.path[0]) as F] ??= describe(issue.message);
    }
    return found;
  };

  const recheck = async (name: string) => {
    const found = await check();
    setErrors((previous) => ({ ...previous, [name]: found[name as F] }));
  };

  return {
    errors,
    formProps: {
      ref: formRef,
      noValidate: true,
      onFocus: () => void ensureSchema(),
      // A press inside the form (on Connect, most often) moves focus before the click lands.
      // Checking the field it left at once could show an error that pushes the button down
      // between press and release, and the click would be lost (in every browser, whether or
      // not it focuses buttons). So that check waits until the press is over.
      onPointerDown: () => {
        pressing.current = true;
        const release = () => {
          pressing.current = false;
          window.removeEventListener("pointerup", release);
          window.removeEventListener("pointercancel", release);
          // After the click (and any submit it makes) has been handled.
          setTimeout(() => deferred.current.splice(0).forEach((name) => void recheck(name)));
        };
        window.addEventListener("pointerup", release);
        window.addEventListener("pointercancel", release);
      },
      onBlur: (event: FocusEvent<HTMLFormElement>) => {
        const name = (event.target as Partial<HTMLInputElement>).name;
        if (!name || name.startsWith("$")) return;
        touched.current.add(name);
        if (pressing.current) deferred.current.push(name);
        else void recheck(name);
      },
      onChange: (event: FormEvent<HTMLFormElement>) => {
        const name = (event.target as HTMLInputElement).name;
        if (touched.current.has(name)) void recheck(name);
      },
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        void check().then((found) => {
          const first = Object.keys(found)[0];
          if (!first) return startTransition(() => formAction(formData));
          setErrors(found);
          focusField(formRef.current, first);
        });
      },
    },
  };
}

function focusField(form: HTMLFormElement | null, name: string) {
  const field = form?.elements.namedItem(name);
  if (field instanceof HTMLElement) field.focus();
}
