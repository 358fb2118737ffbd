/**
 * The Finnish personal identity code (henkilötunnus, hetu), SHA-SPEC section 2: DDMMYYCNNNX with century
 * sign C, individual number NNN and check character X. Kanta's test environment accepts only test
 * identities (NNN 900-999), which is also kanta-sim's guardrail against real people's data.
 */

const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const HETU_PATTERN = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/;

/** Century of each sign: + 1800s; - and Y X W V U 1900s; A and B C D E F 2000s. */
const CENTURY: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

export type HetuCheck =
  | { readonly ok: true; readonly birthDate: string; readonly individualNumber: number }
  | { readonly ok: false; readonly reason: string };

/** Checks form, century sign, calendar date and check character. */
export function checkHetu(hetu: string): HetuCheck {
  const m = HETU_PATTERN.exec(hetu);
  if (!m) {
    return { ok: false, reason: `"${hetu}" is not of the form DDMMYYCNNNX` };
  }
  const [, dd, mm, yy, sign, nnn, check] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const century = CENTURY[sign];
  if (century === undefined) {
    return { ok: false, reason: `"${sign}" is not a century sign` };
  }
  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { ok: false, reason: `${dd}.${mm}.${year} is not a calendar date` };
  }
  const expected = CHECK_CHARS[Number(`${dd}${mm}${yy}${nnn}`) % 31];
  if (check !== expected) {
    return { ok: false, reason: `check character is ${check}, expected ${expected ?? '?'}` };
  }
  return { ok: true, birthDate: `${year}-${mm}-${dd}`, individualNumber: Number(nnn) };
}

/** A valid hetu whose individual number is 900-999 (a test identity). */
export function isTestIdentity(hetu: string): boolean {
  const r = checkHetu(hetu);
  return r.ok && r.individualNumber >= 900;
}
