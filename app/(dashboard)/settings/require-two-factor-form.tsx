"use client";

import { requireTwoFactorAction } from "./two-factor-actions";
import { SwitchSettingForm } from "./switch-setting-form";

export function RequireTwoFactorForm({
  required,
  adminHasTwoFactor,
  membersWithout,
}: {
  required: boolean;
  adminHasTwoFactor: boolean;
  membersWithout: number;
}) {
  return (
    <SwitchSettingForm
      name="requireTwoFactor"
      checked={required}
      action={requireTwoFactorAction}
      label="Require two-factor authentication"
      saveLabel="Save requirement"
      help={
        <>
          A member without it can open only their Account page, to turn it on.{" "}
          {membersWithout === 0
            ? "Every member has it on."
            : `${membersWithout} ${membersWithout === 1 ? "member has" : "members have"} it off.`}
          {adminHasTwoFactor ? null : " Turn it on for your own account first."}
        </>
      }
    />
  );
}
