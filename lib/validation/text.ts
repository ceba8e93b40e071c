/**
 * Text a database can store and compare. JSON and percent-encoding can carry two things no
 * column takes: NUL (PostgreSQL refuses it in text) and a lone UTF-16 surrogate such as "\ud800"
 * (not Unicode at all, and refused by the database driver). Either used to reach the database
 * and crash the request with a 500; schemas refuse them up front instead, with a 400.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** For API field messages, which follow the field's name: "end_user.id: must be …". */
export const UNSTORABLE_TEXT_MESSAGE =
  "must be plain text: it contains a NUL character or invalid Unicode (an unpaired surrogate)";
