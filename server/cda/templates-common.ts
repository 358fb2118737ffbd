/**
 * What every client-document template (initiation, assessment, plan, decision, note) shares: the minimal
 * inputs, the defaults a realistic client system would fill in, the common parts of the structured form
 * (asiakas, paivamaara, laatija, as in the real client plan) and the assembly of the DocumentSpec.
 */
import { KantaSimError } from '../errors.js';
import type {
  CodeDisplay,
  DocumentSpec,
  SpecClient,
  SpecOrganisation,
  SpecProfessional,
  SpecSigner,
  SpecSoftware,
} from './build-spec.js';
import { formatFinnishDate, formatIsoDate } from '../hl7/time.js';
import { birthTimeFromHetu } from './build-cda.js';
import {
  CODE_SYSTEMS,
  DOCUMENT_KINDS,
  HEADER_CODES,
  SERVICE_TASKS,
  type DocumentKindKey,
  type ServiceTaskKey,
} from './templates-codes.js';
import { maskHetu, para, socDocument, titledItem } from './templates-xhtml.js';
import type { XmlChild } from '../xml/xml-writer.js';

/** The client system kanta-sim's generated documents name in hl7fi:softwareSupport. */
export const KANTA_SIM_SOFTWARE: SpecSoftware = Object.freeze({
  moderator: 'kanta-sim',
  product: 'kanta-sim fixture generator',
  version: '0.1.0',
});

/** The author of a client document, with an occupation for the display form and JSON (tehtävänimike). */
export interface TemplateAuthor extends SpecProfessional {
  /** Default 'sosiaalityöntekijä'. */
  readonly title?: string;
}

/** Minimal inputs of a client document; everything else gets a realistic default. */
export interface CaseDocumentInput {
  /** Document OID. */
  readonly id: string;
  /** The case (asia) OID. */
  readonly caseId: string;
  readonly client: SpecClient;
  /** The service organiser: register keeper (custodian) and outsourcingServiceCustomer. */
  readonly organiser: SpecOrganisation;
  /** The producing service unit: the organiser's own, or a provider's (then it is a provider's document). */
  readonly serviceUnit: SpecOrganisation;
  readonly author: TemplateAuthor;
  /** When the document was written (effectiveTime and creationTime). */
  readonly date: Date;
  /** Default lapsiperheidenPalvelut (24). */
  readonly serviceTask?: ServiceTaskKey;
  /** Default: the author, signing one second after `date`. */
  readonly signers?: readonly SpecSigner[];
  /** Default: for a client under 18 at `date`, code 1 (may be disclosed to guardians); null leaves it out. */
  readonly consent?: CodeDisplay | null;
  readonly software?: SpecSoftware;
  readonly clientRelationshipId?: string;
  readonly setId?: string;
  readonly versionNumber?: number;
  readonly replaces?: DocumentSpec['replaces'];
  readonly reasonOfCorrection?: DocumentSpec['reasonOfCorrection'];
  readonly specialContent?: CodeDisplay;
}

/** True when the client is under 18 at the given instant (by the birth date in birthTime or the hetu). */
export function isMinorAt(client: SpecClient, at: Date): boolean {
  const birth = client.birthTime ?? birthTimeFromHetu(client.hetu);
  if (birth === undefined || !/^\d{8}/.test(birth)) {
    return false;
  }
  const adult = `${Number(birth.slice(0, 4)) + 18}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  return formatIsoDate(at) < adult;
}

/** The consent the header carries by default. */
export function defaultConsent(input: {
  client: SpecClient;
  date: Date;
  consent?: CodeDisplay | null;
}): CodeDisplay | undefined {
  if (input.consent === null) {
    return undefined;
  }
  return (
    input.consent ??
    (isMinorAt(input.client, input.date) ? HEADER_CODES.consentMinorMayBeDisclosed : undefined)
  );
}

/** A code as the structured forms write it: `{ system: "urn:oid:...", code, display }`. */
export function jsonCode(system: string, cd: CodeDisplay): { system: string; code: string; display: string } {
  return { system: `urn:oid:${system}`, code: cd.code, display: cd.displayName };
}

/** A service unit as the structured forms write it (SOTE-organisaatiorekisteri code). */
export function jsonUnit(unit: SpecOrganisation): { system: string; code: string; display: string } {
  return jsonCode(CODE_SYSTEMS.organisation.oid, { code: unit.oid, displayName: unit.name });
}

/** The JSON root key: the specific type's name in snake case without diacritics, as the real plan's. */
export function jsonRootKey(displayName: string): string {
  return displayName
    .toLowerCase()
    .replace(/[äå]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** What a kind-specific template adds: its display sections and the middle of its structured form. */
export interface CaseDocumentContent {
  readonly sections: readonly XmlChild[];
  /** Key-value pairs placed between `asiakas` and `paivamaara` in the JSON. */
  readonly json: Readonly<Record<string, unknown>>;
}

/** The structured form: client, the template's part, date and author, under the type's root key. */
function caseDocumentJson(
  title: string,
  isoDate: string,
  authorTitle: string,
  input: CaseDocumentInput,
  content: CaseDocumentContent,
): Readonly<Record<string, unknown>> {
  const c = input.client;
  const a = input.author;
  return {
    [jsonRootKey(title)]: {
      asiakas: [
        {
          sukunimi: c.family,
          etunimet: c.given.join(' '),
          henkilotunnus: { system: 'urn:oid:1.2.246.21', value: c.hetu },
        },
      ],
      ...content.json,
      paivamaara: isoDate,
      laatija: [
        {
          sukunimi: a.family,
          etunimet: a.given,
          tehtavanimike: authorTitle,
          palveluyksikko: jsonUnit(input.serviceUnit),
        },
      ],
    },
  };
}

/**
 * Assembles the DocumentSpec of a client document: header codes from DOCUMENT_KINDS, the display form
 * (client first, then the template's sections, then date and author, as in the real plan) and the JSON.
 */
export function caseDocumentSpec(
  kind: DocumentKindKey,
  input: CaseDocumentInput,
  content: CaseDocumentContent,
): DocumentSpec {
  const taskKey = input.serviceTask ?? 'lapsiperheidenPalvelut';
  const kindDef = DOCUMENT_KINDS[kind];
  const perTask = kindDef.byServiceTask[taskKey];
  if (perTask === undefined) {
    throw new KantaSimError('BAD_REQUEST', `DOCUMENT_KINDS.${kind} has no entry for service task ${taskKey}`);
  }
  const specific = perTask.specificDocumentType;
  const title = specific?.displayName ?? kindDef.generalDocumentType?.displayName ?? kind;
  const isoDate = formatIsoDate(input.date);
  const c = input.client;
  const a = input.author;
  const authorTitle = a.title ?? 'sosiaalityöntekijä';
  const xhtml = socDocument({
    id: input.id,
    organisationName: input.organiser.name,
    generalTypeName: kindDef.generalDocumentType?.displayName,
    date: formatFinnishDate(isoDate),
    title,
    content: [
      titledItem('Asiakas', para(`${c.family}, ${c.given.join(' ')}`, maskHetu(c.hetu))),
      ...content.sections,
      titledItem('Päivämäärä', para(formatFinnishDate(isoDate))),
      titledItem('Laatija', para(`${a.family}, ${a.given}`, authorTitle, input.serviceUnit.name)),
    ],
  });
  const json = caseDocumentJson(title, isoDate, authorTitle, input, content);
  const signers = input.signers ?? [
    { regNo: a.regNo, given: a.given, family: a.family, time: new Date(input.date.getTime() + 1000) },
  ];
  return {
    id: input.id,
    setId: input.setId,
    versionNumber: input.versionNumber,
    replaces: input.replaces,
    reasonOfCorrection: input.reasonOfCorrection,
    effectiveTime: input.date,
    client: c,
    author: { regNo: a.regNo, given: a.given, family: a.family },
    custodian: input.organiser,
    serviceUnit: input.serviceUnit,
    caseId: input.caseId,
    consent: defaultConsent(input),
    documentKind: kind,
    specificDocumentType: specific,
    generalDocumentType: kindDef.generalDocumentType,
    documentGroup: kindDef.documentGroup,
    palvelutehtava: SERVICE_TASKS[taskKey],
    prosessivaihe: kindDef.prosessivaihe,
    outsourcingServiceCustomer: input.organiser,
    software: input.software ?? KANTA_SIM_SOFTWARE,
    signers,
    xhtml,
    json,
    contentSpecificationId: perTask.contentSpecificationId,
    clientRelationshipId: input.clientRelationshipId,
    specialContent: input.specialContent,
  };
}
