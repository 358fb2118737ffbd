/**
 * The registry of test identities: which Kela-issued test client (hetu with individual number 900-999) was
 * handed to which customer for which service, as Kela asks vendors to keep. Handing one identity to a second
 * customer for the same service would mix two organisations' test documents under one client, so it is
 * refused unless the person says they mean it (and then recorded as an acknowledged reuse).
 */
import { KantaSimError } from '../errors.js';
import { checkHetu } from '../hl7/hetu.js';
import type { AssignmentDecision, IdentityAssignment } from '../store/rehearsal-store.js';
import { booleanAt, enumAt, objectAt, oidAt, optionalStringAt, stringAt } from './read-input.js';

export type AssignmentRequest = Omit<IdentityAssignment, 'assignedAt' | 'reuseAcknowledged'> & {
  /** Hand the identity out even though another customer holds it for this service. */
  readonly acknowledgeReuse: boolean;
};

/** Reads an assignment request from untrusted JSON; names default from the hetu. */
export function parseAssignmentRequest(raw: unknown): AssignmentRequest {
  const o = objectAt(raw, 'assignment');
  const hetu = requireTestIdentity(stringAt(o.hetu, 'hetu'));
  const defaults = defaultIdentityName(hetu);
  const given = optionalStringAt(o.given, 'given');
  const note = optionalStringAt(o.note, 'note');
  const customerName = optionalStringAt(o.customerName, 'customerName');
  return {
    hetu,
    serviceTask: stringAt(o.serviceTask, 'serviceTask'),
    customerOid: oidAt(o.customerOid, 'customerOid'),
    ...(customerName === undefined ? {} : { customerName }),
    given: given === undefined ? defaults.given : given.split(/\s+/),
    family: optionalStringAt(o.family, 'family') ?? defaults.family,
    gender: o.gender === undefined ? defaults.gender : enumAt(o.gender, 'gender', ['1', '2'] as const),
    acknowledgeReuse: booleanAt(o.acknowledgeReuse, 'acknowledgeReuse', false),
    ...(note === undefined ? {} : { note }),
  };
}

/** Throws BAD_REQUEST unless `hetu` is a valid hetu with individual number 900-999. */
export function requireTestIdentity(hetu: string): string {
  const check = checkHetu(hetu);
  if (!check.ok) {
    throw new KantaSimError('BAD_REQUEST', `hetu ${hetu} is not valid: ${check.reason}`, {
      details: { field: 'hetu', reason: 'hetu-invalid' },
    });
  }
  if (check.individualNumber < 900) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `hetu ${hetu} is not a test identity (the individual number must be 900-999)`,
      { details: { field: 'hetu', reason: 'hetu-not-test-identity' } },
    );
  }
  return hetu;
}

/** A plausible name for a test client: gender from the individual number (odd = male), as in hetus. */
export function defaultIdentityName(hetu: string): Pick<IdentityAssignment, 'given' | 'family' | 'gender'> {
  const n = Number(hetu.slice(7, 10));
  const male = n % 2 === 1;
  return { given: [male ? 'Testi' : 'Testa'], family: `Kantalainen-${n}`, gender: male ? '1' : '2' };
}

/**
 * Decides a hand-out against the identity's existing assignments for the same service: the same customer
 * again is the existing assignment; another customer is refused with TEST_IDENTITY_ASSIGNED unless the
 * request acknowledges the reuse.
 */
export function decideAssignment(
  request: AssignmentRequest,
  existing: readonly IdentityAssignment[],
  now: Date,
): AssignmentDecision {
  const sameService = existing.filter(
    (a) => a.hetu === request.hetu && a.serviceTask === request.serviceTask,
  );
  const mine = sameService.find((a) => a.customerOid === request.customerOid);
  if (mine) {
    return { kind: 'existing', assignment: mine };
  }
  const other = sameService[0];
  if (other && !request.acknowledgeReuse) {
    throw new KantaSimError(
      'TEST_IDENTITY_ASSIGNED',
      `test identity ${request.hetu} was handed to ${other.customerName ?? other.customerOid} (${other.customerOid}) for service ${request.serviceTask} on ${other.assignedAt.slice(0, 10)}; choose another identity or acknowledge the reuse`,
      { details: { assignedTo: other.customerOid, assignedAt: other.assignedAt } },
    );
  }
  const rest: Omit<AssignmentRequest, 'acknowledgeReuse'> & { acknowledgeReuse?: boolean } = { ...request };
  delete rest.acknowledgeReuse;
  return {
    kind: 'insert',
    assignment: { ...rest, assignedAt: now.toISOString(), reuseAcknowledged: other !== undefined },
  };
}
