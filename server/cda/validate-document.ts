/**
 * Validates the descriptive metadata (kuvailutiedot) of a parsed SocialDocument: required fields, OID
 * syntax, coded values against the code lists, the client's hetu and the version rules. Returns every
 * violation at once, so one acknowledgement tells the vendor everything wrong with the document.
 *
 * The client-relationship document (document group 1) carries no document type, service task or process
 * phase in the header (see the real SP1 sample); those are required only of client documents.
 */
import { CDA_LOCATIONS as L, signerLocation } from './cda-locations.js';
import type { CodedValue, SocialDocument } from './social-document.js';
import type { CodeLists } from '../codes/code-lists.js';
import { CODE_SYSTEMS } from '../codes/code-systems.js';
import { RULES } from '../rules/catalogue.js';
import { checkHetu } from '../hl7/hetu.js';
import { isValidOid } from '../hl7/oid.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { CODED_FIELDS, OID_FIELDS } from './document-fields.js';

/** The document group of the client-relationship document (asiakkuusasiakirja). */
export const CLIENT_RELATIONSHIP_GROUP = '1';

export interface DocumentValidationOptions {
  /** Refuse any hetu that is not a test identity (individual number 900-999). */
  readonly testIdentityGuardrail: boolean;
}

/** HL7 TS: date, optional time with fraction, optional UTC offset. */
const HL7_TS = /^\d{8}(\d{4}(\d{2}(\.\d{1,4})?)?)?([+-]\d{4})?$/;

/** Every violation of the document's metadata rules, in field order. */
export function validateDocument(
  doc: SocialDocument,
  codes: CodeLists,
  opts: DocumentValidationOptions,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const group = doc.header.documentGroup?.code;
  const isClientDocument = group !== undefined && group !== CLIENT_RELATIONSHIP_GROUP;
  for (const f of CODED_FIELDS) {
    const value = f.get(doc);
    if (value === undefined) {
      if (f.required === 'always' || (f.required === 'clientDocument' && isClientDocument)) {
        out.push(violation(RULES.CDA_REQUIRED_MISSING, f.location, `${f.field} is missing`));
      }
      continue;
    }
    out.push(...checkCoded(f.field, f.location, f.system, value, codes));
  }
  doc.header.signers.forEach((s, i) => {
    const count = doc.header.signers.length;
    if (s.registrationNumber === '') {
      out.push(
        violation(
          RULES.CDA_REQUIRED_MISSING,
          signerLocation(i + 1, count, 'hl7fi:assignedAuthorSigner'),
          'the signer registration number (assignedAuthorSigner) is missing',
        ),
      );
    }
    if (s.authenticationMethod) {
      const location = signerLocation(i + 1, count, 'hl7fi:authenticationMethod/@code');
      out.push(
        ...checkCoded(
          'signature/authenticationMethod',
          location,
          CODE_SYSTEMS.AUTHENTICATION_METHOD,
          s.authenticationMethod,
          codes,
        ),
      );
    }
  });
  for (const f of OID_FIELDS) {
    const value = f.get(doc);
    if (value !== undefined && !isValidOid(value)) {
      out.push(
        violation(
          RULES.CDA_OID_INVALID,
          f.location,
          `${f.field} "${value}" is not a valid OID (digits and dots, no leading zeros)`,
        ),
      );
    }
  }
  out.push(...checkTimes(doc), ...checkClient(doc, opts), ...checkVersion(doc));
  return out;
}

function checkCoded(
  field: string,
  location: string,
  system: string,
  value: CodedValue,
  codes: CodeLists,
): RuleViolation[] {
  if (value.codeSystem !== system) {
    return [
      violation(
        RULES.CDA_CODE_SYSTEM_MISMATCH,
        location,
        `${field} code "${value.code}" has codeSystem ${value.codeSystem ?? '(none)'}, expected ${system}`,
      ),
    ];
  }
  if (codes.has(system) && codes.lookup(system, value.code) === undefined) {
    const name = codes.list(system)?.name ?? system;
    return [
      violation(
        RULES.CDA_CODE_UNKNOWN,
        location,
        `${field} code "${value.code}" is not in ${system} (${name})`,
      ),
    ];
  }
  return [];
}

function checkTimes(doc: SocialDocument): RuleViolation[] {
  const out: RuleViolation[] = [];
  const times: Array<[string, string, string | undefined, boolean]> = [
    ['effectiveTime', L.effectiveTime, doc.effectiveTime, true],
    ['creationTime', L.creationTime, doc.header.creationTime, true],
    ['birthTime', L.birthTime, doc.client.birthTime, false],
  ];
  for (const [field, location, value, required] of times) {
    if (value === undefined) {
      if (required) {
        out.push(violation(RULES.CDA_REQUIRED_MISSING, location, `${field} is missing`));
      }
    } else if (!HL7_TS.test(value)) {
      out.push(
        violation(
          RULES.CDA_VALUE_INVALID,
          location,
          `${field} "${value}" is not an HL7 timestamp (YYYYMMDD[HHMM[SS]][+ZZZZ])`,
        ),
      );
    }
  }
  return out;
}

function checkClient(doc: SocialDocument, opts: DocumentValidationOptions): RuleViolation[] {
  const hetu = checkHetu(doc.client.hetu);
  if (!hetu.ok) {
    return [violation(RULES.CDA_HETU_INVALID, L.hetu, hetu.reason)];
  }
  const out: RuleViolation[] = [];
  const birth = doc.client.birthTime;
  if (birth !== undefined && HL7_TS.test(birth) && birth.slice(0, 8) !== hetu.birthDate.replace(/-/g, '')) {
    out.push(
      violation(
        RULES.CDA_VALUE_INVALID,
        L.birthTime,
        `birthTime ${birth} does not match the birth date ${hetu.birthDate} of the hetu`,
      ),
    );
  }
  if (opts.testIdentityGuardrail && hetu.individualNumber < 900) {
    out.push(
      violation(
        RULES.CDA_HETU_NOT_TEST_IDENTITY,
        L.hetu,
        `individual number ${String(hetu.individualNumber).padStart(3, '0')} is not in 900-999`,
      ),
    );
  }
  return out;
}

function checkVersion(doc: SocialDocument): RuleViolation[] {
  const v = doc.versionNumber;
  if (!Number.isInteger(v) || v < 1) {
    return [
      violation(
        RULES.CDA_VALUE_INVALID,
        L.versionNumber,
        `versionNumber must be an integer >= 1, found ${String(v)}`,
      ),
    ];
  }
  if (v === 1) {
    return doc.setId === doc.id
      ? []
      : [
          violation(
            RULES.CDA_SETID_FIRST_VERSION,
            L.setId,
            `version 1 has setId ${doc.setId} but id ${doc.id}`,
          ),
        ];
  }
  const out: RuleViolation[] = [];
  if (doc.setId === doc.id) {
    out.push(
      violation(
        RULES.CDA_VALUE_INVALID,
        L.id,
        `version ${v} reuses the id of the first version (${doc.id}); a new version needs a new id`,
      ),
    );
  }
  if (!doc.replaces) {
    out.push(
      violation(
        RULES.CDA_REQUIRED_MISSING,
        L.replaces,
        `version ${v} must name the version it replaces (relatedDocument typeCode="RPLC")`,
      ),
    );
  } else if (doc.replaces.typeCode !== 'RPLC') {
    out.push(
      violation(
        RULES.CDA_VALUE_INVALID,
        L.replaces,
        `relatedDocument typeCode is "${doc.replaces.typeCode}", expected RPLC`,
      ),
    );
  }
  return out;
}
