/**
 * The demo data every fresh data directory gets, so that the archivist UI and a first curl have someone to
 * work with: an organiser (a wellbeing services county) with two service units, a provider company working for
 * it, and one social worker. Names and numbers are fictional; the OIDs use made-up business-ID arcs.
 */
import { isKantaSimError } from '../errors.js';
import { addOrganisation, type AddOrganisationInput, type Organisation } from './organisations.js';
import { addProfessional, type AddProfessionalInput, type Professional } from './professionals.js';
import { OrganisationDirectory } from './organisation-directory.js';
import { ProfessionalDirectory } from './professional-directory.js';

export const DEMO_ORGANISER: AddOrganisationInput = Object.freeze({
  oid: '1.2.246.10.12345678.10.0',
  name: 'Demokylän hyvinvointialue',
  units: [
    { oid: '1.2.246.10.12345678.10.100', name: 'Lapsiperheiden sosiaalipalvelut' },
    { oid: '1.2.246.10.12345678.10.200', name: 'Lastensuojelu' },
  ],
});

export const DEMO_PROVIDER: AddOrganisationInput = Object.freeze({
  oid: '1.2.246.10.87654321.10.0',
  name: 'Palvelutuottaja Oy',
  units: [{ oid: '1.2.246.10.87654321.10.10', name: 'Perhetyö Palvelutuottaja' }],
});

export const DEMO_PROFESSIONAL: AddProfessionalInput = Object.freeze({
  regno: '25104559651',
  name: 'Sanna Sosiaalityöntekijä',
  title: 'sosiaalityöntekijä',
});

export interface DemoData {
  readonly organiser: Organisation;
  readonly provider: Organisation;
  readonly professional: Professional;
}

/**
 * Creates whichever demo entries are missing (generating the test PKI first if needed) and returns all three.
 * Safe to call on every start and from concurrent processes: an entry someone else created meanwhile is read.
 */
export async function ensureDemoOrganisation(
  dataDir: string,
  options: { now?: Date } = {},
): Promise<DemoData> {
  const orgs = new OrganisationDirectory(dataDir);
  const pros = new ProfessionalDirectory(dataDir);
  const org = async (input: AddOrganisationInput): Promise<Organisation> =>
    orgs.get(input.oid) ??
    (await orIfExists(addOrganisation(dataDir, { ...input, now: options.now }), () => orgs.get(input.oid)));
  const organiser = await org(DEMO_ORGANISER);
  const provider = await org(DEMO_PROVIDER);
  const professional =
    pros.get(DEMO_PROFESSIONAL.regno) ??
    (await orIfExists(addProfessional(dataDir, { ...DEMO_PROFESSIONAL, now: options.now }), () =>
      pros.get(DEMO_PROFESSIONAL.regno),
    ));
  return { organiser, provider, professional };
}

/** Lost a creation race: read what the winner wrote. */
async function orIfExists<T>(creating: Promise<T>, read: () => T | undefined): Promise<T> {
  try {
    return await creating;
  } catch (e) {
    const existing =
      isKantaSimError(e) && (e.code === 'ORG_EXISTS' || e.code === 'PRO_EXISTS') ? read() : undefined;
    if (existing === undefined) {
      throw e;
    }
    return existing;
  }
}
