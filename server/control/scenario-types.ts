/**
 * The types of a parsed scenario (scenario.ts parses, docs/scenarios.md describes the file). Kept apart
 * so the entry parsers and the seed read them without importing the parser.
 */
import type { ServiceTaskKey } from '../cda/templates-codes.js';

export interface SeedIdentity {
  readonly hetu: string;
  readonly given: readonly string[];
  readonly family: string;
  readonly gender: '1' | '2';
}

export type SeedTemplateName =
  'initiation' | 'assessment' | 'client-plan' | 'decision' | 'client-note' | 'client-relationship';

/** Why a version replaces another, or why a document is invalidated (hl7fi:reasonOfCorrection). */
export interface SeedReason {
  /** Default '1'. */
  readonly code: string;
  readonly text: string;
}

/** A provider listed in a client-relationship document: its register access right. */
export interface SeedProviderRight {
  /** The provider organisation; must be registered or in the scenario. */
  readonly organisation: string;
  /** One of its service units; default its first. */
  readonly unit?: string;
  /** Social service codes (sosiaalipalvelu), default ["20"] (perhetyö). */
  readonly services?: readonly string[];
  /** ISO dates YYYY-MM-DD. */
  readonly start: string;
  readonly end?: string;
}

export interface SeedDocument {
  readonly template: SeedTemplateName;
  /** The organiser: register keeper; must be registered or in the scenario. */
  readonly organisation: string;
  /** A provider (service producer) that writes and sends the document into the keeper's register. */
  readonly provider?: string;
  /** One of the writing organisation's service units (the provider's when there is one); default its first. */
  readonly unit?: string;
  /** A registered professional's registration number; default the demo professional. */
  readonly professional?: string;
  /** One of the scenario's identities. */
  readonly hetu: string;
  /**
   * The scenario-local name other entries use for this document; its id is derived from the register
   * keeper and this key (scenario-ids.ts). Default: made from the entry's place and content.
   */
  readonly key?: string;
  /** The scenario-local case (asia) key; documents sharing it share one case id. */
  readonly case?: string;
  /** An absolute document id (older format); prefer `key`, which survives retargeting. */
  readonly id?: string;
  /** An absolute case id (older format); prefer `case`. */
  readonly caseId?: string;
  /** ISO date-time the document was written; default now (the simulated clock). */
  readonly date?: string;
  /** Palvelutehtävä; default lapsiperheidenPalvelut (24). */
  readonly serviceTask?: ServiceTaskKey;
  /** The key of an earlier document this one is a new version of (it inherits what it does not say). */
  readonly replaces?: string;
  readonly reason?: SeedReason;
  /** The template's own texts (e.g. `description`, `situation`), overriding its defaults. */
  readonly text?: Readonly<Record<string, string>>;
  /** client-relationship only: the providers with a register access right. */
  readonly providers?: readonly SeedProviderRight[];
}

/** A document invalidated by the client system that archived it: a nullified new version with a reason. */
export interface SeedInvalidation {
  /** The key of the invalidated document (any version of its set; the latest is replaced). */
  readonly document: string;
  readonly reason: SeedReason;
  /** Default: the invalidated set's latest date plus one day. */
  readonly date?: string;
  readonly professional?: string;
  /** Default `<document>~invalidation`. */
  readonly key?: string;
}

/** A document the archive must refuse with `rule`: checked before the seed, sent after it, never stored. */
export interface SeedRefusal extends SeedDocument {
  readonly rule: string;
}

export interface ScenarioOrganisation {
  readonly oid: string;
  readonly name: string;
  readonly units?: readonly { readonly oid: string; readonly name: string }[];
}

export type ScenarioDescription = string | Readonly<Record<'fi' | 'sv' | 'en', string>>;

export interface Scenario {
  /** What the console names the scenario by, in the interface's language (the file name when absent). */
  readonly title?: ScenarioDescription;
  readonly description?: ScenarioDescription;
  readonly organisations: readonly ScenarioOrganisation[];
  readonly professionals: readonly {
    readonly regno: string;
    readonly name: string;
    readonly title?: string;
  }[];
  readonly archivists: readonly Record<string, unknown>[];
  readonly identities: readonly SeedIdentity[];
  readonly documents: readonly SeedDocument[];
  readonly invalidations: readonly SeedInvalidation[];
  readonly refusals: readonly SeedRefusal[];
}
