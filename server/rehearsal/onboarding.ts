/**
 * The onboarding record (liittymistiedot) of an organisation: what Kela and the vendor agree before the
 * deployment test (SHA-SPEC section 1). The rehearsal reads the expected register keeper and the access
 * rights from it, and the report prints the client system, certificates and participants from it.
 */
import {
  PARTICIPANT_ROLES,
  type OnboardingRecord,
  type RegisterAccessRight,
} from '../store/rehearsal-store.js';
import {
  enumAt,
  listAt,
  objectAt,
  oidAt,
  optionalIsoDateAt,
  optionalOidAt,
  optionalStringAt,
  isoDateAt,
  stringAt,
} from './read-input.js';

/** An onboarding record as a person or API client writes it: updatedAt is the server's. */
export type OnboardingInput = Omit<OnboardingRecord, 'updatedAt'>;

/** Reads an onboarding record from untrusted JSON; BAD_REQUEST names the first wrong field. */
export function parseOnboarding(raw: unknown): OnboardingInput {
  const o = objectAt(raw, 'onboarding');
  const organisationOid = oidAt(o.organisationOid, 'organisationOid');
  const system = objectAt(o.clientSystem, 'clientSystem');
  const vendor = optionalStringAt(system.vendor, 'clientSystem.vendor');
  return {
    organisationOid,
    organisationName: stringAt(o.organisationName, 'organisationName'),
    registerKeeperOid: optionalOidAt(o.registerKeeperOid, 'registerKeeperOid') ?? organisationOid,
    units: listAt(o.units, 'units', true).map((u, i) => {
      const unit = objectAt(u, `units[${i}]`);
      return { oid: oidAt(unit.oid, `units[${i}].oid`), name: stringAt(unit.name, `units[${i}].name`) };
    }),
    role: enumAt(o.role, 'role', ['organiser', 'provider'] as const),
    registerAccessRights: listAt(o.registerAccessRights, 'registerAccessRights', true).map((r, i) =>
      parseAccessRight(r, `registerAccessRights[${i}]`),
    ),
    clientSystem: {
      name: stringAt(system.name, 'clientSystem.name'),
      version: stringAt(system.version, 'clientSystem.version'),
      ...(vendor === undefined ? {} : { vendor }),
    },
    ...optional('systemProfile', optionalStringAt(o.systemProfile, 'systemProfile')),
    ...optional('phase', optionalStringAt(o.phase, 'phase')),
    certificates: listAt(o.certificates, 'certificates', true).map((c, i) => {
      const cert = objectAt(c, `certificates[${i}]`);
      const w = `certificates[${i}]`;
      return {
        purpose: enumAt(cert.purpose, `${w}.purpose`, ['tls', 'signing', 'professional'] as const),
        subject: stringAt(cert.subject, `${w}.subject`),
        ...optional('serialNumber', optionalStringAt(cert.serialNumber, `${w}.serialNumber`)),
        ...optional('issuer', optionalStringAt(cert.issuer, `${w}.issuer`)),
        ...optional('validTo', optionalStringAt(cert.validTo, `${w}.validTo`)),
      };
    }),
    participants: listAt(o.participants, 'participants', true).map((p, i) => {
      const part = objectAt(p, `participants[${i}]`);
      const w = `participants[${i}]`;
      return {
        role: enumAt(part.role, `${w}.role`, PARTICIPANT_ROLES),
        name: stringAt(part.name, `${w}.name`),
        ...optional('organisation', optionalStringAt(part.organisation, `${w}.organisation`)),
        ...optional('email', optionalStringAt(part.email, `${w}.email`)),
        ...optional('phone', optionalStringAt(part.phone, `${w}.phone`)),
      };
    }),
  };
}

function parseAccessRight(raw: unknown, where: string): RegisterAccessRight {
  const r = objectAt(raw, where);
  return {
    organiserOid: oidAt(r.organiserOid, `${where}.organiserOid`),
    ...optional('organiserName', optionalStringAt(r.organiserName, `${where}.organiserName`)),
    serviceUnitOid: oidAt(r.serviceUnitOid, `${where}.serviceUnitOid`),
    serviceTasks: listAt(r.serviceTasks, `${where}.serviceTasks`, true).map((t, i) =>
      stringAt(t, `${where}.serviceTasks[${i}]`),
    ),
    startDate: isoDateAt(r.startDate, `${where}.startDate`),
    ...optional('endDate', optionalIsoDateAt(r.endDate, `${where}.endDate`)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Lays a partial update (CLI flags) over an existing record; lists are replaced, not merged. */
export function mergeOnboarding(
  existing: OnboardingInput | undefined,
  patch: Record<string, unknown>,
): unknown {
  const base: Record<string, unknown> = existing === undefined ? {} : { ...existing };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) {
      continue;
    }
    if (k === 'clientSystem' && typeof v === 'object' && v !== null) {
      base.clientSystem = { ...(base.clientSystem as object | undefined), ...v };
    } else {
      base[k] = v;
    }
  }
  return base;
}
