import { auditExportStream } from "@/lib/audit/export-format";
import { exportAuditEvents } from "@/lib/audit/list-audit-events";
import { recordAudit } from "@/lib/audit/record";
import { requireMember } from "@/lib/auth/member";
import { logger } from "@/lib/log";
import { auditExportQuerySchema } from "@/lib/validation/audit-query";

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", json: "application/json" } as const;

/** Downloads every audit event matching the page's filters, as CSV or JSON. */
export async function GET(request: Request) {
  const member = await requireMember();
  const query = auditExportQuerySchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!query.success) {
    const problems = query.error.issues.map((issue) => issue.message).join(" ");
    return new Response(`The export filters are not valid. ${problems}\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const { format, ...filters } = query.data;
  // Who took a copy of the log is itself worth knowing.
  await recordAudit(member, { action: "audit.exported", details: { format } });
  const day = new Date().toISOString().slice(0, 10);
  const body = auditExportStream(exportAuditEvents(member, filters), format, (error) =>
    // Headers are already sent, so the download just ends short; the log says why.
    logger.error({ err: error, workspaceId: member.workspaceId }, "audit export failed"),
  );
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="latch-audit-${day}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
