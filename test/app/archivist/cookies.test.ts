/**
 * The archivist interface's cookies, attribute by attribute: every cookie stays on /archivist and off
 * cross-site requests (SameSite=Strict), the secrets (session, sign-in form token) are HttpOnly, the
 * preferences are readable by the page, none is Secure (the web listener is plain HTTP on loopback), and
 * each lives exactly as long as it did. A cleared cookie is empty and already expired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '../../../server/archivist/sessions.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import { csrfOf } from '../../archivist/support.js';

interface SetCookie {
  readonly name: string;
  readonly value: string;
  /** Attribute names in lower case, with their values ('' for flags such as HttpOnly). */
  readonly attributes: ReadonlyMap<string, string>;
}

function parseSetCookie(header: string): SetCookie {
  const [pair = '', ...rest] = header.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  const attributes = new Map<string, string>();
  for (const attribute of rest) {
    const eq = attribute.indexOf('=');
    attributes.set(
      (eq < 0 ? attribute : attribute.slice(0, eq)).toLowerCase(),
      eq < 0 ? '' : attribute.slice(eq + 1),
    );
  }
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
}

function cookieNamed(res: Response, name: string): SetCookie {
  const found = res.headers
    .getSetCookie()
    .map(parseSetCookie)
    .find((c) => c.name === name);
  if (!found) {
    throw new Error(`no Set-Cookie for ${name}: ${res.headers.getSetCookie().join(' | ')}`);
  }
  return found;
}

/** The attributes every archivist cookie carries, whatever it holds. */
function expectScoped(cookie: SetCookie, httpOnly: boolean): void {
  expect(cookie.attributes.get('path')).toBe('/archivist');
  expect(cookie.attributes.get('samesite')).toBe('Strict');
  expect(cookie.attributes.has('httponly')).toBe(httpOnly);
  expect(cookie.attributes.has('secure')).toBe(false);
  expect(cookie.attributes.has('domain')).toBe(false);
}

function expectLives(cookie: SetCookie, seconds: number): void {
  expect(cookie.attributes.get('max-age')).toBe(String(seconds));
}

/** Empty and expired: by Max-Age=0 or by an Expires in the past, either of which deletes it. */
function expectCleared(cookie: SetCookie): void {
  expect(cookie.value).toBe('');
  const maxAge = cookie.attributes.get('max-age');
  const expires = cookie.attributes.get('expires');
  expect(maxAge === '0' || (expires !== undefined && Date.parse(expires) <= Date.now())).toBe(true);
}

describe('archivist cookies', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startKantaSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  /** Signs in with the demo button; returns the sign-in page's answer and the sign-in's. */
  async function signInDemo(): Promise<{ login: Response; signedIn: Response }> {
    const login = await fetch(`${sim.webUrl}/archivist/login`);
    const token = csrfOf(await login.text());
    const signedIn = await fetch(`${sim.webUrl}/archivist/demo`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: `kanta_login=${cookieNamed(login, 'kanta_login').value}`,
      },
      body: `csrf=${token}`,
      redirect: 'manual',
    });
    expect(signedIn.status).toBe(303);
    return { login, signedIn };
  }

  it('gives the sign-in form an HttpOnly token for an hour', async () => {
    const { login } = await signInDemo();
    const token = cookieNamed(login, 'kanta_login');
    expect(token.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expectScoped(token, true);
    expectLives(token, 3600);
  });

  it('opens an HttpOnly session for its lifetime and clears the sign-in token', async () => {
    const { signedIn } = await signInDemo();
    const session = cookieNamed(signedIn, 'kanta_archivist');
    expect(session.value).not.toBe('');
    expectScoped(session, true);
    expectLives(session, SESSION_TTL_MS / 1000);
    const token = cookieNamed(signedIn, 'kanta_login');
    expectScoped(token, true);
    expectCleared(token);
  });

  it('keeps the language and contrast for a year, readable by the page', async () => {
    const res = await fetch(`${sim.webUrl}/archivist/prefs?lang=sv&contrast=on`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    for (const [name, value] of [
      ['kanta_lang', 'sv'],
      ['kanta_contrast', 'on'],
    ] as const) {
      const cookie = cookieNamed(res, name);
      expect(cookie.value).toBe(value);
      expectScoped(cookie, false);
      expectLives(cookie, 365 * 86_400);
    }
  });

  it('reads the language back from its cookie', async () => {
    const res = await fetch(`${sim.webUrl}/archivist/login`, { headers: { Cookie: 'kanta_lang=en' } });
    expect(await res.text()).toMatch(/<html lang="en"/);
  });

  it('clears the session on sign-out', async () => {
    const { signedIn } = await signInDemo();
    const session = `kanta_archivist=${cookieNamed(signedIn, 'kanta_archivist').value}`;
    const page = await fetch(`${sim.webUrl}/archivist/search`, { headers: { Cookie: session } });
    const res = await fetch(`${sim.webUrl}/archivist/logout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session },
      body: `csrf=${csrfOf(await page.text())}`,
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const cleared = cookieNamed(res, 'kanta_archivist');
    expectScoped(cleared, true);
    expectCleared(cleared);
  });
});
