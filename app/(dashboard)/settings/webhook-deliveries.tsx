import { formatDateTime } from "@/lib/i18n/format-date";
import type { WebhookDeliverySummary } from "@/lib/webhooks/manage-webhook";
import { DataTable } from "@/components/ui/data-table";

const STATUS_STYLES = {
  delivered: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  pending: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
} as const;

/** The delivery log: what was sent and where it stands, newest first. Server-rendered, no JS. */
export function WebhookDeliveries({ deliveries }: { deliveries: WebhookDeliverySummary[] }) {
  return (
    <div>
      <h3 id="webhook-deliveries-heading" className="text-base font-semibold">
        Recent deliveries
      </h3>
      <DataTable
        headings={["Time", "Event", "Status", "Attempts", "Last response"]}
        labelledBy="webhook-deliveries-heading"
        className="mt-3"
        empty={
          deliveries.length === 0 ? (
            <p className="px-3 py-8 text-center text-sm text-slate-600 dark:text-slate-400">
              No deliveries yet. Events are queued here as connections are created, fail, recover or
              are revoked.
            </p>
          ) : null
        }
      >
        {deliveries.map((delivery) => (
          <tr key={delivery.id} data-webhook-delivery-id={delivery.id} className="align-top">
            <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(delivery.createdAt)}</td>
            <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{delivery.event}</td>
            <td className="px-3 py-2">
              <DeliveryStatus delivery={delivery} />
            </td>
            <td className="px-3 py-2">{delivery.attempts}</td>
            <td className="px-3 py-2 break-words">{lastResponse(delivery)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function DeliveryStatus({ delivery }: { delivery: WebhookDeliverySummary }) {
  const status = delivery.status in STATUS_STYLES ? delivery.status : "pending";
  const label =
    status === "delivered"
      ? "Delivered"
      : status === "failed"
        ? "Failed"
        : delivery.attempts > 0
          ? "Retrying"
          : "Queued";
  return (
    <span className="flex flex-col items-start gap-0.5">
      <span
        className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[status as keyof typeof STATUS_STYLES]}`}
      >
        {label}
      </span>
      {label === "Retrying" ? (
        <span className="text-xs text-slate-600 dark:text-slate-400">
          next {formatDateTime(delivery.nextAttemptAt)}
        </span>
      ) : null}
    </span>
  );
}

function lastResponse(delivery: WebhookDeliverySummary): string {
  if (delivery.lastError) return delivery.lastError;
  if (delivery.lastStatus !== null) return `HTTP ${delivery.lastStatus}`;
  return "—";
}
