/** The Atlassian products whose REST APIs the gateway serves under `/ex/{product}/{cloudId}`. */
export const PRODUCTS = ["jira", "confluence"] as const;
export type Product = (typeof PRODUCTS)[number];

export function isProduct(value: string): value is Product {
  return (PRODUCTS as readonly string[]).includes(value);
}

/**
 * Which products a site serves, read from its scopes (ATLASSIAN.md: a scope naming `confluence`
 * means Confluence, `jira` means Jira), in PRODUCTS order. A site whose scopes name neither
 * (none listed, or only platform scopes such as `read:me`) is taken to serve Jira: that is what
 * every connection was assumed to serve before products were read, so no existing caller's base
 * URL changes under it.
 */
export function productsFromScopes(scopes: readonly string[]): Product[] {
  const named = PRODUCTS.filter((product) =>
    scopes.some((scope) => scope.toLowerCase().includes(product)),
  );
  return named.length ? named : ["jira"];
}

/** The gateway base for one product of a site: `{api}/ex/{product}/{cloudId}`. */
export function gatewayBaseUrl(apiUrl: string, product: Product, cloudId: string): string {
  return `${apiUrl}/ex/${product}/${encodeURIComponent(cloudId)}`;
}

/** Every product the site serves, mapped to its gateway base. */
export function gatewayBaseUrls(
  apiUrl: string,
  products: readonly Product[],
  cloudId: string,
): Partial<Record<Product, string>> {
  return Object.fromEntries(
    products.map((product) => [product, gatewayBaseUrl(apiUrl, product, cloudId)]),
  );
}

/** The one base URL of older answers: Jira's when the site serves Jira, else the first. */
export function primaryProduct(products: readonly Product[]): Product {
  return products.includes("jira") ? "jira" : (products[0] ?? "jira");
}
