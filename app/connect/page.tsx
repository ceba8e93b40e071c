import type { Metadata } from "next";
import { findConnectSession } from "@/lib/connections/connect-sessions";
import { ConnectBody } from "./connect-body";

export const metadata: Metadata = { title: "Connect your Atlassian service account" };

/** The standalone connect link: `{PUBLIC_URL}/connect?session_token=…`. */
export default async function ConnectPage({ searchParams }: PageProps<"/connect">) {
  const { session_token: token } = await searchParams;
  const sessionToken = typeof token === "string" ? token : null;
  const lookup = await findConnectSession(sessionToken);
  return <ConnectBody lookup={lookup} sessionToken={sessionToken} embed={null} />;
}
