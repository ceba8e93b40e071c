"use client";

import { requiredScopesSchema } from "@/lib/validation/settings";
import { saveRequiredScopesAction } from "./actions";
import { ListSettingForm } from "./list-setting-form";

export function RequiredScopesForm({ scopes }: { scopes: string[] }) {
  return (
    <ListSettingForm
      name="requiredScopes"
      schema={requiredScopesSchema}
      action={saveRequiredScopesAction}
      items={scopes}
      separator=" "
      label="Required scopes"
      help="The OAuth scopes your app calls Atlassian with, separated by spaces. When a credential lacks any of them, the connect form still connects it but tells the person which to add."
      placeholder="read:jira-work write:jira-work"
      rows={2}
      saveLabel="Save scopes"
    />
  );
}
