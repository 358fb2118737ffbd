/**
 * Onboarding records and the test identity registry, as operations the CLI, the JSON API and the archivist
 * interface share. Plain values in and out; persistence through RehearsalStore.
 */
import { KantaSimError } from '../errors.js';
import type {
  AssignmentDecision,
  IdentityAssignment,
  OnboardingRecord,
  RehearsalStore,
} from '../store/rehearsal-store.js';
import { parseOnboarding } from './onboarding.js';
import { decideAssignment, parseAssignmentRequest } from './test-identities.js';

export interface OnboardingServiceDeps {
  readonly store: RehearsalStore;
  readonly clock: () => Date;
}

/** An onboarding record with the test identities handed to the organisation. */
export interface OnboardingView extends OnboardingRecord {
  readonly testIdentities: readonly IdentityAssignment[];
}

export class OnboardingService {
  constructor(private readonly deps: OnboardingServiceDeps) {}

  /** Creates or replaces an organisation's onboarding record from untrusted JSON. */
  async setOnboarding(raw: unknown): Promise<OnboardingView> {
    const input = parseOnboarding(raw);
    const record: OnboardingRecord = { ...input, updatedAt: this.deps.clock().toISOString() };
    await this.deps.store.putOnboarding(record);
    return this.view(record);
  }

  /** The record, or undefined. */
  async findOnboarding(organisationOid: string): Promise<OnboardingView | undefined> {
    const record = await this.deps.store.getOnboarding(organisationOid);
    return record === undefined ? undefined : this.view(record);
  }

  /** The record, or ONBOARDING_MISSING. */
  async getOnboarding(organisationOid: string): Promise<OnboardingView> {
    const found = await this.findOnboarding(organisationOid);
    if (found === undefined) {
      throw new KantaSimError(
        'ONBOARDING_MISSING',
        `organisation ${organisationOid} has no onboarding record (kanta-sim onboarding set --org ${organisationOid} ...)`,
      );
    }
    return found;
  }

  async listOnboarding(): Promise<OnboardingView[]> {
    return Promise.all((await this.deps.store.listOnboarding()).map((r) => this.view(r)));
  }

  /**
   * Hands a test identity to a customer for a service. The same customer again gets its existing
   * assignment; another customer is refused with TEST_IDENTITY_ASSIGNED unless `acknowledgeReuse`.
   */
  async assignIdentity(raw: unknown): Promise<AssignmentDecision> {
    const request = parseAssignmentRequest(raw);
    const now = this.deps.clock();
    return this.deps.store.assignIdentity(request.hetu, request.serviceTask, (existing) =>
      decideAssignment(request, existing, now),
    );
  }

  listIdentities(filter: { hetu?: string; customerOid?: string } = {}): Promise<IdentityAssignment[]> {
    return this.deps.store.listIdentityAssignments(filter);
  }

  private async view(record: OnboardingRecord): Promise<OnboardingView> {
    const testIdentities = await this.deps.store.listIdentityAssignments({
      customerOid: record.organisationOid,
    });
    return { ...record, testIdentities };
  }
}
