/**
 * Builds the signed archive messages a client system would send for a test case: the documents from the
 * CDA templates (server/cda/templates-*.ts), signed and framed by buildSignedMessage. The end-to-end test
 * and a vendor's CI use it to produce a known-good run, and `deviations` to produce a known-bad one.
 */
import type { DocumentSpec } from '../cda/build-spec.js';
import { KantaSimError } from '../errors.js';
import { buildSignedMessage } from '../samples/signed-message.js';
import { buildSpec, oidBase, registerParty, serviceTaskCode } from './document-specs.js';
import type { GenerateInput, GeneratorParty } from './generator-input.js';
import type { ExpectedDocument } from './test-case.js';

export interface GeneratedMessage {
  readonly key: string;
  readonly phase: 'setup' | 'test';
  /** Which credentials must send it over mutual TLS. */
  readonly sender: 'organisation' | 'organiser';
  readonly senderOid: string;
  readonly documentId: string;
  readonly setId: string;
  readonly versionNumber: number;
  readonly registerOid: string;
  readonly caseId?: string;
  readonly serviceRequest: string;
  readonly messageXml: string;
}

/** Builds every message of the case in sending order: setup documents first, then the test documents. */
export function generateTestCaseMessages(input: GenerateInput): GeneratedMessage[] {
  const tc = input.testCase;
  requireOrganiser(input);
  const runId = input.runId ?? input.at.getTime();
  const ids = new Map<string, { id: string; setId: string }>();
  const cases = new Map<string, string>(Object.entries(input.caseIds ?? {}));
  const all = [
    ...tc.setup.map((d) => ({ d, phase: 'setup' as const })),
    ...tc.documents.map((d) => ({ d, phase: 'test' as const })),
  ];
  const out: GeneratedMessage[] = [];
  all.forEach(({ d, phase }, index) => {
    const deviation = input.deviations?.[d.key] ?? {};
    const senderRole = phase === 'setup' ? 'organiser' : 'organisation';
    const sender = senderRole === 'organiser' ? (input.organiser as GeneratorParty) : input.organisation;
    const base = oidBase(sender.oid);
    const year = input.at.getUTCFullYear();
    const id = `${base}.95.${year}.${runId}.${index + 1}`;
    const replaced = d.replaces === undefined ? undefined : ids.get(d.replaces);
    const setId = replaced?.setId ?? id;
    ids.set(d.key, { id, setId });
    if (d.case !== undefined && !cases.has(d.case)) {
      cases.set(d.case, `${oidBase(registerParty(d, input).oid)}.96.${year}.${runId}.${cases.size + 1}`);
    }
    if (deviation.omit === true) {
      return;
    }
    const date = documentDate(d, input.at, all.length - index);
    let spec = buildSpec(d, input, {
      id,
      setId,
      replaced,
      date,
      caseId: d.case === undefined ? undefined : (cases.get(d.case) as string),
      clientRelationshipId: `${oidBase(registerParty(d, input).oid)}.97.${year}.${runId}`,
      sender,
    });
    if (deviation.serviceTask !== undefined) {
      spec = { ...spec, palvelutehtava: serviceTaskCode(deviation.serviceTask) };
    }
    if (deviation.register !== undefined) {
      spec = { ...spec, custodian: deviation.register, outsourcingServiceCustomer: deviation.register };
    }
    const message = signedMessage(d, spec, sender, input, {
      messageId: `${runId}${index + 1}`,
      signingTime: signingTimeOf(d, date, input.at, all.length - index),
    });
    out.push({
      key: d.key,
      phase,
      sender: senderRole,
      senderOid: sender.oid,
      documentId: id,
      setId,
      versionNumber: d.version,
      registerOid: spec.custodian.oid,
      ...(spec.caseId === undefined ? {} : { caseId: spec.caseId }),
      serviceRequest: d.serviceRequest,
      messageXml: message,
    });
  });
  return out;
}

/** A provider's case, or one with organiser documents, needs the organiser's credentials to send them. */
function requireOrganiser(input: GenerateInput): void {
  const tc = input.testCase;
  if (tc.role === 'provider' || [...tc.setup, ...tc.documents].some((d) => d.register === 'organiser')) {
    if (input.organiser === undefined) {
      throw new KantaSimError('BAD_REQUEST', `test case ${tc.name} needs the organiser's credentials`);
    }
  }
}

/** The document signed by the system (and the professional, but for the client relationship) and framed. */
function signedMessage(
  d: ExpectedDocument,
  spec: DocumentSpec,
  sender: GeneratorParty,
  input: GenerateInput,
  at: { readonly messageId: string; readonly signingTime: Date },
): string {
  return buildSignedMessage({
    spec,
    serviceRequest: d.serviceRequest,
    senderOid: sender.oid,
    messageId: { root: sender.oid, extension: at.messageId },
    creationTime: input.at,
    signingTime: at.signingTime,
    system: { keyPem: sender.signingKeyPem, certPem: sender.signingCertPem },
    professionals:
      d.template === 'clientRelationship'
        ? []
        : [
            {
              keyPem: input.professional.keyPem,
              certPem: input.professional.certPem,
              regNo: input.professional.regno,
            },
          ],
  }).messageXml;
}

/** A fixed date (old data) at 10:00 Finnish time, or `daysBeforeTest` back with a minute per document. */
function documentDate(d: ExpectedDocument, at: Date, stepsBack: number): Date {
  if (d.date !== undefined) {
    return new Date(`${d.date}T08:00:00Z`);
  }
  return new Date(at.getTime() - d.daysBeforeTest * 86_400_000 - stepsBack * 60_000);
}

/**
 * When a document is signed: an old document (fixed date) when it was written, so the rehearsal signs
 * history at its own dates (the test PKI is valid from 2008 by default); others a second apart just
 * before the test.
 */
function signingTimeOf(d: ExpectedDocument, date: Date, at: Date, stepsBack: number): Date {
  return d.date !== undefined ? new Date(date.getTime() + 1000) : new Date(at.getTime() - stepsBack * 1000);
}
