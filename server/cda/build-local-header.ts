/**
 * The hl7fi:localSocialHeader of a built document (the Finnish header: document group, formats, service
 * task, retention, signers...) and the coded-element helpers the whole builder shares, in the attribute
 * orders the real documents in shared/interop/kanta-samples use.
 */
import { KantaSimError } from '../errors.js';
import { assertDate, formatHl7Time } from '../hl7/time.js';
import { NS } from '../xml/dom.js';
import { el, text, type XmlChild } from '../xml/xml-writer.js';
import type { CodeDisplay, DocumentSpec, SpecSigner } from './build-spec.js';
import { CODE_SYSTEMS, DOCUMENT_GROUPS, HEADER_CODES } from './templates-codes.js';

/** The prefix the builder gives urn:hl7finland (the real documents use `ep2`; any prefix is equivalent). */
export const HL7FI_PREFIX = 'hl7fi';

const SERVICE_PROCESS_TYPE = 'Sosiaalihuollon palveluprosessi';

export type System = { readonly oid: string; readonly name: string };

/** A coded element in the common attribute order of the samples. */
export function coded(name: string, cd: CodeDisplay, system: System): XmlChild {
  return el(name, {
    code: cd.code,
    codeSystem: system.oid,
    codeSystemName: system.name,
    displayName: cd.displayName,
  });
}

/** The attribute order the samples use for functionCode, recordStatus and serviceProcess/code. */
export function codedDisplayFirst(name: string, cd: CodeDisplay, system: System): XmlChild {
  return el(name, {
    code: cd.code,
    displayName: cd.displayName,
    codeSystemName: system.name,
    codeSystem: system.oid,
  });
}

export const fi = (local: string): string => `${HL7FI_PREFIX}:${local}`;

function headerSigner(s: SpecSigner, timeZone: string): XmlChild {
  assertDate(s.time, `signer ${s.regNo} time`);
  const method = s.authenticationMethod ?? HEADER_CODES.authenticationProfessionalCert;
  return el(
    fi('signature'),
    {},
    el(fi('assignedAuthorSigner'), {}, text(s.regNo)),
    el(
      fi('signer'),
      {},
      el(fi('name'), {}, el(fi('given'), {}, text(s.given)), el(fi('family'), {}, text(s.family))),
    ),
    coded(fi('authenticationMethod'), method, CODE_SYSTEMS.authenticationMethod),
    el(fi('time'), { value: formatHl7Time(s.time, timeZone) }),
  );
}

/** The hl7fi:localSocialHeader, signers last; throws BAD_REQUEST for an unknown document group. */
export function localSocialHeader(spec: DocumentSpec, timeZone: string): XmlChild {
  const organiser = spec.outsourcingServiceCustomer ?? spec.custodian;
  const group = DOCUMENT_GROUPS[spec.documentGroup];
  if (!group) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `documentGroup must be '1' or '5', got ${JSON.stringify(spec.documentGroup)}`,
    );
  }
  const opt = <T>(value: T | undefined, f: (v: T) => XmlChild): XmlChild | undefined =>
    value === undefined ? undefined : f(value);
  return el(
    fi('localSocialHeader'),
    { [`xmlns:${HL7FI_PREFIX}`]: NS.HL7FI },
    opt(spec.specificDocumentType, (t) => coded(fi('specificDocumentType'), t, CODE_SYSTEMS.documentType)),
    el(fi('creationTime'), { value: formatHl7Time(spec.creationTime ?? spec.effectiveTime, timeZone) }),
    coded(fi('documentGroup'), group, CODE_SYSTEMS.documentGroup),
    coded(fi('fileFormat'), HEADER_CODES.fileFormatXhtml, CODE_SYSTEMS.fileFormat),
    coded(fi('structuredFileFormat'), HEADER_CODES.structuredFormatJson, CODE_SYSTEMS.structuredFileFormat),
    el(fi('softwareSupport'), { ...spec.software }),
    opt(spec.palvelutehtava, (t) => codedDisplayFirst(fi('functionCode'), t, CODE_SYSTEMS.serviceTask)),
    codedDisplayFirst(fi('recordStatus'), HEADER_CODES.recordStatusReady, CODE_SYSTEMS.recordStatus),
    coded(fi('registryType'), HEADER_CODES.registrySocialClient, CODE_SYSTEMS.registryType),
    el(fi('outsourcingServiceCustomer'), { root: organiser.oid }),
    el(fi('outsourcingServiceCustomerName'), {}, text(organiser.name)),
    coded(
      fi('totalRetentionPeriodClass'),
      spec.retention ?? HEADER_CODES.retentionPermanent,
      CODE_SYSTEMS.retention,
    ),
    coded(
      fi('specialContent'),
      spec.specialContent ?? HEADER_CODES.specialContentNo,
      CODE_SYSTEMS.specialContent,
    ),
    el(fi('contentSpecificationId'), {}, text(spec.contentSpecificationId)),
    opt(spec.clientRelationshipId, (id) => el(fi('encompassingClientRelationship'), { root: id })),
    opt(spec.prosessivaihe, (p) =>
      el(
        fi('serviceProcess'),
        {},
        el(fi('type'), {}, text(SERVICE_PROCESS_TYPE)),
        codedDisplayFirst(fi('code'), p, CODE_SYSTEMS.processPhase),
      ),
    ),
    opt(spec.authorizationRestrictionArgument, (a) =>
      el(fi('authorizationRestrictionArgument'), {}, text(a)),
    ),
    opt(spec.inaccessibleArgument, (a) =>
      coded(fi('inaccessibleArgument'), a, CODE_SYSTEMS.inaccessibleArgument),
    ),
    opt(spec.reasonOfCorrection, (r) =>
      coded(fi('reasonOfCorrection'), r, {
        oid: r.codeSystem ?? CODE_SYSTEMS.reasonOfCorrection.oid,
        name: CODE_SYSTEMS.reasonOfCorrection.name,
      }),
    ),
    ...spec.signers.map((s) => headerSigner(s, timeZone)),
  );
}
