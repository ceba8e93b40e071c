import type { Metadata } from "next";
import { CARD_CELL, CARD_ROW, CardLabel, DataTable } from "@/components/ui/data-table";

const CELL = `px-3 py-2 ${CARD_CELL}`;
import { requireAdmin } from "@/lib/auth/member";
import { formatDateTime } from "@/lib/i18n/format-date";
import { listMembers } from "@/lib/members/list-members";
import { ROLE_LABELS } from "@/lib/members/roles";
import { InviteForm } from "./invite-form";
import { InviteRowActions } from "./invite-row-actions";
import { MemberRowActions } from "./member-row-actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const admin = await requireAdmin();
  const { members, invites } = await listMembers(admin);
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold">Members</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-300">
          Who can sign in to {admin.workspaceName}. An Admin does everything; a Member lists, tests
          and revokes connections and reads the audit log. Changes take effect on their next click.
        </p>
      </div>

      <section aria-labelledby="members-heading" className="space-y-4">
        <h2 id="members-heading" className="text-lg font-semibold">
          {members.length} member{members.length === 1 ? "" : "s"}
        </h2>
        <DataTable headings={["Email", "Role", "Joined", "Last sign-in", "Actions"]} cards>
          {members.map((member) => (
            <tr key={member.userId} data-member={member.email} className={`align-top ${CARD_ROW}`}>
              <td className={`${CELL} font-medium break-all`}>
                {member.email}
                {member.userId === admin.userId ? (
                  <span className="ml-1 font-normal text-slate-600 dark:text-slate-400">(you)</span>
                ) : null}
                {member.twoFactor ? (
                  <div className="text-xs font-normal text-slate-600 dark:text-slate-400">
                    Two-factor on
                  </div>
                ) : null}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <CardLabel>Role</CardLabel>
                {ROLE_LABELS[member.role]}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <CardLabel>Joined</CardLabel>
                {formatDateTime(member.joinedAt)}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <CardLabel>Last sign-in</CardLabel>
                {formatDateTime(member.lastSignInAt)}
              </td>
              <td className={CELL}>
                <MemberRowActions
                  userId={member.userId}
                  email={member.email}
                  role={member.role}
                  resettable={member.resettable}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="invite-heading" className="space-y-4">
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite
        </h2>
        <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-300">
          Latch sends no e-mail: it makes a one-time link for you to send. The link works once, for
          7 days; a newer invite for the same e-mail replaces it.
        </p>
        <InviteForm />
        <h3 className="pt-2 font-semibold">Open invites</h3>
        <DataTable
          headings={["Email", "Role", "Created", "Expires", "Actions"]}
          cards
          empty={
            invites.length === 0 ? (
              <p className="px-3 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
                No open invites.
              </p>
            ) : null
          }
        >
          {invites.map((invite) => (
            <tr key={invite.id} data-invite={invite.email} className={`align-top ${CARD_ROW}`}>
              <td className={`${CELL} break-all`}>{invite.email}</td>
              <td className={CELL}>
                <CardLabel>Role</CardLabel>
                {ROLE_LABELS[invite.role]}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <CardLabel>Created</CardLabel>
                {formatDateTime(invite.createdAt)}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <CardLabel>Expires</CardLabel>
                {formatDateTime(invite.expiresAt)}
              </td>
              <td className={CELL}>
                <InviteRowActions inviteId={invite.id} email={invite.email} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
