"use client";

import { requiredScopesSchema } from "@/lib/validation/settings";
import { saveAllowMissingScopesAction, saveRequiredScopesAction } from "./actions";
import { SwitchSettingForm } from "./switch-setting-form";
import { ListSettingForm } from "./list-setting-form";

export function RequiredScopesForm({
  scopes,
  allowMissing,
}: {
  scopes: string[];
  allowMissing: boolean;
}) {
  return (
    <div className="space-y-8">
      <ListSettingForm
        name="requiredScopes"
        schema={requiredScopesSchema}
        action={saveRequiredScopesAction}
        items={scopes}
        separator=" "
        label="Required scopes"
        help="The OAuth scopes your app calls Atlassian with, separated by spaces. The connect form lists them before the end user creates the credential, and checks the credential for them."
        placeholder="read:jira-work write:jira-work"
        rows={2}
        saveLabel="Save scopes"
      />
      <SwitchSettingForm
        name="allowMissingScopes"
        checked={allowMissing}
        action={saveAllowMissingScopesAction}
        label="Connect a credential that lacks a required scope"
        saveLabel="Save choice"
        help="Off (recommended): the connect form refuses such a credential and names what it lacks, and the end user's link stays usable for one that has them. On: it connects, and the connection is flagged with the missing scopes."
      />
    </div>
  );
}
