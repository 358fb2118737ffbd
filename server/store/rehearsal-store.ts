/**
 * Storage of the deployment-test rehearsal: onboarding records, the test identity registry, rehearsals and
 * their events, with the records' shapes (the rehearsal domain builds and reads them; this floor owns them,
 * so that storage imports nothing above it). sqlite-rehearsal-store.ts implements it.
 */

export type OrganisationRole = 'organiser' | 'provider';

export const PARTICIPANT_ROLES = [
  'performer',
  'application-support',
  'network-support',
  'kanta-archivist',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export interface Participant {
  readonly role: ParticipantRole;
  readonly name: string;
  readonly organisation?: string;
  readonly email?: string;
  readonly phone?: string;
}

/** A provider's right to archive into an organiser's register (SHA-SPEC section 6). */
export interface RegisterAccessRight {
  readonly organiserOid: string;
  readonly organiserName?: string;
  /** The provider's service unit the right is recorded for. */
  readonly serviceUnitOid: string;
  /** Service task codes (palvelutehtävä) covered, e.g. ["24"]; empty = as the case says. */
  readonly serviceTasks: readonly string[];
  readonly startDate: string;
  readonly endDate?: string;
}

export interface CertificateInUse {
  /** tls = the DVV server certificate for the connection; signing = system signature; professional = card. */
  readonly purpose: 'tls' | 'signing' | 'professional';
  readonly subject: string;
  readonly serialNumber?: string;
  readonly issuer?: string;
  readonly validTo?: string;
}

export interface OnboardingRecord {
  readonly organisationOid: string;
  readonly organisationName: string;
  /** The register keeper of the organisation's own register (usually the organisation itself). */
  readonly registerKeeperOid: string;
  readonly units: readonly { readonly oid: string; readonly name: string }[];
  readonly role: OrganisationRole;
  readonly registerAccessRights: readonly RegisterAccessRight[];
  readonly clientSystem: {
    readonly name: string;
    readonly version: string;
    readonly vendor?: string;
  };
  /** The archiving system profile agreed with Kela (e.g. "Arkistointi"). */
  readonly systemProfile?: string;
  /** Joining phase (e.g. "2"). */
  readonly phase?: string;
  readonly certificates: readonly CertificateInUse[];
  readonly participants: readonly Participant[];
  readonly updatedAt: string;
}

export interface IdentityAssignment {
  readonly hetu: string;
  /** Service task code (palvelutehtävä) the identity is used for, e.g. "24". */
  readonly serviceTask: string;
  readonly customerOid: string;
  readonly customerName?: string;
  /** The test client's name as it is written into the documents. */
  readonly given: readonly string[];
  readonly family: string;
  /** 1 = mies, 2 = nainen. */
  readonly gender: '1' | '2';
  readonly assignedAt: string;
  /** True when the identity was knowingly handed out again for the same service. */
  readonly reuseAcknowledged: boolean;
  readonly note?: string;
}

export type AssignmentDecision =
  | { readonly kind: 'insert'; readonly assignment: IdentityAssignment }
  | { readonly kind: 'existing'; readonly assignment: IdentityAssignment };

/** running until the archivist finishes it (the verdict is kept) or cancels it (no verdict). */
export type RehearsalStatus = 'running' | 'finished' | 'cancelled';

/** What the client system shows for one document, supplied by a CI job instead of ticked by a person. */
export interface ClientSystemDocument {
  /** The test case's document key. */
  readonly key: string;
  readonly documentId?: string;
  readonly setId?: string;
  readonly version?: number;
  readonly documentGroup?: string;
  readonly documentType?: string;
  readonly serviceTask?: string;
  readonly processPhase?: string;
  readonly registerOid?: string;
}

export interface ClientMetadata {
  readonly documents: readonly ClientSystemDocument[];
}

export interface Rehearsal {
  readonly id: string;
  readonly organisationOid: string;
  readonly caseName: string;
  /** The test identity (test client). */
  readonly hetu: string;
  readonly status: RehearsalStatus;
  readonly startedAt: string;
  /** When it was finished or cancelled; documents archived later are not judged. */
  readonly finishedAt?: string;
  /** Who finished or cancelled it (the archivist's name, or what the API caller gave). */
  readonly finishedBy?: string;
  /** The verdict kept when it was finished; absent while running and when cancelled. */
  readonly finalResult?: 'passed' | 'failed';
  /** Documents archived before this instant belong to earlier runs; absent = every document of the client. */
  readonly since?: string;
  /** A pass needs every document's "matches the client system" tick (the archivist's or the CI's). */
  readonly requireClientSystemCheck: boolean;
  readonly clientMetadata?: ClientMetadata;
  /** The organiser whose register "organiser" documents go to (from the onboarding record if absent). */
  readonly organiserOid?: string;
}

/** Something that happened during a rehearsal and is not in the archive itself. */
export type RehearsalEvent =
  | {
      readonly kind: 'refusal';
      readonly at: string;
      readonly senderOid?: string;
      readonly documentId?: string;
      readonly typeCode: string;
      readonly rules: readonly string[];
    }
  | {
      readonly kind: 'client-system-check';
      readonly at: string;
      readonly documentId: string;
      readonly matches: boolean;
      readonly note?: string;
      readonly by?: string;
    };

export interface RehearsalFilter {
  readonly organisationOid?: string;
  readonly caseName?: string;
  readonly status?: Rehearsal['status'];
}

export interface RehearsalStore {
  getOnboarding(organisationOid: string): Promise<OnboardingRecord | undefined>;
  putOnboarding(record: OnboardingRecord): Promise<void>;
  listOnboarding(): Promise<OnboardingRecord[]>;
  /**
   * Hands out a test identity atomically: `decide` sees every assignment of the hetu for the service and
   * returns the decision (or throws, and nothing is written).
   */
  assignIdentity(
    hetu: string,
    serviceTask: string,
    decide: (existing: readonly IdentityAssignment[]) => AssignmentDecision,
  ): Promise<AssignmentDecision>;
  listIdentityAssignments(filter: { hetu?: string; customerOid?: string }): Promise<IdentityAssignment[]>;
  insertRehearsal(rehearsal: Rehearsal): Promise<void>;
  updateRehearsal(rehearsal: Rehearsal): Promise<void>;
  getRehearsal(id: string): Promise<Rehearsal | undefined>;
  /** Newest first. */
  listRehearsals(filter: RehearsalFilter): Promise<Rehearsal[]>;
  addEvent(rehearsalId: string, event: RehearsalEvent): Promise<void>;
  /** In the order they happened. */
  listEvents(rehearsalId: string): Promise<RehearsalEvent[]>;
}
