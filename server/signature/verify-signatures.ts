/**
 * Verifies every signature of a social welfare CDA document against the Kanta profile (SHA-SPEC section 5)
 * and returns a result value, never throwing for bad input. On success it hands back the canonical XML of
 * the signed nonXMLBody exactly as it was digested and authenticated: callers must read content from there
 * and not from the DOM, which may hold anything outside what was signed.
 *
 * The document is parsed once (by the caller); each reference is resolved to the element the profile
 * checks proved it designates and checked by signature-crypto.ts, never by searching the document.
 */
import type { DomDocument, DomElement } from '../xml/tree.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { NS, attr } from '../xml/dom.js';
import { judgeCertificate, readSignerCertificate, type SignerCertificate } from './certificate-checks.js';
import { CheckList } from './check-list.js';
import { locateSignatures, type PlacedSignature } from './placement.js';
import { checkAlgorithms, checkReferences, checkTimestamp, checkType } from './profile-checks.js';
import { bodyReferenceUri } from './profile.js';
import { buildIdIndex, checkBody, type BodyCheck, type IdIndex } from './signed-targets.js';
import { readSignatureParts, type SignatureParts } from './signature-parts.js';
import type {
  SignatureCheck,
  SignatureHint,
  SignatureReport,
  SignatureVerification,
  VerifyContext,
} from './signature-types.js';
import {
  WHITESPACE_DIAGNOSIS_SENTENCE,
  verifiesOnceWhitespaceRemoved,
  type DigestFailure,
} from './whitespace-diagnosis.js';
import { checkSignatureCrypto, type DigestMemo, type ReferenceResolver } from './signature-crypto.js';
import { signerKey } from './certificate-cache.js';

export type {
  CertificateSummary,
  SignatureCheck,
  SignatureReport,
  SignatureVerification,
  VerifyContext,
} from './signature-types.js';

interface OneResult {
  readonly report: SignatureReport;
  readonly list: CheckList;
  readonly signedBody?: string;
  readonly digestFailure?: DigestFailure;
}

/**
 * Verifies all signatures of `doc`, which must be the parse (server/xml/read-tree.ts parseTree, or xmldom's
 * parseDom) of exactly `xml`.
 */
export function verifyDocumentSignatures(
  xml: string,
  doc: DomDocument,
  ctx: VerifyContext,
): SignatureVerification {
  const placement = locateSignatures(doc);
  if (placement.totalSignatures === 0) {
    return {
      ok: false,
      violations: [
        violation(RULES.SIG_MISSING, placement.expectedLocation, 'the document carries no ds:Signature'),
      ],
      signatures: [],
      hints: [],
    };
  }
  const ids = buildIdIndex(doc);
  const body = checkBody(doc, ctx.documentId, ids);
  // One memo per document: the signatures of a document sign the same body, canonicalized once.
  const memo: DigestMemo = new Map();
  const results = placement.placed.map((p, i) => verifyOne(p, i, { ctx, ids, body, memo }));

  let violations = dedupe([
    ...placement.violations,
    ...body.violations,
    ...results.flatMap((r) => r.list.violations),
  ]);
  let signatures = results.map((r) => r.report);
  const hints: SignatureHint[] = [];
  const digestFailures = results.flatMap((r) => (r.digestFailure ? [r.digestFailure] : []));
  if (verifiesOnceWhitespaceRemoved(xml, digestFailures)) {
    hints.push('whitespace-reindented');
    violations = violations.map((v) =>
      v.rule === RULES.SIG_DIGEST_MISMATCH
        ? { ...v, detail: `${v.detail ?? ''}; ${WHITESPACE_DIAGNOSIS_SENTENCE}` }
        : v,
    );
    signatures = signatures.map((s) => ({ ...s, checks: s.checks.map(annotateDigestCheck) }));
  }
  if (violations.length > 0) {
    return { ok: false, violations, signatures, hints };
  }

  const bodies = new Set(results.map((r) => r.signedBody));
  const [signedBodyXml] = [...bodies];
  const bodyProblem =
    bodies.size !== 1 || signedBodyXml === undefined
      ? violation(
          RULES.SIG_REFERENCE_INVALID,
          '/ClinicalDocument/component/nonXMLBody',
          'the signatures sign different body bytes',
        )
      : signedBodyProblem(body);
  if (bodyProblem || signedBodyXml === undefined || !body.body) {
    return { ok: false, violations: bodyProblem ? [bodyProblem] : [], signatures, hints };
  }
  return {
    ok: true,
    signedBodyXml,
    signedBody: body.body,
    signatures,
    warnings: dedupe(results.flatMap((r) => r.list.warnings)),
  };
}

/** What every signature of one document is verified against. */
interface DocumentScope {
  readonly ctx: VerifyContext;
  readonly ids: IdIndex;
  readonly body: BodyCheck;
  readonly memo: DigestMemo;
}

function verifyOne(placed: PlacedSignature, placedIndex: number, scope: DocumentScope): OneResult {
  const { ctx, ids, body, memo } = scope;
  const parts = readSignatureParts(placed);
  const list = new CheckList();
  list.pass('placement');
  const structureOk = list.judge('structure', parts.structureProblems);
  const { type, violations: typeViolations } = checkType(parts);
  list.judge('type', typeViolations, type && { code: 'signature-type', type });
  const { signingTime, violations: timeViolations } = checkTimestamp(parts, ctx.now);
  const timestampOk = list.judge(
    'timestamp',
    timeViolations,
    signingTime && { code: 'signed-at', at: signingTime.toISOString() },
  );
  const algorithmsOk = list.judge('algorithms', checkAlgorithms(parts));
  const referencesOk = list.judge('references', checkReferences(parts, ctx.documentId, ids));
  const bodyOk = list.judge('body', body.violations, { code: 'body-id', id: body.bodyId });
  const certLocation = `${parts.keyInfoLocation}/ds:X509Data/ds:X509Certificate`;
  const { cert, violations: certViolations } = readSignerCertificate(parts.certificates, certLocation);
  const certOk = list.judge(
    'certificate',
    certViolations,
    cert && { code: 'certificate-subject', subject: cert.summary.subject },
  );

  const profileOk = structureOk && timestampOk && algorithmsOk && referencesOk && bodyOk && certOk;
  const { cryptoOk, signedBody, digestFailure } =
    profileOk && cert
      ? judgeCrypto(list, { placed, placedIndex, parts, body, cert, documentId: ctx.documentId, memo })
      : skipCrypto(list);
  judgeCertificate(list, cert, { signingTime, type, cryptoOk }, ctx, certLocation);

  const report: SignatureReport = {
    id: parts.id ?? '',
    ...(type === undefined ? {} : { type }),
    ...(parts.timestampText === undefined ? {} : { timestamp: parts.timestampText }),
    ...(cert === undefined ? {} : { signer: cert.summary }),
    location: parts.location,
    checks: list.checks,
  };
  return {
    report,
    list,
    ...(signedBody === undefined ? {} : { signedBody }),
    ...(digestFailure === undefined ? {} : { digestFailure }),
  };
}

/** What the cryptographic checks found: whether they passed, the signed body bytes, a digest failure. */
interface CryptoJudgement {
  readonly cryptoOk: boolean;
  readonly signedBody?: string;
  readonly digestFailure?: DigestFailure;
}

function skipCrypto(list: CheckList): CryptoJudgement {
  list.skip('digests', 'profile-failed');
  list.skip('signature-value', 'profile-failed');
  return { cryptoOk: false };
}

/** Digests and SignatureValue, once every profile check passed: the only place keys are used. */
function judgeCrypto(
  list: CheckList,
  one: {
    readonly placed: PlacedSignature;
    readonly placedIndex: number;
    readonly parts: SignatureParts;
    readonly body: BodyCheck;
    readonly cert: SignerCertificate;
    readonly documentId: string;
    readonly memo: DigestMemo;
  },
): CryptoJudgement {
  const { placed, placedIndex, parts, body, cert } = one;
  const key = signerKey(cert.x509);
  const uris = parts.references.map((r) => r.uri ?? '');
  const outcome = checkSignatureCrypto(placed.dsSignature, profileTargets(parts, body), key, uris, one.memo);
  if (outcome.kind === 'ok') {
    list.pass('digests', { code: 'references-match', count: outcome.references.length });
    list.pass('signature-value', { code: 'verifies-with-keyinfo-key' });
    const signedBody = outcome.references.find(
      (r) => r.uri === bodyReferenceUri(one.documentId),
    )?.canonicalXml;
    return { cryptoOk: true, ...(signedBody === undefined ? {} : { signedBody }) };
  }
  if (outcome.kind === 'digest') {
    const ref = parts.references[outcome.index];
    list.fail('digests', [
      violation(
        RULES.SIG_DIGEST_MISMATCH,
        ref?.location ?? `${parts.location}/ds:SignedInfo`,
        `reference ${outcome.index + 1} (${outcome.uri}): the digest does not match the content`,
      ),
    ]);
    list.skip('signature-value', 'digest-failed');
    return { cryptoOk: false, digestFailure: { placedIndex, key } };
  }
  if (outcome.kind === 'value') {
    list.pass('digests', { code: 'references-match', count: parts.references.length });
  } else {
    list.skip('digests', 'unprocessable');
  }
  const why =
    outcome.kind === 'value'
      ? "the SignatureValue does not verify with the KeyInfo certificate's public key"
      : `the signature could not be verified: ${outcome.message}`;
  list.fail('signature-value', [
    violation(RULES.SIG_VALUE_INVALID, `${parts.location}/ds:SignatureValue`, why),
  ]);
  return { cryptoOk: false };
}

/**
 * The only two elements a reference of this signature may designate, as the profile checks proved them:
 * the unique nonXMLBody (checkBody) and this signature's own signatureTimestamp (checkReferences made its
 * ID unique in the document). Any other URI resolves to nothing.
 */
function profileTargets(parts: SignatureParts, body: BodyCheck): ReferenceResolver {
  const targets = new Map<string, DomElement>();
  if (body.body) {
    targets.set(`#${body.bodyId}`, body.body);
  }
  if (parts.timestampEl && parts.timestampId !== undefined) {
    targets.set(`#${parts.timestampId}`, parts.timestampEl);
  }
  return (uri) => targets.get(uri);
}

/**
 * Last line of defence against a reference resolving somewhere unexpected: the element whose canonical
 * form was authenticated (the body reference resolves to nothing else, see profileTargets) must be an HL7
 * nonXMLBody carrying the body ID. It is judged on the one parse: canonical XML is a serialisation of that
 * element, so parsing the bytes again would find the same name and ID (test/archive/one-parse.test.ts
 * compares both on every fixture).
 */
function signedBodyProblem(body: BodyCheck): RuleViolation | undefined {
  const root = body.body;
  const bodyId = body.bodyId;
  if (
    root &&
    root.namespaceURI === NS.HL7 &&
    root.localName === 'nonXMLBody' &&
    attr(root, 'ID') === bodyId
  ) {
    return undefined;
  }
  return violation(
    RULES.SIG_BODY_ID_INVALID,
    '/ClinicalDocument/component/nonXMLBody',
    'the signed reference did not resolve to the nonXMLBody',
  );
}

function annotateDigestCheck(c: SignatureCheck): SignatureCheck {
  return c.name === 'digests' && !c.ok && !c.skipped
    ? { ...c, detail: `${c.detail ?? ''}; ${WHITESPACE_DIAGNOSIS_SENTENCE}`, hint: 'whitespace-reindented' }
    : c;
}

function dedupe(list: readonly RuleViolation[]): RuleViolation[] {
  const seen = new Set<string>();
  return list.filter((v) => {
    const key = `${v.rule.code}|${v.location}|${v.detail ?? ''}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
