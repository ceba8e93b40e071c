import type { Locator } from "@playwright/test";

/**
 * Contrast ratios as WCAG defines them, from colours as the browser computes them. Tailwind's
 * colours arrive as oklch(), so each is painted on a 1×1 canvas and read back as sRGB.
 */
export async function contrastOf(
  element: Locator,
  foreground: "placeholder" | "text" | "border",
): Promise<number> {
  return element.evaluate((node, which) => {
    const toRgb = (color: string) => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const context = canvas.getContext("2d")!;
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    // What is painted behind: the nearest opaque background, from the element itself for its
    // text, from its parent for its border (which sits on what surrounds the control).
    const backdrop = (from: Element | null) => {
      for (let at = from; at; at = at.parentElement) {
        const background = getComputedStyle(at).backgroundColor;
        if (background && !/rgba\(.*,\s*0\)$|transparent/.test(background)) return background;
      }
      return "rgb(255, 255, 255)";
    };
    const style =
      which === "placeholder" ? getComputedStyle(node, "::placeholder") : getComputedStyle(node);
    const front = which === "border" ? style.borderTopColor : style.color;
    const back = backdrop(which === "border" ? node.parentElement : node);
    const [a, b] = [luminance(toRgb(front)), luminance(toRgb(back))].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  }, foreground);
}
