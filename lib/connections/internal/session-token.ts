/** A connect link's token: `lcs_` and 256 random bits, URL-safe; only its SHA-256 is stored. */
export const SESSION_TOKEN_PREFIX = "lcs_";
export const SESSION_TOKEN_PATTERN = /^lcs_[A-Za-z0-9_-]{43}$/;
