/**
 * Shared set-up for the attack and rule tests: a CA with a professional and a system certificate named
 * as the project's own client plan expects (test/support/own-documents.ts, so that these suites need no
 * real sample), a trust store over that CA, and builders for signed documents.
 */
import { signDocument } from '../../../server/signature/sign.js';
import type { VerifyContext } from '../../../server/signature/signature-types.js';
import { OWN_PLAN, ownContext, ownUnsignedPlan } from '../../support/own-documents.js';
import {
  containerXml,
  containerXpath,
  insertIntoHeader,
  signCustom,
  type CustomReference,
} from './documents.js';
import { AnchorTrust, createCa, issueLeaf, type IssuedCert, type LeafOptions } from './test-ca.js';

export const NOW = new Date('2026-11-22T12:00:00Z');
export const SIGNED_AT = '2026-11-22T11:00:00.000Z';
export const BODY_XPATH = `//*[@ID='OID${OWN_PLAN.documentId}']`;

export interface Scenario {
  readonly ca: IssuedCert;
  readonly professional: IssuedCert;
  readonly system: IssuedCert;
  readonly trust: AnchorTrust;
  readonly unsigned: string;
  /** A valid document with one professional signature `sig_1` (timestamp CDA-timestamp.sig_1). */
  readonly signedPro: string;
  ctx(mode?: 'strict' | 'lenient', over?: Partial<VerifyContext>): VerifyContext;
  /** A leaf from the scenario CA (or self-signed with `selfSigned`). */
  leaf(opts: Partial<LeafOptions> & { selfSigned?: boolean }): IssuedCert;
  /** Builds a one-signature document with xml-crypto directly, for signatures the profile refuses. */
  custom(opts: CustomOptions): string;
}

export interface CustomOptions {
  readonly cert?: IssuedCert;
  readonly code?: string;
  readonly timestamp?: string;
  /** References given the timestamp's ID; default: body + own timestamp with exc-c14n. */
  readonly references?: (timestampId: string) => CustomReference[];
  readonly signatureAlgorithm?: string;
  readonly canonicalization?: string;
}

export function createScenario(): Scenario {
  const ca = createCa();
  const professional = issueLeaf(ca, {
    commonName: 'Johansson Angelica 25104559650',
    serialNumber: '25104559650',
    keyUsage: { nonRepudiation: true },
  });
  const system = issueLeaf(ca, {
    commonName: 'Asiakastietojärjestelmä',
    serialNumber: OWN_PLAN.senderOid,
    keyUsage: { digitalSignature: true, nonRepudiation: true },
  });
  const trust = new AnchorTrust([ca.x509]);
  const unsigned = ownUnsignedPlan();
  const signedPro = signDocument(unsigned, {
    documentId: OWN_PLAN.documentId,
    signatureId: 'sig_1',
    type: 'professional',
    keyPem: professional.keyPem,
    certPem: professional.certPem,
    signingTime: new Date(SIGNED_AT),
  });
  return {
    ca,
    professional,
    system,
    trust,
    unsigned,
    signedPro,
    ctx: (mode = 'strict', over = {}) => ownContext(OWN_PLAN, trust, mode, { now: NOW, ...over }),
    leaf: ({ selfSigned, ...opts }) =>
      issueLeaf(selfSigned ? undefined : ca, {
        commonName: 'leaf',
        keyUsage: { nonRepudiation: true },
        ...opts,
      }),
    custom: (opts) => {
      const cert = opts.cert ?? professional;
      const timestampId = 'CDA-timestamp.sig_x';
      const withContainer = insertIntoHeader(
        unsigned,
        containerXml({
          id: 'sig_x',
          code: opts.code ?? '1',
          timestampId,
          timestamp: opts.timestamp ?? SIGNED_AT,
        }),
      );
      const references = opts.references?.(timestampId) ?? [
        { xpath: BODY_XPATH },
        { xpath: `//*[@ID='${timestampId}']` },
      ];
      return signCustom(withContainer, {
        keyPem: cert.keyPem,
        certPem: cert.certPem,
        references,
        locationXpath: containerXpath('sig_x'),
        ...(opts.signatureAlgorithm ? { signatureAlgorithm: opts.signatureAlgorithm } : {}),
        ...(opts.canonicalization ? { canonicalization: opts.canonicalization } : {}),
      });
    },
  };
}
