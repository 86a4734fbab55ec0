/**
 * A password (or any user info) in an endpoint URL, `https://user:secret@host/`, is a credential: it is never
 * stored or printed. Where an endpoint is shown or kept, its user info is replaced by `****`; the real URL only
 * goes to the SDK. No dependencies: the store and the messages use it too.
 */

/** What replaces the user info. */
export const REDACTED_USERINFO = '****';

// scheme://userinfo@ ; user info runs to the last `@` before the host (a password may hold an unencoded `@`).
const USERINFO_IN_URL = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i;
const USERINFO_IN_TEXT = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'`<>]*@/gi;

/** The URL with its user info, if any, replaced by `****`; anything else unchanged. */
export function redactUrlUserinfo(url: string): string {
  return url.replace(USERINFO_IN_URL, `$1${REDACTED_USERINFO}@`);
}

/** A text (a message, a stack) with the user info of every URL in it replaced by `****`. */
export function redactUrlsInText(text: string): string {
  return text.replace(USERINFO_IN_TEXT, `$1${REDACTED_USERINFO}@`);
}

/** True when the URL carries user info (after redaction it would differ). */
export function hasUrlUserinfo(url: string): boolean {
  return USERINFO_IN_URL.test(url);
}
