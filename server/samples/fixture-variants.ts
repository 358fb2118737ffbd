/**
 * The invalid fixtures: one message per interesting rule, each a families-with-children client note (its
 * own seeded id) damaged in exactly one way, with the rule codes the archive must answer with. The table
 * is the documentation: name, what was done, and the expected rules. The base document is kept small (a
 * one-entry note signed by the professional only, as the real client plan sample is) so that the committed
 * set stays small.
 */
import { RULES } from '../rules/catalogue.js';
import type { RuleDefinition } from '../rules/rule.js';
import { clientNote } from '../cda/templates-documents.js';
import { wrapInSoap } from '../wire/build-frame.js';
import { at, caseInput, seededDocumentId, signAndFrame, type FixtureContext } from './fixture-documents.js';
import { FIXTURE_CLIENTS, type FixtureClient } from './fixture-parties.js';
import { alterDisplayForm, breakLinesBetweenTags, corruptSignatureValue, reframe } from './fixture-tamper.js';
import { FRAME_VARIANTS, UNREGISTERED_OID, type Variant, type VariantBase } from './frame-variants.js';

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

/** The note's one entry: short, so the base document is small. */
const NOTE_TEXT = 'Kotikäynti. Sovittiin seuraava tapaaminen.';

/** Document and signature variants, in table order, after the frame variants. */
const DOCUMENT_VARIANTS: readonly Variant[] = [
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
  for (const v of [...FRAME_VARIANTS, ...DOCUMENT_VARIANTS]) {
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
