import "server-only";
import QRCode from "qrcode";

/**
 * The QR code as SVG markup, made on the server and put inline in the page: no image request,
 * no `data:` URL, nothing the Content-Security-Policy has to allow, and the secret it carries
 * never leaves the page that shows it.
 */
export async function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#000000", light: "#ffffff" },
  });
}
