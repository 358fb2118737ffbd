/**
 * The shapes of signature verification: its input context and its result, a value (never an exception)
 * that the archive turns into an acknowledgement and the archivist UI shows as a per-signature panel.
 */
import type { DomElement } from '../xml/tree.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import type { RuleDefinition, RuleViolation } from '../rules/rule.js';
import type { SignatureType } from './profile.js';

/** What the verifier needs to know about the document and the archive's trust. */
export interface VerifyContext {
  /** ClinicalDocument/id/@root: the body must carry ID="OID<documentId>". */
  readonly documentId: string;
  /** The sending organisation's OID (frame sender). */
  readonly senderOid: string;
  /** The register keeper's OID (CDA custodian). */
  readonly custodianOid: string;
  /** Registration numbers of localSocialHeader/signature/assignedAuthorSigner. */
  readonly headerSignerRegNos: readonly string[];
  readonly trust: CertificateTrust;
  /** strict: an untrusted chain is refused; lenient: accepted with a warning if cryptographically valid. */
  readonly trustMode: 'strict' | 'lenient';
  readonly now: Date;
}

export type SignatureCheckName =
  | 'placement'
  | 'structure'
  | 'type'
  | 'timestamp'
  | 'algorithms'
  | 'references'
  | 'body'
  | 'certificate'
  | 'digests'
  | 'signature-value'
  | 'chain'
  | 'validity'
  | 'key-usage'
  | 'signer-identity';

/**
 * What a passed or skipped check found, as a code and its values: the archivist interface words it in the
 * reader's language, while `detail` keeps the English sentence for the JSON and CLI answers.
 */
export type SignatureCheckNote =
  | { readonly code: 'references-match'; readonly count: number }
  | { readonly code: 'verifies-with-keyinfo-key' }
  | { readonly code: 'chains-to-trusted-ca' }
  | { readonly code: 'valid-at'; readonly at: string }
  | { readonly code: 'signature-type'; readonly type: SignatureType }
  | { readonly code: 'signed-at'; readonly at: string }
  | { readonly code: 'body-id'; readonly id: string }
  | { readonly code: 'certificate-subject'; readonly subject: string }
  | { readonly code: 'signer-id'; readonly id: string }
  | { readonly code: 'skipped'; readonly why: SkipReason };

/** Why a check was not evaluated: an earlier check it depends on failed or was missing. */
export type SkipReason =
  | 'profile-failed'
  | 'digest-failed'
  | 'unprocessable'
  | 'no-certificate'
  | 'no-signing-time'
  | 'unknown-type';

/** One line of the per-signature panel. `ok` with a rule is a warning (accepted with a note). */
export interface SignatureCheck {
  readonly name: SignatureCheckName;
  readonly ok: boolean;
  readonly rule?: RuleDefinition;
  /** English text for machine answers (JSON, CLI); pages word `note` and `rule` instead. */
  readonly detail?: string;
  readonly note?: SignatureCheckNote;
  /** Where the failing (or warned) rule was found: an XPath, shown as code. */
  readonly location?: string;
  /** Not evaluated because an earlier check failed (then `ok` is false and `rule` absent). */
  readonly skipped?: boolean;
  /** Machine-readable diagnosis, e.g. 'whitespace-reindented' on a failed digest check. */
  readonly hint?: SignatureHint;
}

export type SignatureHint = 'whitespace-reindented';

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  /** The subject's serialNumber attribute (organisation OID or registration number), not the certificate serial. */
  readonly serialNumber?: string;
  readonly certificateSerial: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** SHA-256 fingerprint, colon-separated hex. */
  readonly fingerprint: string;
}

export interface SignatureReport {
  /** hl7fi:signature/@ID (or an empty string when absent). */
  readonly id: string;
  readonly type?: SignatureType;
  /** signatureTimestamp text as sent. */
  readonly timestamp?: string;
  readonly signer?: CertificateSummary;
  /** XPath of the ds:Signature element. */
  readonly location: string;
  readonly checks: readonly SignatureCheck[];
}

export type SignatureVerification =
  | {
      readonly ok: true;
      /** Canonical XML of the signed nonXMLBody, exactly the bytes digested and authenticated: read content only from here. */
      readonly signedBodyXml: string;
      /**
       * The nonXMLBody element of the one parse whose canonical form is `signedBodyXml`: the archive reads
       * the content from it instead of parsing those bytes again (cda/signed-content.ts).
       */
      readonly signedBody: DomElement;
      readonly signatures: readonly SignatureReport[];
      readonly warnings: readonly RuleViolation[];
    }
  | {
      readonly ok: false;
      readonly violations: readonly RuleViolation[];
      readonly signatures: readonly SignatureReport[];
      readonly hints: readonly SignatureHint[];
    };
