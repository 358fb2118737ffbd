import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, verifyPassword } from '../../server/archivist/passwords.js';

const b64 = (bytes: number): string => randomBytes(bytes).toString('base64');

/** A value in the six-field form written before the key length was stored (scrypt$N$r$p$salt$hash). */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16_384, r: 8, p: 1 });
  return ['scrypt', 16_384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('passwords', () => {
  it('stores every scrypt parameter (N, r, p, key length) in the value', async () => {
    const hash = await hashPassword('oikea salasana');
    const [scheme, n, r, p, keylen, salt, key] = hash.split('$');
    expect({ scheme, n, r, p, keylen }).toEqual({
      scheme: 'scrypt',
      n: '16384',
      r: '8',
      p: '1',
      keylen: '32',
    });
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(DEFAULT_SCRYPT_PARAMS.keylen);
    expect(await verifyPassword('oikea salasana', hash)).toBe(true);
    expect(await verifyPassword('väärä salasana', hash)).toBe(false);
  });

  it('raises the cost for new hashes (above the 32 MiB default maxmem) and still verifies old ones', async () => {
    const raised = await hashPassword('salasana', { N: 65_536, r: 8, p: 2, keylen: 48 });
    expect(raised).toMatch(/^scrypt\$65536\$8\$2\$48\$/);
    expect(await verifyPassword('salasana', raised)).toBe(true);
    expect(await verifyPassword('salasanA', raised)).toBe(false);

    const old = legacyHash('vanha salasana');
    expect(await verifyPassword('vanha salasana', old)).toBe(true);
    expect(await verifyPassword('uusi salasana', old)).toBe(false);
  });

  const key32 = b64(32);
  const salt = b64(16);
  it.each([
    ['not scrypt at all', 'plain'],
    ['empty', ''],
    ['another scheme', `bcrypt$16384$8$1$32$${salt}$${key32}`],
    ['too few fields', `scrypt$16384$8$${salt}$${key32}`],
    ['too many fields', `scrypt$16384$8$1$32$32$${salt}$${key32}`],
    ['N not a power of two', `scrypt$3$8$1$32$${salt}$${key32}`],
    ['N not a number', `scrypt$lots$8$1$32$${salt}$${key32}`],
    ['N huge', `scrypt$1099511627776$8$1$32$${salt}$${key32}`],
    ['r zero', `scrypt$16384$0$1$32$${salt}$${key32}`],
    ['negative p', `scrypt$16384$8$-1$32$${salt}$${key32}`],
    ['key length differs from the hash', `scrypt$16384$8$1$48$${salt}$${key32}`],
    ['legacy form, N not a power of two', `scrypt$3$8$1$${salt}$${key32}`],
    ['legacy form, r not a number', `scrypt$16384$x$1$${salt}$${key32}`],
    ['legacy form with a short hash', `scrypt$16384$8$1$${salt}$${b64(8)}`],
    ['salt not base64', `scrypt$16384$8$1$32$%%%$${key32}`],
    ['empty hash', `scrypt$16384$8$1$32$${salt}$`],
  ])('a malformed stored value (%s) never matches and never throws', async (_what, stored) => {
    await expect(verifyPassword('salasana', stored)).resolves.toBe(false);
  });

  it('a stored value of the wrong type never matches', async () => {
    await expect(verifyPassword('salasana', undefined as unknown as string)).resolves.toBe(false);
  });

  it('refuses to make a hash with parameters out of range', async () => {
    await expect(hashPassword('x', { N: 1000, r: 8, p: 1, keylen: 32 })).rejects.toThrow(RangeError);
  });
});
