/**
 * "A valid message with one thing changed": builds a signed archive message for the demo organiser the way
 * a client system does (template -> CDA -> Kanta signatures -> MIME -> frame -> envelope), with a hook at
 * each stage so that a test changes exactly one thing. Every call gets fresh document ids, so messages
 * built in one test file never collide in the archive by accident.
 */
import type { DocumentSpec } from '../../server/cda/build-spec.js';
import { buildSocialDocumentXml } from '../../server/cda/build-cda.js';
import { parseCda } from '../../server/cda/parse-cda.js';
import type { SocialDocument } from '../../server/cda/social-document.js';
import { assessment, clientPlan, decision } from '../../server/cda/templates-documents.js';
import { clientRelationshipDocument } from '../../server/cda/templates-relationship.js';
import type { OrganisationCredentials, ProfessionalCredentials } from '../../server/index.js';
import { DEMO_CLIENT } from '../../server/samples/demo-message.js';
import type { SigningKey } from '../../server/samples/signed-message.js';
import { signDocument } from '../../server/signature/sign.js';
import type { EnvelopeStyle } from '../../server/wire/archive-frame.js';
import { buildArchiveFrame, wrapInSoap, type ArchiveFrameInput } from '../../server/wire/build-frame.js';
import { parseDom } from '../../server/xml/dom.js';

export type MessageKind = 'clientPlan' | 'assessment' | 'decision' | 'clientRelationship';

/** The service request each kind travels with. */
export const SERVICE_REQUEST_OF: Readonly<Record<MessageKind, string>> = Object.freeze({
  clientPlan: 'SP17',
  assessment: 'SP17',
  decision: 'SP17',
  clientRelationship: 'SP1',
});

export interface Parties {
  readonly organiser: OrganisationCredentials;
  readonly professional: ProfessionalCredentials;
}

export type ProfessionalKey = SigningKey & { readonly regNo: string };

/** The one thing (or few) to change; every hook defaults to "leave it valid". */
export interface MessageChange {
  readonly kind?: MessageKind;
  readonly style?: EnvelopeStyle;
  /** Edits the template's spec before the CDA is built (and signed). */
  readonly spec?: (spec: DocumentSpec) => DocumentSpec;
  /** The system signature; null = none. Default: the organiser's signing.key/signing.pem. */
  readonly system?: SigningKey | null;
  /** Professional signatures; null = none. Default: the demo professional for client documents. */
  readonly professionals?: readonly ProfessionalKey[] | null;
  /** Edits the signed CDA text (tampering after signing). */
  readonly cda?: (signedCda: string) => string;
  /** Edits the frame input (sender, receiver, service request, the metadata copy ...). */
  readonly frame?: (input: ArchiveFrameInput) => ArchiveFrameInput;
  /** Edits the bare frame XML text before any SOAP envelope. */
  readonly frameXml?: (xml: string) => string;
  /** Edits the final message text (after any SOAP envelope). */
  readonly message?: (xml: string) => string;
}

export interface BuiltMessage {
  readonly messageXml: string;
  /** The CDA as it travels in the MIME package. */
  readonly cdaXml: string;
  /** The document as parsed from the CDA that was framed (before any cda() edit if that no longer parses). */
  readonly document: SocialDocument;
  readonly spec: DocumentSpec;
}

let counter = 0;

/** A fresh document OID in the organiser's arc. */
export function freshDocumentId(organiserOid: string): string {
  counter += 1;
  return `${organiserOid}.95.${Date.now()}.${process.pid}.${counter}`;
}

/** The unsigned spec of a valid document of `kind` for the demo organiser. */
export function validSpec(parties: Parties, kind: MessageKind, date = new Date()): DocumentSpec {
  const { organiser, professional } = parties;
  const org = { oid: organiser.oid, name: organiser.name };
  const unit = organiser.units[0] ?? org;
  const id = freshDocumentId(organiser.oid);
  if (kind === 'clientRelationship') {
    return clientRelationshipDocument({
      id,
      clientRelationshipId: `${organiser.oid}.97.${counter}`,
      client: DEMO_CLIENT,
      organiser: org,
      date,
      serviceTasks: [
        {
          palvelutehtava: 'lapsiperheidenPalvelut',
          organiserUnits: [{ unit, startDate: '2025-01-01' }],
          providers: [],
        },
      ],
    });
  }
  const input = {
    id,
    caseId: `${organiser.oid}.96.${counter}`,
    client: DEMO_CLIENT,
    organiser: org,
    serviceUnit: unit,
    author: { regNo: professional.regno, given: professional.given, family: professional.family },
    date,
  };
  return kind === 'clientPlan'
    ? clientPlan(input)
    : kind === 'assessment'
      ? assessment(input)
      : decision(input);
}

/** Builds a message that the archive answers AA, except for what `change` changes. */
export function buildMessage(parties: Parties, change: MessageChange = {}): BuiltMessage {
  const kind = change.kind ?? 'clientPlan';
  const now = new Date();
  const baseSpec = validSpec(parties, kind, now);
  const spec = change.spec ? change.spec(baseSpec) : baseSpec;
  const system =
    change.system === undefined
      ? { keyPem: parties.organiser.signingKeyPem, certPem: parties.organiser.signingCertPem }
      : change.system;
  const defaultPros: ProfessionalKey[] =
    spec.signers.length > 0
      ? [
          {
            keyPem: parties.professional.keyPem,
            certPem: parties.professional.certPem,
            regNo: parties.professional.regno,
          },
        ]
      : [];
  const professionals = change.professionals === undefined ? defaultPros : (change.professionals ?? []);

  let cdaXml = buildSocialDocumentXml(spec);
  professionals.forEach((pro, i) => {
    cdaXml = signDocument(cdaXml, {
      documentId: spec.id,
      signatureId: `sig-professional-${i + 1}`,
      type: 'professional',
      keyPem: pro.keyPem,
      certPem: pro.certPem,
      signingTime: now,
      signerRegNo: pro.regNo,
    });
  });
  if (system) {
    cdaXml = signDocument(cdaXml, {
      documentId: spec.id,
      signatureId: 'sig-system-1',
      type: 'system',
      keyPem: system.keyPem,
      certPem: system.certPem,
      signingTime: now,
    });
  }
  const signedDocument = documentOf(cdaXml);
  if (!signedDocument) {
    throw new Error(`the test document ${spec.id} does not parse`);
  }
  if (change.cda) {
    cdaXml = change.cda(cdaXml);
  }
  const document = documentOf(cdaXml) ?? signedDocument;
  const frameInput: ArchiveFrameInput = {
    serviceRequest: SERVICE_REQUEST_OF[kind],
    messageId: { root: parties.organiser.oid, extension: `msg-${spec.id}` },
    senderOid: parties.organiser.oid,
    creationTime: now,
    document,
    cdaBytes: Buffer.from(cdaXml, 'utf8'),
  };
  let frame = buildArchiveFrame(change.frame ? change.frame(frameInput) : frameInput);
  if (change.frameXml) {
    frame = change.frameXml(frame);
  }
  const style = change.style ?? 'bare';
  const messageXml = style === 'bare' ? frame : wrapInSoap(frame, style);
  return { messageXml: change.message ? change.message(messageXml) : messageXml, cdaXml, document, spec };
}

/** The document a CDA text parses to, or undefined. */
export function documentOf(cdaXml: string): SocialDocument | undefined {
  const dom = parseDom(cdaXml);
  const parsed = dom.ok ? parseCda(dom.doc) : undefined;
  return parsed?.ok ? parsed.document : undefined;
}

/** Replaces exactly one occurrence of `from` (failing the test if it is absent: the change must happen). */
export function replaceOnce(
  text: string,
  from: string | RegExp,
  to: string | ((match: string, ...groups: string[]) => string),
): string {
  const found =
    typeof from === 'string' ? text.includes(from) : new RegExp(from.source, from.flags).test(text);
  if (!found) {
    throw new Error(`test edit found nothing to replace: ${String(from)}`);
  }
  return typeof to === 'string' ? text.replace(from, to) : text.replace(from, to);
}
