/**
 * Password hashing for archivists: scrypt with a random salt per password, every parameter (N, r, p, key
 * length) stored beside the hash so that the cost can be raised later without invalidating existing hashes.
 * Comparison is constant-time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost: a power of two. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelisation. */
  readonly p: number;
  /** Length of the derived key in bytes. */
  readonly keylen: number;
}

/** The cost new hashes get; stored values keep the parameters they were made with. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = Object.freeze({ N: 16_384, r: 8, p: 1, keylen: 32 });

/*
 * Bounds on parameters read back from a stored value. The values are ours, but a damaged or hand-edited row
 * must not make a sign-in allocate gigabytes or spin for minutes: anything outside these never matches.
 * N up to 2^20 with r up to 32 is 4 GiB of scrypt memory at most, far above any cost we would choose.
 */
const LIMITS = { maxLog2N: 20, maxR: 32, maxP: 16, minKeylen: 16, maxKeylen: 128 } as const;

function validParams(params: ScryptParams): boolean {
  const { N, r, p, keylen } = params;
  return (
    Number.isSafeInteger(N) &&
    N > 1 &&
    N <= 2 ** LIMITS.maxLog2N &&
    (N & (N - 1)) === 0 &&
    Number.isSafeInteger(r) &&
    r >= 1 &&
    r <= LIMITS.maxR &&
    Number.isSafeInteger(p) &&
    p >= 1 &&
    p <= LIMITS.maxP &&
    Number.isSafeInteger(keylen) &&
    keylen >= LIMITS.minKeylen &&
    keylen <= LIMITS.maxKeylen
  );
}

/*
 * Node refuses scrypt when 128 * N * r exceeds `maxmem` (32 MiB by default), which is exactly N = 16384 with
 * r = 8: any raise would fail with "memory limit exceeded". The limit is set from the parameters, with room
 * for the p-dependent buffer, so the cost a value names is the cost it gets.
 */
function scryptOptions({ N, r, p }: ScryptParams): ScryptOptions {
  return { N, r, p, maxmem: 128 * N * r + 128 * r * p + 1024 * 1024 };
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt throws synchronously on parameters it refuses; the executor turns that into a rejection.
    scrypt(password.normalize('NFC'), salt, params.keylen, scryptOptions(params), (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$keylen$<salt b64>$<hash b64>`; `params` raises the cost of new hashes. */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  if (!validParams(params)) {
    throw new RangeError(`scrypt parameters out of range: ${JSON.stringify(params)}`);
  }
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    params.keylen,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const DECIMAL = /^[1-9][0-9]{0,9}$/;

/**
 * Reads a stored value: the current seven-field form, or the earlier six-field one (no key length; it was
 * always 32). Anything else is undefined.
 */
function parseStored(stored: unknown): { params: ScryptParams; salt: Buffer; hash: Buffer } | undefined {
  if (typeof stored !== 'string') {
    return undefined;
  }
  const fields = stored.split('$');
  const [scheme, ...rest] = fields;
  if (scheme !== 'scrypt' || (rest.length !== 5 && rest.length !== 6)) {
    return undefined;
  }
  const numbers = rest.slice(0, rest.length - 2);
  const [salt, hash] = rest.slice(rest.length - 2) as [string, string];
  if (!numbers.every((n) => DECIMAL.test(n)) || !BASE64.test(salt) || !BASE64.test(hash)) {
    return undefined;
  }
  const [N, r, p, keylen = 32] = numbers.map(Number) as [number, number, number, number?];
  const params = { N, r, p, keylen };
  const hashBytes = Buffer.from(hash, 'base64');
  if (!validParams(params) || hashBytes.length !== keylen) {
    return undefined;
  }
  return { params, salt: Buffer.from(salt, 'base64'), hash: hashBytes };
}

/** Whether `password` matches `stored`; a malformed stored value never matches and never throws. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) {
    return false;
  }
  let key: Buffer;
  try {
    key = await derive(password, parsed.salt, parsed.params);
  } catch {
    return false;
  }
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** A readable random password for a newly added archivist (printed once by the CLI). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
