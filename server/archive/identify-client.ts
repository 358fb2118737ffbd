/**
 * Who is calling: the organisation behind the TLS client certificate. Decided before any XML is read, so an
 * anonymous or foreign caller learns nothing about the archive.
 */
import type { X509Certificate } from 'node:crypto';
import type { CertificateTrust } from '../pki/trust-types.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';

/** What the archive needs to know of a registered organisation. */
export interface KnownOrganisation {
  readonly oid: string;
  readonly name: string;
  readonly units: readonly { readonly oid: string; readonly name: string }[];
}

export interface OrganisationLookup {
  get(oid: string): KnownOrganisation | undefined;
  /** The organisation whose certificate this is, judged at `at` (the simulated clock, never real time). */
  findByCertificate(cert: X509Certificate, at: Date): KnownOrganisation | undefined;
}

export type ClientIdentity =
  | { readonly ok: true; readonly organisation: KnownOrganisation }
  | { readonly ok: false; readonly violation: RuleViolation };

export function identifyClient(
  cert: X509Certificate | undefined,
  trust: CertificateTrust,
  organisations: OrganisationLookup,
  now: Date,
): ClientIdentity {
  if (!cert) {
    return { ok: false, violation: violation(RULES.TLS_CLIENT_CERT_MISSING, '/') };
  }
  const chain = trust.checkChain(cert, now);
  if (!chain.trusted) {
    return {
      ok: false,
      violation: violation(
        RULES.TLS_CLIENT_CERT_UNTRUSTED,
        '/',
        `${cert.subject.replace(/\n/g, ', ')}: ${chain.reason}`,
      ),
    };
  }
  const organisation = organisations.findByCertificate(cert, now);
  if (!organisation) {
    return {
      ok: false,
      violation: violation(
        RULES.TLS_CLIENT_UNKNOWN_ORG,
        '/',
        `no registered organisation for certificate ${cert.subject.replace(/\n/g, ', ')}; register it with "kanta-sim org add"`,
      ),
    };
  }
  return { ok: true, organisation };
}

/** The OIDs an organisation may send as: its own and its units'. */
export function organisationOids(org: KnownOrganisation): string[] {
  return [org.oid, ...org.units.map((u) => u.oid)];
}
