/**
 * The profile checks of one signature that need no cryptography: type, signing time, algorithms and
 * references. Each returns the violations it found (empty = pass) so verify-signatures.ts can record
 * them in the panel; what is allowed is decided in profile.ts, not here.
 */
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { signatureXpath } from './location.js';
import {
  ALLOWED_CANONICALIZATION,
  ALLOWED_DIGEST_METHODS,
  ALLOWED_SIGNATURE_METHODS,
  ALLOWED_TRANSFORM_LISTS,
  ID_VALUE_PATTERN,
  MAX_FUTURE_SKEW_MS,
  REFERENCES_PER_SIGNATURE,
  SIGNATURE_TYPES,
  SIGNATURE_TYPE_CODE_SYSTEM,
  bodyReferenceUri,
  type SignatureType,
} from './profile.js';
import type { SignatureParts } from './signature-parts.js';
import { parseUtcDateTime } from './signing-time.js';
import { uniqueTarget, type IdIndex } from './signed-targets.js';

/** signatureDescription code 1 or 3 in the profile's code system. */
export function checkType(parts: SignatureParts): { type?: SignatureType; violations: RuleViolation[] } {
  const el = parts.descriptionEl;
  const location = el ? signatureXpath(el) : signatureXpath(parts.placed.container);
  const known = parts.typeCode === undefined ? undefined : SIGNATURE_TYPES[parts.typeCode];
  const codeSystem = el?.getAttribute('codeSystem') ?? undefined;
  if (!el || !known) {
    const seen = el ? `code "${parts.typeCode ?? ''}"` : 'no signatureDescription';
    return {
      violations: [
        violation(RULES.SIG_TYPE_UNKNOWN, location, `${seen}; expected 1 (professional) or 3 (system)`),
      ],
    };
  }
  if (codeSystem && codeSystem !== SIGNATURE_TYPE_CODE_SYSTEM) {
    return {
      violations: [
        violation(
          RULES.SIG_TYPE_UNKNOWN,
          location,
          `codeSystem "${codeSystem}", expected ${SIGNATURE_TYPE_CODE_SYSTEM}`,
        ),
      ],
    };
  }
  return { type: known.type, violations: [] };
}

/** signatureTimestamp: present, with a usable ID, a UTC xs:dateTime not in the future. */
export function checkTimestamp(
  parts: SignatureParts,
  now: Date,
): { signingTime?: Date; violations: RuleViolation[] } {
  const el = parts.timestampEl;
  const location = el
    ? signatureXpath(el)
    : `${signatureXpath(parts.placed.container)}/hl7fi:signatureTimestamp`;
  const bad = (detail: string): { violations: RuleViolation[] } => ({
    violations: [violation(RULES.SIG_TIMESTAMP_INVALID, location, detail)],
  });
  if (!el) {
    return bad('the signature has no signatureTimestamp');
  }
  if (parts.timestampId === undefined || !ID_VALUE_PATTERN.test(parts.timestampId)) {
    return bad(`signatureTimestamp/@ID "${parts.timestampId ?? ''}" is missing or not a plain NCName`);
  }
  const signingTime = parseUtcDateTime(parts.timestampText);
  if (!signingTime) {
    return bad(`"${parts.timestampText ?? ''}" is not a UTC xs:dateTime (e.g. 2026-07-17T10:06:56.425Z)`);
  }
  if (signingTime.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) {
    return bad(`signing time ${parts.timestampText ?? ''} is in the future (now ${now.toISOString()})`);
  }
  return { signingTime, violations: [] };
}

/** Canonicalization, signature method, digests and transforms against the allow-lists. */
export function checkAlgorithms(parts: SignatureParts): RuleViolation[] {
  const out: RuleViolation[] = [];
  const refuse = (location: string, detail: string): void => {
    out.push(violation(RULES.SIG_ALGORITHM_NOT_ALLOWED, location, detail));
  };
  const si = `${parts.location}/ds:SignedInfo`;
  if (!parts.c14nMethod || !ALLOWED_CANONICALIZATION.includes(parts.c14nMethod)) {
    refuse(
      `${si}/ds:CanonicalizationMethod`,
      `canonicalization "${parts.c14nMethod ?? ''}"; allowed: exclusive c14n`,
    );
  } else if (parts.c14nParameters) {
    refuse(
      `${si}/ds:CanonicalizationMethod`,
      'canonicalization parameters (InclusiveNamespaces) are not allowed',
    );
  }
  if (!parts.signatureMethod || !ALLOWED_SIGNATURE_METHODS.includes(parts.signatureMethod)) {
    refuse(
      `${si}/ds:SignatureMethod`,
      `signature method "${parts.signatureMethod ?? ''}"; allowed: rsa-sha256`,
    );
  }
  for (const ref of parts.references) {
    if (!ref.digestMethod || !ALLOWED_DIGEST_METHODS.includes(ref.digestMethod)) {
      refuse(`${ref.location}/ds:DigestMethod`, `digest method "${ref.digestMethod ?? ''}"; allowed: sha256`);
    }
    const listed = ALLOWED_TRANSFORM_LISTS.some(
      (allowed) =>
        allowed.length === ref.transforms.length && allowed.every((t, i) => ref.transforms[i] === t),
    );
    if (!listed) {
      refuse(
        `${ref.location}/ds:Transforms`,
        `transforms [${ref.transforms.join(', ')}]; allowed: exc-c14n, optionally preceded by enveloped-signature`,
      );
    } else if (ref.transformParameters) {
      refuse(
        `${ref.location}/ds:Transforms`,
        'transform parameters (e.g. InclusiveNamespaces) are not allowed',
      );
    }
  }
  return out;
}

/**
 * Exactly two references: this document's body and this signature's own timestamp, each the only element
 * carrying its ID.
 */
export function checkReferences(parts: SignatureParts, documentId: string, ids: IdIndex): RuleViolation[] {
  const out: RuleViolation[] = [];
  const bad = (location: string, detail: string): void => {
    out.push(violation(RULES.SIG_REFERENCE_INVALID, location, detail));
  };
  const bodyUri = bodyReferenceUri(documentId);
  // An unusable timestamp ID (reported by checkTimestamp) is never an acceptable reference target.
  const tsUri =
    parts.timestampId === undefined || !ID_VALUE_PATTERN.test(parts.timestampId)
      ? undefined
      : `#${parts.timestampId}`;
  const expected = tsUri === undefined ? [bodyUri] : [bodyUri, tsUri];
  if (parts.references.length !== REFERENCES_PER_SIGNATURE) {
    bad(
      `${parts.location}/ds:SignedInfo`,
      `${parts.references.length} references; the profile requires exactly 2`,
    );
  }
  const seen = new Set<string>();
  for (const ref of parts.references) {
    const uri = ref.uri ?? '';
    if (!expected.includes(uri)) {
      bad(
        ref.location,
        `URI "${uri}" is neither ${bodyUri} nor this signature's own timestamp ${tsUri ?? '(missing)'}`,
      );
    } else if (seen.has(uri)) {
      bad(ref.location, `URI "${uri}" is referenced twice`);
    }
    seen.add(uri);
  }
  for (const uri of expected) {
    if (!seen.has(uri)) {
      bad(`${parts.location}/ds:SignedInfo`, `no reference to ${uri}`);
    }
  }
  if (parts.timestampEl && parts.timestampId !== undefined && seen.has(`#${parts.timestampId}`)) {
    out.push(...uniqueTarget(ids, parts.timestampId, parts.timestampEl, signatureXpath(parts.timestampEl)));
  }
  return out;
}
