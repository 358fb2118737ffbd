/**
 * The archivist interface's cookies. express writes them (res.cookie, res.clearCookie) and cookie-parser,
 * mounted on the archivist router, reads them; this file holds what is ours: the names and the attributes.
 */
import type { CookieOptions, Request, Response } from 'express';

export const COOKIES = Object.freeze({
  session: 'kanta_archivist',
  login: 'kanta_login',
  lang: 'kanta_lang',
  contrast: 'kanta_contrast',
});

export type CookieName = (typeof COOKIES)[keyof typeof COOKIES];

/**
 * SameSite=Strict so that no cross-site request carries them; Path=/archivist so that nothing else on the
 * listener sees them. (Secure is left off: the web listener is plain HTTP on loopback by default.)
 */
const SCOPE = Object.freeze({ path: '/archivist', sameSite: 'strict' }) satisfies CookieOptions;

/** A cookie of the request as cookie-parser read it; anything but a plain string counts as absent. */
export function readCookie(req: Request, name: CookieName): string | undefined {
  const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Writes a cookie: HttpOnly for secrets, and the page may read the preferences. */
export function setCookie(
  res: Response,
  name: CookieName,
  value: string,
  options: { readonly httpOnly: boolean; readonly maxAgeSeconds: number },
): void {
  res.cookie(name, value, { ...SCOPE, httpOnly: options.httpOnly, maxAge: options.maxAgeSeconds * 1000 });
}

/** Clears a secret cookie (empty and already expired, with the attributes it was set with). */
export function clearCookie(res: Response, name: CookieName): void {
  res.clearCookie(name, { ...SCOPE, httpOnly: true });
}
