/**
 * The archivist interface's cookies: their names, reading them from the request and writing them with the
 * attributes they all share.
 */
import type { Request, Response } from 'express';

export const COOKIES = Object.freeze({
  session: 'kanta_archivist',
  login: 'kanta_login',
  lang: 'kanta_lang',
  contrast: 'kanta_contrast',
});

export type CookieName = (typeof COOKIES)[keyof typeof COOKIES];

/** A cookie of the request (no dependency: the header is simple and we read only our own names). */
export function readCookie(req: Request, name: CookieName): string | undefined {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) {
      const key = part.slice(0, at).trim();
      try {
        out[key] = decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        // A malformed cookie value is ignored, as if absent.
      }
    }
  }
  return out[name];
}

/**
 * HttpOnly for secrets; SameSite=Strict so that no cross-site request carries them; Path=/archivist so
 * that nothing else on the listener sees them. (Secure is left off: the web listener is plain HTTP on
 * loopback by default.)
 */
export function setCookie(
  res: Response,
  name: CookieName,
  value: string,
  options: { readonly httpOnly: boolean; readonly maxAgeSeconds: number },
): void {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/archivist', 'SameSite=Strict'];
  if (options.httpOnly) {
    parts.push('HttpOnly');
  }
  parts.push(`Max-Age=${options.maxAgeSeconds}`);
  res.append('Set-Cookie', parts.join('; '));
}

/** Clears a secret cookie. */
export function clearCookie(res: Response, name: CookieName): void {
  setCookie(res, name, '', { httpOnly: true, maxAgeSeconds: 0 });
}
