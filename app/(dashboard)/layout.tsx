import Link from "next/link";
import { requireMemberForAccount } from "@/lib/auth/member";
import { isAdmin } from "@/lib/members/roles";
import { WorkspaceSwitcher } from "@/components/dashboard/workspace-switcher";
import { listMemberWorkspaces } from "@/lib/workspaces/list-member-workspaces";
import { signOutAction, switchWorkspaceAction } from "./actions";

// A Member is not shown what would answer 403 (the pages and actions refuse them anyway).
const NAV = [
  { href: "/connections", label: "Connections", adminOnly: false },
  { href: "/members", label: "Members", adminOnly: true },
  { href: "/settings", label: "Settings", adminOnly: true },
  { href: "/audit", label: "Audit log", adminOnly: false },
  { href: "/api-docs", label: "API", adminOnly: false },
];

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const member = await requireMemberForAccount();
  const workspaces = await listMemberWorkspaces(member.userId);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="font-semibold">Latch</span>
          <nav aria-label="Dashboard" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {NAV.filter((item) => !item.adminOnly || isAdmin(member.role)).map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="text-slate-700 hover:underline dark:text-slate-200"
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex min-w-0 flex-wrap items-center gap-3 text-sm">
            {/* One workspace leaves nothing to switch to. */}
            {workspaces.length > 1 ? (
              <WorkspaceSwitcher
                action={switchWorkspaceAction}
                current={member.workspaceId}
                workspaces={workspaces}
              />
            ) : null}
            <Link
              href="/account"
              title={`${member.email}: your account`}
              className="max-w-[12rem] min-w-0 truncate text-slate-600 hover:underline dark:text-slate-400"
            >
              {member.email}
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
