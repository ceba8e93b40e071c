import { SubmitButton } from "@/components/ui/submit-button";

/** A settings form's save button, with the confirmation announced beside it. */
export function SaveRow({
  label,
  pending,
  saved,
  width = "sm:w-40",
}: {
  label: string;
  pending: boolean;
  /** The success message, once the last save worked. */
  saved: string | null;
  width?: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className={`w-full ${width}`}>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {label}
        </SubmitButton>
      </div>
      <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
        {saved}
      </p>
    </div>
  );
}
