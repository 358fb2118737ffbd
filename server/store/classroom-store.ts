/**
 * Storage of the classroom: the one class of a data directory and the organisations it made (the trainer's
 * and one sandbox per trainee), with their accounts. Besides its own rows it clears what a sandbox reset
 * takes back from the archivist interface's tables (usage log rows, compare records, sessions), in one
 * transaction (sqlite-classroom-store.ts implements it).
 */

export type ClassroomLang = 'fi' | 'sv' | 'en';

export interface ClassroomRecord {
  readonly scenario: string;
  readonly lang: ClassroomLang;
  readonly trainees: number;
  readonly createdAt: string;
  readonly resetAt?: string;
}

/** An organisation the classroom made: trainee 0 is the trainer's, 1..N the trainees' sandboxes. */
export interface ClassroomOrganisationRecord {
  readonly organisationOid: string;
  readonly trainee: number;
  readonly name: string;
  readonly archivistId: string;
  readonly username: string;
  /** Printed on the sign-in cards: training data only (SHA-SPEC [S]). */
  readonly password: string;
  /** When the scenario was last applied whole to this sandbox; absent while it is not. */
  readonly seededAt?: string;
}

/** What a sandbox reset takes back besides the documents (the archive store's reset does those). */
export interface SandboxClearing {
  readonly organisationOid: string;
  /** The archivists whose sessions end (they are signed out). */
  readonly signOut: readonly string[];
  /** Other classroom organisations (the trainer's) whose usage log rows about this register go too. */
  readonly alsoLogsOf: readonly string[];
}

export interface ClassroomStore {
  getClassroom(): Promise<ClassroomRecord | undefined>;
  /** Creates or replaces the one class. */
  saveClassroom(record: ClassroomRecord): Promise<void>;
  /** Ordered by trainee number (the trainer's organisation first). */
  listOrganisations(): Promise<ClassroomOrganisationRecord[]>;
  /** Registers an organisation the classroom made; from then on its usage log rows may be cleared. */
  addOrganisation(record: ClassroomOrganisationRecord): Promise<void>;
  /** Records (or clears, with undefined) when the scenario was last applied to this organisation. */
  setSeeded(organisationOid: string, at: string | undefined): Promise<void>;
  /** Replaces an archivist's registers (the trainer sees every sandbox, also those added later). */
  setArchivistRegisters(archivistId: string, registerOids: readonly string[]): Promise<void>;
  /** Deletes the sandbox's usage log rows, compare records and its archivists' sessions. */
  clearSandbox(clearing: SandboxClearing): Promise<void>;
  /** Archivist ids with a session that has not expired at `now`. */
  signedIn(archivistIds: readonly string[], now: string): Promise<Set<string>>;
  /** How many usage log rows each organisation has. */
  usageCounts(organisationOids: readonly string[]): Promise<Map<string, number>>;
}
