import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isKantaSimError } from '../../server/errors.js';
import { OnboardingService } from '../../server/rehearsal/onboarding-service.js';
import { openDatabase } from '../../server/store/open-database.js';
import { SqliteRehearsalStore } from '../../server/store/sqlite-rehearsal-store.js';
import type { SqliteDatabase } from '../../server/store/sqlite-database.js';

const ORG_A = '1.2.246.10.11111111.10.0';
const ORG_B = '1.2.246.10.22222222.10.0';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return isKantaSimError(e) ? e.code : String(e);
  }
}

describe('onboarding records and the test identity registry', () => {
  let db: SqliteDatabase;
  let service: OnboardingService;
  beforeEach(async () => {
    db = await openDatabase(':memory:');
    service = new OnboardingService({
      store: new SqliteRehearsalStore(db),
      clock: () => new Date('2026-03-10T09:00:00Z'),
    });
  });
  afterEach(async () => {
    await db.close();
  });

  it('keeps an onboarding record with the identities handed to the organisation', async () => {
    await service.setOnboarding({
      organisationOid: ORG_A,
      organisationName: 'Testikunta',
      role: 'organiser',
      units: [{ oid: '1.2.246.10.11111111.10.100', name: 'Perhepalvelut' }],
      clientSystem: { name: 'Sosiaali360', version: '2.1' },
      systemProfile: 'Arkistointi',
      phase: '2',
      certificates: [{ purpose: 'tls', subject: 'CN=sha.testikunta.fi' }],
      participants: [
        { role: 'performer', name: 'Sanna Sosiaalityöntekijä' },
        { role: 'kanta-archivist', name: 'Arja Arkistonhoitaja', email: 'arja@example.invalid' },
      ],
    });
    await service.assignIdentity({ hetu: '010181-900C', serviceTask: '24', customerOid: ORG_A });
    const view = await service.getOnboarding(ORG_A);
    expect(view).toMatchObject({ registerKeeperOid: ORG_A, updatedAt: '2026-03-10T09:00:00.000Z' });
    expect(view.testIdentities.map((a) => a.hetu)).toEqual(['010181-900C']);
  });

  it('names the field of a bad record', async () => {
    await expect(
      service.setOnboarding({
        organisationOid: ORG_A,
        organisationName: 'X',
        role: 'boss',
        clientSystem: { name: 'S', version: '1' },
      }),
    ).rejects.toThrow(/role/);
    expect(await codeOf(service.getOnboarding(ORG_B))).toBe('ONBOARDING_MISSING');
  });

  it('refuses to hand one identity to a second customer for the same service unless told so', async () => {
    const first = await service.assignIdentity({
      hetu: '010181-900C',
      serviceTask: '24',
      customerOid: ORG_A,
    });
    expect(first.kind).toBe('insert');
    expect(
      (await service.assignIdentity({ hetu: '010181-900C', serviceTask: '24', customerOid: ORG_A })).kind,
    ).toBe('existing');
    expect(
      await codeOf(service.assignIdentity({ hetu: '010181-900C', serviceTask: '24', customerOid: ORG_B })),
    ).toBe('TEST_IDENTITY_ASSIGNED');
    // Another service is another hand-out.
    expect(
      (await service.assignIdentity({ hetu: '010181-900C', serviceTask: '26', customerOid: ORG_B })).kind,
    ).toBe('insert');
    const reuse = await service.assignIdentity({
      hetu: '010181-900C',
      serviceTask: '24',
      customerOid: ORG_B,
      acknowledgeReuse: true,
    });
    expect(reuse.assignment.reuseAcknowledged).toBe(true);
    expect(await service.listIdentities({ hetu: '010181-900C' })).toHaveLength(3);
  });

  it('hands out only test identities (individual number 900-999)', async () => {
    expect(
      await codeOf(service.assignIdentity({ hetu: '010181-123A', serviceTask: '24', customerOid: ORG_A })),
    ).toBe('BAD_REQUEST');
  });
});
