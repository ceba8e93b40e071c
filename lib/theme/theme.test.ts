import { describe, expect, it } from "vitest";
import { DARK_TEXT, LIGHT_TEXT } from "./contrast";
import { resolveTheme, type ThemedWorkspace } from "./theme";

const plain: ThemedWorkspace = {
  name: "Acme",
  displayName: null,
  logoUrl: null,
  primaryColor: null,
  themeMode: "system",
};

const branded: ThemedWorkspace = {
  name: "Acme",
  displayName: "Acme Cloud",
  logoUrl: "https://cdn.acme.example/logo.png",
  primaryColor: "#2563eb",
  themeMode: "dark",
};

describe("resolveTheme", () => {
  it("falls back to the workspace name and the house look", () => {
    expect(resolveTheme(plain)).toEqual({
      displayName: "Acme",
      logoUrl: null,
      primaryColor: null,
      onPrimaryColor: null,
      mode: "system",
    });
  });

  it("answers the workspace's own theme, with a text colour for its primary colour", () => {
    expect(resolveTheme(branded)).toEqual({
      displayName: "Acme Cloud",
      logoUrl: "https://cdn.acme.example/logo.png",
      primaryColor: "#2563eb",
      onPrimaryColor: LIGHT_TEXT,
      mode: "dark",
    });
  });

  it("lets valid override values win", () => {
    const theme = resolveTheme(branded, { primaryColor: " #FACC15 ", mode: "light" });
    expect(theme).toMatchObject({
      primaryColor: "#facc15",
      onPrimaryColor: DARK_TEXT,
      mode: "light",
      displayName: "Acme Cloud",
    });
    expect(resolveTheme(plain, { primaryColor: "#000" }).primaryColor).toBe("#000000");
  });

  it("ignores override values that are missing, null or invalid", () => {
    const expected = resolveTheme(branded);
    for (const override of [
      {},
      { primaryColor: null, mode: null },
      { primaryColor: "red", mode: "sepia" },
      { primaryColor: "#2563eb; background: url(x)", mode: "Dark" },
      { primaryColor: 0x2563eb, mode: ["light"] },
    ]) {
      expect(resolveTheme(branded, override)).toEqual(expected);
    }
  });

  it("distrusts the stored row as well", () => {
    const theme = resolveTheme({
      name: "Acme",
      displayName: "   ",
      logoUrl: "javascript:alert(1)",
      primaryColor: "blue",
      themeMode: "neon",
    });
    expect(theme).toEqual(resolveTheme(plain));
    expect(resolveTheme({ ...plain, logoUrl: "http://cdn.example/logo.png" }).logoUrl).toBeNull();
    expect(resolveTheme({ ...plain, logoUrl: "http://localhost:3000/logo.png" }).logoUrl).toBe(
      "http://localhost:3000/logo.png",
    );
  });
});
