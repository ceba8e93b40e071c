import { redirect } from "next/navigation";
import { needsSetup } from "@/lib/auth/setup";
import { hasLiveSession } from "@/lib/auth/member";

export const dynamic = "force-dynamic";

/** First run goes to setup; members to their connections; everyone else to sign in. */
export default async function HomePage() {
  if (await needsSetup()) redirect("/setup");
  redirect((await hasLiveSession()) ? "/connections" : "/login");
}
