/**
 * Register boundaries for writes (SHA-SPEC section 6): an organisation archives into its own register; a
 * provider archives into the organiser's register only under a register access right that covers the
 * document's date, the provider's service unit (the document's encounterParticipant ADM) and the document's
 * service task (hl7fi:functionCode): the client-relationship document lists providers under each service
 * task, and a right listed under one task ends there [S: our reading of the document's structure].
 */
import { CDA_LOCATIONS } from '../cda/cda-locations.js';
import type { SocialDocument } from '../cda/social-document.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { coversDate, currentRights, isoDateOfHl7 } from './access-rights.js';
import { organisationOids, type KnownOrganisation, type OrganisationLookup } from './identify-client.js';

/** Violations when `caller` may not archive `document` into the register its custodian names. */
export async function checkRegisterWrite(
  document: SocialDocument,
  caller: KnownOrganisation,
  organisations: OrganisationLookup,
  store: ArchiveStore,
): Promise<RuleViolation[]> {
  const custodian = organisations.get(document.custodian.oid);
  if (!custodian) {
    return [
      violation(
        RULES.CDA_CUSTODIAN_UNKNOWN,
        CDA_LOCATIONS.custodian,
        `register keeper ${document.custodian.oid} is not registered`,
      ),
    ];
  }
  if (custodian.oid === caller.oid) {
    return [];
  }
  const into = `${caller.oid} (${caller.name}) archiving into the register of ${custodian.oid} (${custodian.name})`;
  const unit = document.caseInfo.serviceUnit?.oid;
  if (unit === undefined || !organisationOids(caller).includes(unit)) {
    return [
      violation(
        RULES.REGISTER_UNIT_NOT_OWN,
        CDA_LOCATIONS.serviceUnit,
        `${into}: the service unit ${unit ?? '(none)'} is not one of ${caller.oid}'s units`,
      ),
    ];
  }
  const { rights } = await currentRights(store, document.client.hetu, custodian.oid);
  if (rights.length === 0) {
    return [
      violation(
        RULES.REGISTER_RIGHT_MISSING,
        CDA_LOCATIONS.custodian,
        `${into}: no current client-relationship document of this client lists any provider`,
      ),
    ];
  }
  const forUnit = rights.filter((r) => r.unitOid === unit);
  if (forUnit.length === 0) {
    return [
      violation(
        RULES.REGISTER_RIGHT_UNIT_NOT_LISTED,
        CDA_LOCATIONS.serviceUnit,
        `${into}: the client-relationship document does not list service unit ${unit}`,
      ),
    ];
  }
  const task = document.header.palvelutehtava?.code;
  const forTask = forUnit.filter((r) => task !== undefined && r.palvelutehtava === task);
  if (forTask.length === 0) {
    const listed = [...new Set(forUnit.map((r) => r.palvelutehtava ?? '(none)'))].join(', ');
    return [
      violation(
        RULES.REGISTER_RIGHT_SERVICE_TASK_NOT_LISTED,
        CDA_LOCATIONS.palvelutehtava,
        `${into}: the document's service task is ${task ?? '(none)'}; the client-relationship document lists unit ${unit} under service task ${listed} only`,
      ),
    ];
  }
  const date = isoDateOfHl7(document.effectiveTime);
  if (date === undefined || forTask.some((r) => coversDate(r, date))) {
    // an unreadable date is already refused by the document rules
    return [];
  }
  const periods = forTask.map((r) => `${r.start}..${r.end ?? ''}`).join(', ');
  const notStarted = forTask.every((r) => date < r.start);
  return [
    violation(
      notStarted ? RULES.REGISTER_RIGHT_NOT_STARTED : RULES.REGISTER_RIGHT_ENDED,
      CDA_LOCATIONS.effectiveTime,
      `${into}: the document is dated ${date}; the right of unit ${unit} covers ${periods}`,
    ),
  ];
}
