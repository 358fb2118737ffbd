/**
 * Why starting a rehearsal was refused, as the start form's field and reason: the service's errors carry
 * `details: { field, reason }` (or are known by their code), so a page can word them and point at the field.
 */
import { isKantaSimError } from '../errors.js';
import type { StartErrorReason, StartFormError } from './view-models.js';

const REASONS: readonly StartErrorReason[] = [
  'case-unknown',
  'case-needs-organiser',
  'hetu-invalid',
  'hetu-not-test-identity',
  'hetu-assigned-elsewhere',
  'hetu-none-handed-out',
];

/** The form error a refused start is, or undefined for anything else (a server fault, not the form's). */
export function startFormError(e: unknown): StartFormError | undefined {
  if (!isKantaSimError(e)) {
    return undefined;
  }
  if (e.code === 'TEST_CASE_UNKNOWN') {
    return { field: 'caseName', reason: 'case-unknown' };
  }
  if (e.code === 'TEST_IDENTITY_ASSIGNED') {
    return { field: 'hetu', reason: 'hetu-assigned-elsewhere' };
  }
  const d = e.details as { field?: unknown; reason?: unknown } | undefined;
  const reason = REASONS.find((r) => r === d?.reason);
  if (reason === undefined || (d?.field !== 'caseName' && d?.field !== 'hetu')) {
    return undefined;
  }
  return { field: d.field, reason };
}
