import { describe, expect, it } from "vitest";
import { localizedText } from "./localize";
import { CATALOGS, translator } from "./translate";

// A translation broken after release (here: French's rate-limit message loses a brace). This
// file's modules are its own, so the damage stays here.
CATALOGS.fr.failures.rate_limited =
  "Trop de tentatives : attendez {minutes, plural, one {# minute}";

describe("a broken translation", () => {
  it("shows the English message with its values filled in, not a key or raw ICU", () => {
    expect(localizedText("fr", "failures.rate_limited", { minutes: 3 })).toBe(
      "Too many attempts. Nothing was sent to Atlassian; wait 3 minutes, then try again.",
    );
    expect(translator("fr").markup("failures.rate_limited", { minutes: 1 })).toContain(
      "wait 1 minute,",
    );
  });

  it("leaves the rest of the language alone", () => {
    expect(localizedText("fr", "form.connect")).toBe("Connecter");
  });
});
