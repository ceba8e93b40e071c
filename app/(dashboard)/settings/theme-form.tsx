"use client";

import { useActionState, useEffect, useSyncExternalStore } from "react";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { Field } from "@/components/ui/field";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { contrastRatio, parseHexColor, textColorOn } from "@/lib/theme/contrast";
import { isThemeMode } from "@/lib/theme/theme";
import { themeSettingsSchema, type ThemeSettings } from "@/lib/validation/settings";
import { saveThemeAction, type ThemeState } from "./actions";
import { SaveRow } from "./save-row";

// The house colour (--color-brand-600), which the connect form uses when none is set.
const HOUSE_COLOR = "#2563eb";
// WCAG AA for normal text; below it the preview says so.
const MIN_CONTRAST = 4.5;
const MODES = [
  { value: "system", label: "Match the visitor's system" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
] as const;

type ThemeText = z.input<typeof themeSettingsSchema>;

const asText = (theme: ThemeSettings): ThemeText => ({
  displayName: theme.displayName ?? "",
  logoUrl: theme.logoUrl ?? "",
  primaryColor: theme.primaryColor ?? "",
  themeMode: theme.themeMode,
});

const noSubscription = () => () => {};

export function ThemeForm({
  theme,
  workspaceName,
}: {
  theme: ThemeSettings;
  workspaceName: string;
}) {
  const [state, formAction, pending] = useActionState<ThemeState, FormData>(saveThemeAction, {});
  const saved = asText(theme);
  // Without JavaScript the page re-renders from the answer, so a refused post keeps what was typed.
  const echoed = state.ok === false ? state.values : undefined;
  const defaults: ThemeText = {
    ...saved,
    ...echoed,
    themeMode: isThemeMode(echoed?.themeMode) ? echoed.themeMode : saved.themeMode,
  };
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: themeSettingsSchema,
    state,
    formAction,
    defaultValues: defaults,
  });
  useEffect(() => {
    if (state.ok) form.reset(asText(state.theme));
  }, [state, form]);
  const primaryColor = useWatch({ control: form.control, name: "primaryColor" });
  const displayName = useWatch({ control: form.control, name: "displayName" });
  const color = parseHexColor(primaryColor ?? "");
  const colorError = errorFor("primaryColor");
  const modeError = errorFor("themeMode");

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <Field
        label="Display name"
        optional="(optional)"
        autoComplete="off"
        placeholder={workspaceName}
        help="Shown above the connect form. Leave it empty to use the workspace name."
        error={errorFor("displayName")}
        defaultValue={defaults.displayName}
        {...form.register("displayName")}
      />
      <Field
        label="Logo URL"
        type="url"
        optional="(optional)"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://example.com/logo.png"
        help="An https address of an image, shown at the top of the form at most 40 px tall."
        error={errorFor("logoUrl")}
        defaultValue={defaults.logoUrl}
        {...form.register("logoUrl")}
      />
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <Field
            label="Primary colour"
            optional="(optional)"
            autoComplete="off"
            spellCheck={false}
            placeholder={HOUSE_COLOR}
            help="Buttons and links use it. The text on it is chosen for contrast automatically."
            error={colorError}
            defaultValue={defaults.primaryColor}
            {...form.register("primaryColor")}
          />
        </div>
        <ColorSwatch
          value={color ?? HOUSE_COLOR}
          onPick={(picked) =>
            form.setValue("primaryColor", picked, { shouldDirty: true, shouldValidate: true })
          }
        />
      </div>
      <div>
        <label htmlFor="field-themeMode" className="block text-sm font-medium">
          Theme
        </label>
        <select
          id="field-themeMode"
          aria-invalid={modeError ? true : undefined}
          aria-describedby={modeError ? "field-themeMode-error" : undefined}
          defaultValue={defaults.themeMode}
          className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-600/40 dark:border-slate-700 dark:bg-slate-950"
          {...form.register("themeMode")}
        >
          {MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </select>
        {modeError ? (
          <p
            id="field-themeMode-error"
            role="alert"
            className="mt-1.5 text-sm text-red-700 dark:text-red-400"
          >
            {modeError}
          </p>
        ) : null}
      </div>
      <Preview name={displayName?.trim() || workspaceName} color={color} />
      <SaveRow
        label="Save appearance"
        pending={pending}
        saved={state.ok ? state.message : null}
        width="sm:w-48"
      />
    </form>
  );
}

/** A native colour picker beside the text field; only once hydrated, since it syncs by script. */
function ColorSwatch({ value, onPick }: { value: string; onPick: (color: string) => void }) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <input
      type="color"
      aria-label="Pick the primary colour"
      value={value}
      onChange={(event) => onPick(event.target.value)}
      className="mt-6.5 h-9.5 w-12 shrink-0 cursor-pointer rounded-lg border border-slate-300 bg-white p-1 dark:border-slate-700 dark:bg-slate-950"
    />
  );
}

/** The connect form's main button as visitors will see it, with how well its text reads. */
function Preview({ name, color }: { name: string; color: string | null }) {
  const background = color ?? HOUSE_COLOR;
  const text = textColorOn(background);
  const ratio = contrastRatio(background, text);
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-700">
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Preview
      </p>
      <p className="mt-2 text-sm font-semibold">{name}</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <span
          aria-hidden="true"
          className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold shadow-sm"
          style={{ backgroundColor: background, color: text }}
        >
          Connect
        </span>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Contrast {ratio.toFixed(1)}:1{color ? "" : " (default colour)"}
          {ratio < MIN_CONTRAST ? (
            <span className="block text-amber-700 dark:text-amber-400">
              Below the {MIN_CONTRAST}:1 recommended for text; a darker or lighter shade reads
              better.
            </span>
          ) : null}
        </p>
      </div>
    </div>
  );
}
