/**
 * The purpose of use (käyttötarkoitus): why an archivist looks at a client's data. The law asks for it in
 * the usage log of every access, so it is stated per client and never carried over from one client to
 * another: a purpose is one of the codes below, with free text that "other" requires.
 */

/** Purposes offered in the forms; the archivist may add free text after any of them. */
export const ACCESS_REASONS = [
  'deployment-test',
  'error-investigation',
  'client-request',
  'training',
  'other',
] as const;

export type AccessReason = (typeof ACCESS_REASONS)[number];

export interface Purpose {
  readonly code: AccessReason;
  /** Free text, one line, at most 200 characters. */
  readonly text?: string;
}

/** Which field of a purpose form was wrong: no known code, or "other" without its text. */
export type PurposeProblem = 'reason' | 'reasonText';

export function isAccessReason(v: unknown): v is AccessReason {
  return typeof v === 'string' && (ACCESS_REASONS as readonly string[]).includes(v);
}

/** A purpose from a form's two fields, or the field that makes it unusable. */
export function readPurpose(
  code: unknown,
  text: unknown,
):
  | { readonly ok: true; readonly purpose: Purpose }
  | { readonly ok: false; readonly problem: PurposeProblem } {
  if (!isAccessReason(code)) {
    return { ok: false, problem: 'reason' };
  }
  const extra = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  if (code === 'other' && extra === '') {
    return { ok: false, problem: 'reasonText' };
  }
  return { ok: true, purpose: extra === '' ? { code } : { code, text: extra } };
}

/** The purpose as the usage log stores it: `code` or `code: free text`. */
export function purposeEntry(purpose: Purpose): string {
  return purpose.text === undefined ? purpose.code : `${purpose.code}: ${purpose.text}`;
}

/** Splits a stored purpose back into its code and free text (text alone when the code is not ours). */
export function splitReason(reason: string | undefined): { code?: AccessReason; text?: string } {
  if (!reason) {
    return {};
  }
  const at = reason.indexOf(': ');
  const code = at < 0 ? reason : reason.slice(0, at);
  const text = at < 0 ? undefined : reason.slice(at + 2);
  return isAccessReason(code) ? { code, text } : { text: reason };
}
