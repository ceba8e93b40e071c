"use client";

import { allowedOriginsSchema } from "@/lib/validation/settings";
import { saveAllowedOriginsAction } from "./actions";
import { ListSettingForm } from "./list-setting-form";

export function OriginsForm({ origins }: { origins: string[] }) {
  return (
    <ListSettingForm
      name="origins"
      schema={allowedOriginsSchema}
      action={saveAllowedOriginsAction}
      items={origins}
      separator={"\n"}
      label="Allowed origins"
      help="One origin per line, like https://app.example.com. Only these sites may embed the connect form."
      placeholder="https://app.example.com"
      rows={Math.max(4, origins.length + 2)}
      saveLabel="Save origins"
    />
  );
}
