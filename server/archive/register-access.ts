/**
 * Register boundaries: into whose register a caller may write. An organisation archives into its own
 * register (SHA-SPEC section 6); the custodian must be an organisation the archive knows.
 */
import type { SocialDocument } from '../cda/social-document.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import type { KnownOrganisation, OrganisationLookup } from './identify-client.js';

const CUSTODIAN = '/ClinicalDocument/custodian/assignedCustodian/representedCustodianOrganization/id/@root';

/** Violations when `caller` may not archive `document` into the register its custodian names. */
export function checkRegisterWrite(
  document: SocialDocument,
  caller: KnownOrganisation,
  organisations: OrganisationLookup,
): RuleViolation[] {
  const custodian = organisations.get(document.custodian.oid);
  if (!custodian) {
    return [
      violation(
        RULES.CDA_CUSTODIAN_UNKNOWN,
        CUSTODIAN,
        `register keeper ${document.custodian.oid} is not registered`,
      ),
    ];
  }
  if (custodian.oid !== caller.oid) {
    return [
      violation(
        RULES.REGISTER_ACCESS_DENIED,
        CUSTODIAN,
        `${caller.oid} (${caller.name}) may not archive into the register of ${custodian.oid} (${custodian.name})`,
      ),
    ];
  }
  return [];
}
