/**
 * The Content-Security-Policy of every page: scripts only with this response's nonce (Next adds
 * it to its own scripts, and 'strict-dynamic' lets those load their chunks), nothing framed or
 * posted elsewhere, no plugins, no <base>. Styles allow inline attributes: the theme sets its
 * colours as CSS variables in a style attribute, which a nonce cannot cover.
 */
export function pagePolicy(options: {
  nonce: string;
  frameAncestors: string;
  development?: boolean;
}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its debugging tools; production never does.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // A workspace's logo may live on its own site.
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    options.frameAncestors,
  ].join("; ");
}

/** 128 random bits, base64: unguessable and new for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
