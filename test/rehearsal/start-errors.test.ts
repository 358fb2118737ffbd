/** A refused start as the start form's field and reason; anything else is not the form's to explain. */
import { describe, expect, it } from 'vitest';
import { KantaSimError } from '../../server/errors.js';
import { startFormError } from '../../server/rehearsal/start-errors.js';
import { requireTestIdentity } from '../../server/rehearsal/test-identities.js';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('startFormError', () => {
  it('ties a hetu that is malformed or not a test identity to the hetu field', () => {
    expect(startFormError(thrown(() => requireTestIdentity('010181-12')))).toEqual({
      field: 'hetu',
      reason: 'hetu-invalid',
    });
    expect(startFormError(thrown(() => requireTestIdentity('010181-123A')))).toEqual({
      field: 'hetu',
      reason: 'hetu-not-test-identity',
    });
  });

  it('knows an unknown case and an identity handed to someone else by their codes', () => {
    expect(startFormError(new KantaSimError('TEST_CASE_UNKNOWN'))).toEqual({
      field: 'caseName',
      reason: 'case-unknown',
    });
    expect(startFormError(new KantaSimError('TEST_IDENTITY_ASSIGNED'))).toEqual({
      field: 'hetu',
      reason: 'hetu-assigned-elsewhere',
    });
  });

  it('leaves other errors to the error page', () => {
    expect(startFormError(new KantaSimError('BAD_REQUEST', 'something else'))).toBeUndefined();
    expect(
      startFormError(
        new KantaSimError('BAD_REQUEST', 'x', { details: { field: 'other', reason: 'hetu-invalid' } }),
      ),
    ).toBeUndefined();
    expect(startFormError(new Error('disk full'))).toBeUndefined();
  });
});
