/**
 * New versions (SHA-SPEC section 3, following the health archive): the same setId, versionNumber + 1, a
 * relatedDocument RPLC naming the replaced (latest) version, and a reason of correction. The checks against
 * the stored set run inside the insert transaction (ArchiveStore.insertDocument checkSet), so two racing
 * versions cannot both pass.
 */
import { CDA_LOCATIONS as L } from '../cda/cda-locations.js';
import type { SocialDocument } from '../cda/social-document.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import type { StoredDocument } from '../store/archive-store.js';

/** How the request wants the document treated. */
export interface VersionIntent {
  /** The operation is the explicit new-version one (SP18) or an invalidation. */
  readonly mustBeNewVersion: boolean;
  readonly nullified: boolean;
}

/** Checks on the document alone, before the store is asked. */
export function checkVersionDocument(document: SocialDocument, intent: VersionIntent): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (document.versionNumber <= 1) {
    if (intent.mustBeNewVersion || intent.nullified) {
      out.push(
        violation(
          RULES.VERSION_NOT_NEW,
          L.versionNumber,
          `versionNumber is ${document.versionNumber}; ${intent.nullified ? 'an invalidation' : 'a new version'} replaces an archived version`,
        ),
      );
    }
    return out;
  }
  if (document.header.reasonOfCorrection === undefined) {
    out.push(
      violation(
        RULES.VERSION_REASON_MISSING,
        L.reasonOfCorrection,
        `version ${document.versionNumber} of ${document.setId} gives no hl7fi:reasonOfCorrection`,
      ),
    );
  }
  return out;
}

/**
 * Checks a version > 1 against the stored versions of its set (every register). `callerOids` are the
 * sending organisation's OIDs: a set held in another register is reported as unknown unless the caller
 * itself keeps or fed that register, so no one learns of another organisation's documents.
 */
export function checkAgainstSet(
  document: SocialDocument,
  versions: readonly StoredDocument[],
  callerOids: readonly string[],
): RuleViolation[] | undefined {
  const latest = versions.reduce<StoredDocument | undefined>(
    (max, v) => (max === undefined || v.versionNumber > max.versionNumber ? v : max),
    undefined,
  );
  const unknown = [
    violation(RULES.VERSION_SET_UNKNOWN, L.setId, `no archived document has setId ${document.setId}`),
  ];
  if (latest === undefined) {
    return unknown;
  }
  if (latest.registerOid !== document.custodian.oid) {
    const known = versions.some(
      (v) => callerOids.includes(v.registerOid) || callerOids.includes(v.senderOid),
    );
    return known
      ? [
          violation(
            RULES.VERSION_REGISTER_CHANGED,
            L.custodian,
            `version ${latest.versionNumber} is in the register of ${latest.registerOid}, this version names ${document.custodian.oid}`,
          ),
        ]
      : unknown;
  }
  const taken = versions.find((v) => v.versionNumber === document.versionNumber);
  if (taken !== undefined || document.versionNumber <= latest.versionNumber) {
    return [
      violation(
        RULES.VERSION_CONFLICT,
        L.versionNumber,
        `version ${document.versionNumber} of ${document.setId} is already archived${taken ? ` as ${taken.id}` : ''}; the latest is ${latest.versionNumber}`,
      ),
    ];
  }
  if (latest.status === 'invalidated') {
    return [
      violation(
        RULES.VERSION_REPLACES_INVALIDATED,
        L.setId,
        `document set ${document.setId} was invalidated${latest.invalidation ? ` on ${latest.invalidation.at}` : ''}`,
      ),
    ];
  }
  const out: RuleViolation[] = [];
  if (document.versionNumber !== latest.versionNumber + 1) {
    out.push(
      violation(
        RULES.VERSION_GAP,
        L.versionNumber,
        `the latest archived version of ${document.setId} is ${latest.versionNumber}; the next must be ${latest.versionNumber + 1}, not ${document.versionNumber}`,
      ),
    );
  }
  if (document.replaces !== undefined && document.replaces.parentId !== latest.id) {
    out.push(
      violation(
        RULES.VERSION_PARENT_MISMATCH,
        L.replaces,
        `relatedDocument names ${document.replaces.parentId}; the latest version is ${latest.id}`,
      ),
    );
  }
  if (latest.hetu !== document.client.hetu) {
    out.push(
      violation(
        RULES.VERSION_CLIENT_CHANGED,
        L.hetu,
        `version ${latest.versionNumber} is about ${latest.hetu}, this version about ${document.client.hetu}`,
      ),
    );
  }
  return out.length > 0 ? out : undefined;
}
