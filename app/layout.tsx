import type { Metadata } from "next";
import { connection } from "next/server";
import { requestLocale } from "@/lib/i18n/request-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Latch", template: "%s · Latch" },
  description: "Connect an Atlassian service account",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page carries a per-response CSP nonce (proxy.ts), so none may be prerendered.
  await connection();
  return (
    <html lang={await requestLocale()}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
