/**
 * The invalid fixtures: one message per interesting rule, each a families-with-children client note (its
 * own seeded id) damaged in exactly one way, with the rule codes the archive must answer with. The table
 * is the documentation: name, what was done, and the expected rules. The base document is kept small (a
 * one-entry note signed by the professional only, as the real client plan sample is) so that the committed
 * set stays small.
 */
import type { DocumentSpec } from '../cda/build-spec.js';
import { RULES } from '../rules/catalogue.js';
import type { RuleDefinition } from '../rules/rule.js';
import { clientNote } from '../cda/templates-documents.js';
import { wrapInSoap } from '../wire/build-frame.js';
import {
  at,
  caseInput,
  seededDocumentId,
  signAndFrame,
  type FixtureContext,
  type SignOptions,
} from './fixture-documents.js';
import { FIXTURE_CLIENTS, type FixtureClient } from './fixture-parties.js';
import {
  addDoctype,
  alterDisplayForm,
  breakLinesBetweenTags,
  corruptSignatureValue,
  reframe,
  replaceOnce,
} from './fixture-tamper.js';
import type { SignedMessage } from './signed-message.js';

/** One invalid fixture as written. */
export interface InvalidFixture {
  /** Base name without extension: invalid_<rule>. */
  readonly name: string;
  readonly description: string;
  readonly rules: readonly RuleDefinition[];
  readonly serviceRequest: string;
  readonly documentId: string;
  readonly messageXml: string;
}

/** What a variant's build function gets: the context and a fresh, valid client plan with its own id. */
interface VariantBase {
  readonly ctx: FixtureContext;
  readonly fc: FixtureClient;
  /** The client note's spec, optionally edited before signing. */
  spec(edit?: (spec: DocumentSpec) => DocumentSpec): DocumentSpec;
  /** Signs and frames; by default with the professional's signature only. */
  sign(spec: DocumentSpec, options?: SignOptions): SignedMessage;
}

interface Variant {
  /** The file is invalid_<name>.xml; the name starts with the area and then the rule. */
  readonly name: string;
  readonly description: string;
  readonly rules: readonly RuleDefinition[];
  readonly serviceRequest?: string;
  /** Undefined when the parties cannot build it (no second organisation). */
  build(base: VariantBase): string | undefined;
}

/** The note's one entry: short, so the base document is small. */
const NOTE_TEXT = 'Kotikäynti. Sovittiin seuraava tapaaminen.';

/** A valid test identity other than the fixture clients', for frames naming the wrong client. */
const OTHER_TEST_HETU = '150315A9321';
/** An OID no fixture PKI or demo data registers. */
const UNREGISTERED_OID = '1.2.246.10.55500000.10.0';

const VARIANTS: readonly Variant[] = [
  {
    name: 'wire_xml_doctype_forbidden',
    description: 'a DOCTYPE with an internal entity before the frame (XXE / entity expansion shape)',
    rules: [RULES.WIRE_XML_DOCTYPE_FORBIDDEN],
    build: (b) => addDoctype(b.sign(b.spec()).messageXml, 'RCMR_IN200002FI01'),
  },
  {
    name: 'wire_xml_malformed',
    description: 'the message cut off after its first 2000 characters (not well-formed XML)',
    rules: [RULES.WIRE_XML_MALFORMED],
    build: (b) => b.sign(b.spec()).messageXml.slice(0, 2000),
  },
  {
    name: 'frame_receiver_mismatch',
    description: 'receiver/device/id is not the Kanta archive 1.2.246.556.18007.2',
    rules: [RULES.FRAME_RECEIVER_MISMATCH],
    build: (b) => reframe(b.ctx, b.sign(b.spec()), 'SP17', { receiverOid: '1.2.246.556.18007.9' }),
  },
  {
    name: 'frame_sender_mismatch',
    description: "sender/device/id is an OID that is not the TLS client's organisation or one of its units",
    rules: [RULES.FRAME_SENDER_MISMATCH],
    build: (b) => reframe(b.ctx, b.sign(b.spec()), 'SP17', { senderOid: UNREGISTERED_OID }),
  },
  {
    name: 'frame_interaction_unknown',
    description: 'an interaction the archive does not offer (RCMR_IN200099FI01)',
    rules: [RULES.FRAME_INTERACTION_UNKNOWN],
    build: (b) => reframe(b.ctx, b.sign(b.spec()), 'SP17', { interactionId: 'RCMR_IN200099FI01' }),
  },
  {
    name: 'frame_service_request_unknown',
    description: 'reasonCode SP999 is not a service request of RCMR_IN200002FI01',
    rules: [RULES.FRAME_SERVICE_REQUEST_UNKNOWN],
    serviceRequest: 'SP999',
    build: (b) => reframe(b.ctx, b.sign(b.spec()), 'SP999', {}),
  },
  {
    name: 'frame_document_group_mismatch',
    description: 'a client plan (document group 5) sent with SP1, the service request of group 1',
    rules: [RULES.FRAME_DOCUMENT_GROUP_MISMATCH],
    serviceRequest: 'SP1',
    build: (b) => reframe(b.ctx, b.sign(b.spec()), 'SP1', {}),
  },
  {
    name: 'frame_setid_mismatch',
    description: "the frame's clinicalDocument/setId differs from the CDA's setId",
    rules: [RULES.FRAME_SETID_MISMATCH],
    build: (b) =>
      reframe(b.ctx, b.sign(b.spec()), 'SP17', {
        document: (d) => ({ ...d, setId: `${d.setId}1` }),
      }),
  },
  {
    name: 'frame_version_mismatch',
    description: "the frame's clinicalDocument/versionNumber is 2, the CDA's 1",
    rules: [RULES.FRAME_VERSION_MISMATCH],
    build: (b) => reframe(b.ctx, b.sign(b.spec()), 'SP17', { document: (d) => ({ ...d, versionNumber: 2 }) }),
  },
  {
    name: 'frame_client_mismatch',
    description: "the frame's recordTarget names another test client than the CDA",
    rules: [RULES.FRAME_CLIENT_MISMATCH],
    build: (b) =>
      reframe(b.ctx, b.sign(b.spec()), 'SP17', {
        document: (d) => ({ ...d, client: { ...d.client, hetu: OTHER_TEST_HETU } }),
      }),
  },
  {
    name: 'frame_custodian_mismatch',
    description: "the frame's custodian is another organisation than the CDA's register keeper",
    rules: [RULES.FRAME_CUSTODIAN_MISMATCH],
    build: (b) =>
      reframe(b.ctx, b.sign(b.spec()), 'SP17', {
        document: (d) => ({
          ...d,
          custodian: { oid: UNREGISTERED_OID, name: 'Tuntematon rekisterinpitäjä' },
        }),
      }),
  },
  {
    name: 'frame_mime_document_missing',
    description: "the MIME part's Content-ID is not the document OID",
    rules: [RULES.FRAME_MIME_DOCUMENT_MISSING],
    build: (b) => {
      const signed = b.sign(b.spec());
      return replaceOnce(
        signed.messageXml,
        `Content-ID: &lt;${signed.document.id}&gt;`,
        'Content-ID: &lt;1.2.3.4&gt;',
      );
    },
  },
  {
    name: 'cda_hetu_not_test_identity',
    description: 'the client hetu is valid but not a test identity (individual number 123, born 1850)',
    rules: [RULES.CDA_HETU_NOT_TEST_IDENTITY],
    build: (b) =>
      b.sign(b.spec((s) => ({ ...s, client: { ...s.client, hetu: '010150+123A', birthTime: undefined } })))
        .messageXml,
  },
  {
    name: 'cda_hetu_invalid',
    description: 'the client hetu has a wrong check character',
    rules: [RULES.CDA_HETU_INVALID],
    build: (b) =>
      b.sign(b.spec((s) => ({ ...s, client: { ...s.client, hetu: s.client.hetu.slice(0, -1) + 'H' } })))
        .messageXml,
  },
  {
    name: 'cda_code_unknown',
    description: 'specificDocumentType 99999 is not in the document-type code list',
    rules: [RULES.CDA_CODE_UNKNOWN],
    build: (b) =>
      b.sign(
        b.spec((s) => ({
          ...s,
          specificDocumentType: { code: '99999', displayName: 'Tuntematon asiakirja' },
        })),
      ).messageXml,
  },
  {
    name: 'cda_required_missing',
    description: 'a client document without a service task (hl7fi:functionCode)',
    rules: [RULES.CDA_REQUIRED_MISSING],
    build: (b) => b.sign(b.spec((s) => ({ ...s, palvelutehtava: undefined }))).messageXml,
  },
  {
    name: 'cda_oid_invalid',
    description: 'the case id has an arc with a leading zero',
    rules: [RULES.CDA_OID_INVALID],
    build: (b) => b.sign(b.spec((s) => ({ ...s, caseId: `${s.caseId ?? '1.2.246'}.0123` }))).messageXml,
  },
  {
    name: 'cda_setid_first_version',
    description: 'version 1 whose setId is not its own id',
    rules: [RULES.CDA_SETID_FIRST_VERSION],
    build: (b) => b.sign(b.spec((s) => ({ ...s, setId: `${s.id}1` }))).messageXml,
  },
  {
    name: 'cda_custodian_unknown',
    description: 'the register keeper (custodian) is an organisation the archive does not know',
    rules: [RULES.CDA_CUSTODIAN_UNKNOWN],
    build: (b) =>
      b.sign(
        b.spec((s) => ({ ...s, custodian: { oid: UNREGISTERED_OID, name: 'Tuntematon rekisterinpitäjä' } })),
      ).messageXml,
  },
  {
    name: 'sig_missing',
    description: 'the document carries no signature at all',
    rules: [RULES.SIG_MISSING],
    build: (b) => b.sign(b.spec(), { system: null, professionals: [] }).messageXml,
  },
  {
    name: 'sig_digest_mismatch',
    description: 'the text of the display form changed after signing',
    rules: [RULES.SIG_DIGEST_MISMATCH],
    build: (b) => {
      const signed = b.sign(b.spec());
      const cdaXml = alterDisplayForm(signed.cdaXml, NOTE_TEXT, 'Kotikäynti peruttiin.');
      return reframe(b.ctx, signed, 'SP17', { cdaXml });
    },
  },
  {
    name: 'sig_digest_mismatch_reformatted',
    description: 'the signed CDA re-formatted with line breaks between tags, like the published samples',
    rules: [RULES.SIG_DIGEST_MISMATCH],
    build: (b) => {
      const signed = b.sign(b.spec());
      return reframe(b.ctx, signed, 'SP17', { cdaXml: breakLinesBetweenTags(signed.cdaXml) });
    },
  },
  {
    name: 'sig_value_invalid',
    description: 'one character of the first SignatureValue changed',
    rules: [RULES.SIG_VALUE_INVALID],
    build: (b) => {
      const signed = b.sign(b.spec());
      return reframe(b.ctx, signed, 'SP17', { cdaXml: corruptSignatureValue(signed.cdaXml) });
    },
  },
  {
    name: 'sig_cert_key_usage',
    description:
      "the system signature made with the organisation's TLS client certificate (no nonRepudiation)",
    rules: [RULES.SIG_CERT_KEY_USAGE],
    build: (b) => b.sign(b.spec(), { system: b.ctx.parties.organiser.tlsClient }).messageXml,
  },
  {
    name: 'sig_professional_mismatch',
    description: "the header names registration number 25104559699; the professional's certificate another",
    rules: [RULES.SIG_PROFESSIONAL_MISMATCH],
    build: (b) => {
      const pro = b.ctx.parties.professional;
      const named = '25104559699';
      const spec = b.spec((s) => ({
        ...s,
        author: s.author === undefined ? undefined : { ...s.author, regNo: named },
        signers: s.signers.map((x) => ({ ...x, regNo: named })),
      }));
      return b.sign(spec, { professionals: [{ ...pro.key, regNo: named }] }).messageXml;
    },
  },
  {
    name: 'sig_system_oid_mismatch',
    description: "the system signature made with another organisation's signing certificate",
    rules: [RULES.SIG_SYSTEM_OID_MISMATCH],
    build: (b) => {
      const other = b.ctx.parties.other;
      return other === undefined ? undefined : b.sign(b.spec(), { system: other.signing }).messageXml;
    },
  },
];

/** A valid SOAP 1.2 message (a client note), to show the envelope style. */
export function soapClientNote(ctx: FixtureContext): { documentId: string; messageXml: string } {
  const base = variantBase(ctx, 'valid/soap12');
  const signed = base.sign(base.spec());
  return { documentId: signed.document.id, messageXml: wrapInSoap(signed.messageXml, 'soap12') };
}

/** Every invalid fixture the parties allow, in table order. */
export function invalidFixtures(ctx: FixtureContext): InvalidFixture[] {
  const out: InvalidFixture[] = [];
  for (const v of VARIANTS) {
    const base = variantBase(ctx, `invalid/${v.name}`);
    const messageXml = v.build(base);
    if (messageXml === undefined) {
      continue;
    }
    out.push({
      name: `invalid_${v.name}`,
      description: v.description,
      rules: v.rules,
      serviceRequest: v.serviceRequest ?? 'SP17',
      documentId: base.spec().id,
      messageXml,
    });
  }
  return out;
}

function variantBase(ctx: FixtureContext, seed: string): VariantBase {
  const fc = FIXTURE_CLIENTS[0] as FixtureClient;
  const id = seededDocumentId(ctx, seed);
  // After every valid document (two clients x five documents at 20-minute steps).
  const date = at(ctx, 4 * 60);
  return {
    ctx,
    fc,
    spec: (edit) => {
      const spec = clientNote({ ...caseInput(ctx, fc, id, date), entries: [{ date, text: NOTE_TEXT }] });
      return edit ? edit(spec) : spec;
    },
    sign: (spec, options) => signAndFrame(ctx, spec, { system: null, ...options }),
  };
}
