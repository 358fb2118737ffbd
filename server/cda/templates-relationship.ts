/**
 * The client-relationship document (asiakkuusasiakirja, document group 1, sent with SP1). Its structured
 * form copies the real SP1 document key by key, because the archive reads the register access right
 * (SHA-SPEC section 6) from it: sosiaalihuollon_palvelutehtava[].palveluntuottaja[] lists each provider's
 * service unit (palveluyksikon_nimi.code = unit OID), its social services and asiakkuuden_alkamispvm;
 * an ended provision adds asiakkuuden_paattymispvm (that key is kanta-sim's, the sample has no end date).
 */
import type { CodeDisplay, DocumentSpec, SpecClient, SpecOrganisation, SpecSoftware } from './build-spec.js';
import { birthTimeFromHetu } from './build-cda.js';
import { formatFinnishDate, formatIsoDate } from '../hl7/time.js';
import { defaultConsent, jsonCode, jsonUnit, KANTA_SIM_SOFTWARE } from './templates-common.js';
import {
  CODE_SYSTEMS,
  DOCUMENT_KINDS,
  GENDERS,
  SERVICE_TASKS,
  type ServiceTaskKey,
} from './templates-codes.js';
import { bold, fullTitleSection, heading, maskHetu, para, socDocument } from './templates-xhtml.js';
import type { XmlChild } from '../xml/xml-writer.js';

/** A unit's contact details, as in the real document. */
export interface UnitContact {
  readonly streetAddress: string;
  readonly postalCode: string;
  readonly city: string;
  readonly phone?: string;
}

/** One of the organiser's service units in a service task. */
export interface OrganiserUnitEntry {
  readonly unit: SpecOrganisation;
  /** ISO dates `YYYY-MM-DD`. */
  readonly startDate: string;
  readonly endDate?: string;
  readonly contact?: UnitContact;
}

/** A provider (palveluntuottaja): its service unit and the social services it provides. */
export interface ProviderEntry extends OrganiserUnitEntry {
  readonly services: readonly CodeDisplay[];
}

export interface ServiceTaskEntry {
  readonly palvelutehtava: ServiceTaskKey | CodeDisplay;
  readonly organiserUnits: readonly OrganiserUnitEntry[];
  readonly providers: readonly ProviderEntry[];
}

export interface ClientRelationshipInput {
  /** Document OID. */
  readonly id: string;
  /** The client relationship's own id (asiakkuuden yksilöintitunnus), hl7fi:encompassingClientRelationship. */
  readonly clientRelationshipId: string;
  readonly client: SpecClient;
  /** The service organiser and register keeper. */
  readonly organiser: SpecOrganisation;
  readonly date: Date;
  /** Start of the client relationship (ISO); default the date. */
  readonly startDate?: string;
  readonly endDate?: string;
  readonly serviceTasks: readonly ServiceTaskEntry[];
  /** encounterParticipant ADM; default the first organiser unit of the first task. */
  readonly serviceUnit?: SpecOrganisation;
  /** Home municipality, e.g. { code: '092', displayName: '092 Vantaa' }. */
  readonly municipality?: CodeDisplay;
  readonly consent?: CodeDisplay | null;
  readonly software?: SpecSoftware;
  readonly setId?: string;
  readonly versionNumber?: number;
  readonly replaces?: DocumentSpec['replaces'];
  readonly reasonOfCorrection?: DocumentSpec['reasonOfCorrection'];
}

const taskCode = (t: ServiceTaskKey | CodeDisplay): CodeDisplay =>
  typeof t === 'string' ? SERVICE_TASKS[t] : t;

function contactJson(c: UnitContact): Record<string, unknown> {
  const out: Record<string, unknown> = {
    osoite: [{ lahiosoite: c.streetAddress, postinumero: c.postalCode, postitoimipaikka: c.city }],
  };
  if (c.phone !== undefined) {
    out['puhelinnumero'] = c.phone;
  }
  return out;
}

function unitJson(e: OrganiserUnitEntry): Record<string, unknown> {
  return {
    palveluyksikon_nimi: jsonUnit(e.unit),
    asiakkuuden_alkamispvm: e.startDate,
    ...(e.endDate === undefined ? {} : { asiakkuuden_paattymispvm: e.endDate }),
    ...(e.contact === undefined ? {} : { yhteystiedot: contactJson(e.contact) }),
  };
}

function unitLines(e: OrganiserUnitEntry): (string | undefined)[] {
  return [
    `Palveluyksikön nimi: ${e.unit.name}`,
    `Palveluyksikön asiakkuuden alkamispvm: ${formatFinnishDate(e.startDate)}`,
    e.endDate === undefined
      ? undefined
      : `Palveluyksikön asiakkuuden päättymispvm: ${formatFinnishDate(e.endDate)}`,
    e.contact === undefined
      ? undefined
      : `Osoite: ${e.contact.streetAddress}, ${e.contact.postalCode} ${e.contact.city}`,
    e.contact?.phone === undefined ? undefined : `Puhelinnumero: ${e.contact.phone}`,
  ];
}

function taskXhtml(t: ServiceTaskEntry): XmlChild[] {
  const out: XmlChild[] = [heading(2, `Palvelutehtävä: ${taskCode(t.palvelutehtava).displayName}`)];
  for (const u of t.organiserUnits) {
    out.push(heading(3, 'Palvelunjärjestäjän palveluyksikkö'), para(...unitLines(u)));
  }
  for (const p of t.providers) {
    out.push(heading(3, 'Palveluntuottajan palveluyksikkö'));
    p.services.forEach((s) => out.push(bold(`Sosiaalipalvelu: ${s.displayName}`)));
    out.push(para(...unitLines(p)));
  }
  return out;
}

/** What both forms show about the client beyond the input: derived dates and the gender code. */
interface ShownFacts {
  readonly startDate: string;
  readonly birthDate: string | undefined;
  readonly gender: { readonly code: string; readonly displayName: string } | undefined;
}

/** The structured form of the asiakkuusasiakirja, in the shape of the real SP1 document's JSON. */
function relationshipJson(
  input: ClientRelationshipInput,
  shown: ShownFacts,
): Readonly<Record<string, unknown>> {
  const { startDate, birthDate, gender } = shown;
  const c = input.client;
  const asiakas: Record<string, unknown> = {
    sukunimi: c.family,
    etunimet: c.given.join(' '),
    henkilotunnus: { system: '1.2.246.21', value: c.hetu },
    ...(birthDate === undefined ? {} : { syntymaaika: birthDate }),
    ...(gender === undefined
      ? {}
      : {
          sukupuoli: jsonCode(CODE_SYSTEMS.gender.oid, {
            code: gender.code,
            displayName: gender.displayName.toLowerCase(),
          }),
        }),
    ...(input.municipality === undefined
      ? {}
      : { kotikunta: { kunta: jsonCode(CODE_SYSTEMS.municipality.oid, input.municipality) } }),
    turvakielto: false,
    elaa_avoliitossa: false,
  };
  return {
    asiakkuusasiakirja: {
      asiakkuuden_yksilointitunnus: { system: 'urn:oid:1.2.246.1', value: input.clientRelationshipId },
      asiakas,
      sosiaalihuollon_asiakkuus: {
        asiakkuuden_alkamispvm: startDate,
        ...(input.endDate === undefined ? {} : { asiakkuuden_paattymispvm: input.endDate }),
      },
      palvelunjarjestajan_toimintayksikko: jsonUnit(input.organiser),
      sosiaalihuollon_palvelutehtava: input.serviceTasks.map((t) => ({
        palvelutehtava: jsonCode(CODE_SYSTEMS.serviceTask.oid, taskCode(t.palvelutehtava)),
        palvelunjarjestajan_palveluyksikko: t.organiserUnits.map(unitJson),
        palveluntuottaja: t.providers.map((p) => ({
          sosiaalipalvelu: p.services.map((s) => jsonCode(CODE_SYSTEMS.socialService.oid, s)),
          ...unitJson(p),
        })),
      })),
    },
  };
}

/** The display form of the asiakkuusasiakirja, section by section as in the real SP1 document. */
function relationshipXhtml(input: ClientRelationshipInput, shown: ShownFacts): string {
  const { startDate, birthDate, gender } = shown;
  const c = input.client;
  return socDocument({
    id: input.id,
    organisationName: input.organiser.name,
    title: 'Asiakkuusasiakirja',
    content: [
      para(`Asiakkuuden yksilöintitunnus: ${input.clientRelationshipId}`),
      fullTitleSection(
        'Asiakas',
        para(
          `${c.family}, ${c.given.join(' ')}`,
          maskHetu(c.hetu),
          birthDate === undefined ? undefined : `Syntymäaika: ${formatFinnishDate(birthDate)}`,
          gender === undefined ? undefined : `Sukupuoli: ${gender.displayName.toLowerCase()}`,
          input.municipality === undefined ? undefined : `Kotikunta: ${input.municipality.displayName}`,
          'Turvakielto: Ei',
        ),
      ),
      fullTitleSection(
        'Sosiaalihuollon asiakkuus',
        para(
          `Asiakkuuden alkamispvm: ${formatFinnishDate(startDate)}`,
          input.endDate === undefined
            ? undefined
            : `Asiakkuuden päättymispvm: ${formatFinnishDate(input.endDate)}`,
        ),
      ),
      fullTitleSection('Palvelunjärjestäjän toimintayksikkö', para(input.organiser.name)),
      fullTitleSection('Sosiaalihuollon palvelutehtävä', ...input.serviceTasks.flatMap(taskXhtml)),
    ],
  });
}

/** Builds the DocumentSpec of an asiakkuusasiakirja in the shape of the real SP1 document. */
export function clientRelationshipDocument(input: ClientRelationshipInput): DocumentSpec {
  const kind = DOCUMENT_KINDS.clientRelationship;
  const c = input.client;
  const startDate = input.startDate ?? formatIsoDate(input.date);
  const birthTime = c.birthTime ?? birthTimeFromHetu(c.hetu);
  const birthDate =
    birthTime === undefined
      ? undefined
      : `${birthTime.slice(0, 4)}-${birthTime.slice(4, 6)}-${birthTime.slice(6, 8)}`;
  const gender = GENDERS[c.gender];
  const firstTask = input.serviceTasks[0];
  const serviceUnit = input.serviceUnit ?? firstTask?.organiserUnits[0]?.unit ?? input.organiser;
  const taskKey =
    typeof firstTask?.palvelutehtava === 'string' ? firstTask.palvelutehtava : 'lapsiperheidenPalvelut';

  const shown = { startDate, birthDate, gender };
  const json = relationshipJson(input, shown);
  const xhtml = relationshipXhtml(input, shown);

  return {
    id: input.id,
    setId: input.setId,
    versionNumber: input.versionNumber,
    replaces: input.replaces,
    reasonOfCorrection: input.reasonOfCorrection,
    effectiveTime: input.date,
    client: c,
    custodian: input.organiser,
    serviceUnit,
    consent: defaultConsent(input),
    documentKind: 'clientRelationship',
    documentGroup: kind.documentGroup,
    outsourcingServiceCustomer: input.organiser,
    software: input.software ?? KANTA_SIM_SOFTWARE,
    // The real SP1 document carries a system signature only, so no professional signer in the header.
    signers: [],
    xhtml,
    json,
    contentSpecificationId:
      kind.byServiceTask[taskKey]?.contentSpecificationId ?? '1.2.246.537.6.1505.1.2023.6.1',
    clientRelationshipId: input.clientRelationshipId,
  };
}
