/**
 * Guesses at what was meant, for validation messages that repeat the bad value and offer the
 * fix ("“acme.com” is not an origin. Did you mean https://acme.com?"). Each answers a value the
 * same schema accepts, or null: a suggestion that would be refused again helps nobody.
 */

const MAX_QUOTED = 60;

/** The value as the message repeats it: in quotes, cut short when long. */
export function quoted(value: string): string {
  const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED - 1)}…` : value;
  return `“${shown}”`;
}

/** ` Did you mean X?`, or nothing. */
export function didYouMean(suggestion: string | null): string {
  return suggestion ? ` Did you mean ${suggestion}?` : "";
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

// A host someone would type without a scheme: labels with a dot, or localhost, and a port.
const BARE_HOST =
  /^(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*(?::\d+)?(?:[/?#]|$)|^localhost(?::\d+)?(?:[/?#]|$)/i;

/**
 * An https (or, written so, http) URL for text that lacks a scheme (`acme.com/hook`), uses
 * another one (`ftp://…`, `http://…`), or carries credentials; `accepts` says what would pass.
 */
export function suggestUrl(text: string, accepts: (candidate: string) => boolean): string | null {
  const bare = text.replace(/^\/\//, "");
  let candidate: string | null = null;
  if (BARE_HOST.test(bare)) {
    candidate = `https://${bare}`;
  } else {
    const url = parseUrl(text);
    if (url && /^(https?|ftp|wss?):$/.test(url.protocol) && url.hostname) {
      url.protocol = "https:";
      url.username = "";
      url.password = "";
      candidate = url.href;
    }
  }
  return candidate && candidate !== text && accepts(candidate) ? candidate : null;
}

/** The origin of a URL-ish text: `acme.com` → `https://acme.com`, `https://a.example/x` → `https://a.example`. */
export function suggestOrigin(
  text: string,
  accepts: (candidate: string) => boolean,
): string | null {
  // http is an origin's scheme as much as https: keep it, and mend only what else is wrong.
  const direct = parseUrl(text);
  const asUrl = direct && /^https?:$/.test(direct.protocol) ? text : suggestUrl(text, () => true);
  const url = asUrl ? parseUrl(asUrl) : null;
  if (!url || !/^https?:$/.test(url.protocol) || !url.hostname) return null;
  const origin = url.origin;
  return origin !== text && accepts(origin) ? origin : null;
}

/** `#2563eb` for `2563eb`, `fff`, `#FFF` or `rgb(37, 99, 235)`. */
export function suggestHexColor(text: string): string | null {
  const digits = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text)?.[1];
  if (digits) {
    const six = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
    return `#${six.toLowerCase()}`;
  }
  const rgb =
    /^rgba?\(\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i.exec(
      text,
    );
  if (!rgb) return null;
  const channels = rgb.slice(1, 4).map(Number);
  if (channels.some((channel) => channel > 255)) return null;
  return `#${channels.map((channel) => channel.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * What the words that are not scopes were probably meant to be: `read: jira-work` (split at the
 * colon) → `read:jira-work`; `read:jira-work;write:jira-work` → both; quotes and brackets
 * dropped. Null unless every bad word has a fix.
 */
export function suggestScopes(words: string[], accepts: (word: string) => boolean): string | null {
  const fixes: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (accepts(word)) continue;
    const next = words[i + 1];
    if (next && (word.endsWith(":") || next.startsWith(":")) && accepts(word + next)) {
      fixes.push(word + next);
      i++;
      continue;
    }
    const pieces = word
      .replace(/^["'“‘<([]+|["'”’>)\]]+$/g, "")
      .split(/[;|]+/)
      .filter(Boolean);
    if (pieces.length === 0 || !pieces.every(accepts)) return null;
    fixes.push(...pieces);
  }
  return fixes.length ? fixes.join(" ") : null;
}
