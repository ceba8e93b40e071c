import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  DARK_TEXT,
  LIGHT_TEXT,
  parseHexColor,
  relativeLuminance,
  textColorOn,
} from "./contrast";

describe("parseHexColor", () => {
  it("normalises #rgb and #rrggbb to lowercase #rrggbb", () => {
    expect(parseHexColor("#2563EB")).toBe("#2563eb");
    expect(parseHexColor("  #abc \n")).toBe("#aabbcc");
    expect(parseHexColor("#FFF")).toBe("#ffffff");
  });

  it("refuses anything else", () => {
    for (const bad of ["", "#", "2563eb", "#25", "#2563e", "#2563ebff", "#ggg", "red", "# abc"]) {
      expect(parseHexColor(bad)).toBeNull();
    }
  });
});

describe("relativeLuminance and contrastRatio", () => {
  it("spans 0 to 1 and 1 to 21", () => {
    expect(relativeLuminance("#000")).toBe(0);
    expect(relativeLuminance("#fff")).toBeCloseTo(1, 10);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 10);
    expect(contrastRatio("#2563eb", "#2563eb")).toBe(1);
  });

  it("matches known WCAG values, in either order", () => {
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#ffffff", "#777")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#2563eb", "#ffffff")).toBeCloseTo(5.17, 2);
  });

  it("throws on a colour it cannot read", () => {
    expect(() => relativeLuminance("blue")).toThrow(RangeError);
  });
});

describe("textColorOn", () => {
  it("puts white on dark and saturated colours", () => {
    expect(textColorOn("#2563eb")).toBe(LIGHT_TEXT);
    expect(textColorOn("#000")).toBe(LIGHT_TEXT);
    expect(textColorOn("#7c3aed")).toBe(LIGHT_TEXT);
  });

  it("puts dark text on light colours", () => {
    expect(textColorOn("#facc15")).toBe(DARK_TEXT);
    expect(textColorOn("#ffffff")).toBe(DARK_TEXT);
    expect(textColorOn("#22d3ee")).toBe(DARK_TEXT);
  });
});
