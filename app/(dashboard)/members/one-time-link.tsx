import { CopyButton } from "@/components/ui/copy-button";

/** A link shown once (an invite, a reset): selectable text and a Copy button. */
export function OneTimeLink({ label, link }: { label: string; link: string }) {
  return (
    <div className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3 dark:border-emerald-900 dark:bg-emerald-950">
      <label className="block text-xs font-medium">
        {label}
        <input
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
          className="mt-1 block w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
        />
      </label>
      <CopyButton text={link} label="link" />
    </div>
  );
}
