/**
 * The invalid fixtures of the transfer frame: the XML itself refused (DOCTYPE, malformed) and frames whose
 * metadata disagrees with the signed document they carry, one rule each. Also the variant types every
 * invalid fixture table shares.
 */
import type { DocumentSpec } from '../cda/build-spec.js';
import { RULES } from '../rules/catalogue.js';
import type { RuleDefinition } from '../rules/rule.js';
import type { FixtureContext, SignOptions } from './fixture-documents.js';
import type { FixtureClient } from './fixture-parties.js';
import { addDoctype, reframe, replaceOnce } from './fixture-tamper.js';
import type { SignedMessage } from './signed-message.js';

/** What a variant's build function gets: the context and a fresh, valid client plan with its own id. */
export interface VariantBase {
  readonly ctx: FixtureContext;
  readonly fc: FixtureClient;
  /** The client note's spec, optionally edited before signing. */
  spec(edit?: (spec: DocumentSpec) => DocumentSpec): DocumentSpec;
  /** Signs and frames; by default with the professional's signature only. */
  sign(spec: DocumentSpec, options?: SignOptions): SignedMessage;
}

export interface Variant {
  /** The file is invalid_<name>.xml; the name starts with the area and then the rule. */
  readonly name: string;
  readonly description: string;
  readonly rules: readonly RuleDefinition[];
  readonly serviceRequest?: string;
  /** Undefined when the parties cannot build it (no second organisation). */
  build(base: VariantBase): string | undefined;
}
/** A valid test identity other than the fixture clients', for frames naming the wrong client. */
const OTHER_TEST_HETU = '150315A9321';
/** An OID no fixture PKI or demo data registers. */
export const UNREGISTERED_OID = '1.2.246.10.55500000.10.0';

/** Wire and frame variants, in table order. */
export const FRAME_VARIANTS: readonly Variant[] = [
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
];
