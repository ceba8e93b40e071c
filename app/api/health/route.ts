import { otherMethods } from "@/lib/api/methods";
import { databaseAnswers } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** For load balancers and orchestrators: 200 while the database answers, 503 otherwise. */
export async function GET() {
  const ok = await databaseAnswers();
  return Response.json(ok ? { status: "ok" } : { status: "unavailable" }, {
    status: ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}

// Any other method: 405 method_not_allowed, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
