/**
 * Set by proxy.ts to "1" on a POST to a page, "0" otherwise (a client's own copy is
 * overwritten), so a page can tell it is answering its form's post (app/connect/form-post.ts).
 */
export const FORM_POST_HEADER = "x-latch-form-post";
