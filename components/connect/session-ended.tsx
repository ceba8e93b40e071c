import type { ConnectCopy } from "@/lib/i18n/connect-copy";

export function SessionEnded({
  copy,
  reason,
  site,
}: {
  copy: ConnectCopy["ended"];
  reason: "expired" | "invalid" | "spent";
  site?: { name: string; url: string } | null;
}) {
  return (
    <div role="status">
      <h1 className="text-xl font-semibold">{copy[`${reason}Title`]}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{copy[`${reason}Body`]}</p>
      {site ? (
        <p className="mt-2 text-sm">
          {copy.connectedSite} <span className="font-medium">{site.name}</span> ({site.url})
        </p>
      ) : null}
    </div>
  );
}
