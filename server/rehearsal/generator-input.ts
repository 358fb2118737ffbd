/**
 * What the message generator (generate-messages.ts) is given: the test case, the parties with their
 * credentials, the test client, the time of the test and any deliberate mistakes.
 */
import type { SpecSoftware } from '../cda/build-spec.js';
import type { TestCase } from './test-case.js';

/** An organisation's identity and system-signature key (OrganisationCredentials fits). */
export interface GeneratorParty {
  readonly oid: string;
  readonly name: string;
  readonly units: readonly { readonly oid: string; readonly name: string }[];
  readonly signingKeyPem: string;
  readonly signingCertPem: string;
}

/** The professional who records the test case (ProfessionalCredentials fits). */
export interface GeneratorProfessional {
  readonly regno: string;
  readonly given: string;
  readonly family: string;
  readonly title?: string;
  readonly keyPem: string;
  readonly certPem: string;
}

/** The test client. */
export interface GeneratorIdentity {
  readonly hetu: string;
  readonly given: readonly string[];
  readonly family: string;
  readonly gender: '1' | '2';
}

/** A deliberate mistake in one document, to rehearse a failing run. */
export interface Deviation {
  /** Do not send the document at all. */
  readonly omit?: boolean;
  /** Write this service task code into hl7fi:functionCode instead of the expected one. */
  readonly serviceTask?: string;
  /** Archive into this register (custodian) instead of the expected one. */
  readonly register?: { readonly oid: string; readonly name: string };
}

export interface GenerateInput {
  readonly testCase: TestCase;
  /** The organisation that runs the test case (the sender of its documents). */
  readonly organisation: GeneratorParty;
  /** The organiser whose register a provider archives into; it also sends the setup documents. */
  readonly organiser?: GeneratorParty;
  readonly identity: GeneratorIdentity;
  readonly professional: GeneratorProfessional;
  /** When the test takes place: document dates count back from here. */
  readonly at: Date;
  /** A number making this run's OIDs unique; default the test time in milliseconds. */
  readonly runId?: number;
  /** The organisation's service unit that produces the documents; default its first unit. */
  readonly serviceUnitOid?: string;
  readonly software?: SpecSoftware;
  /** Mistakes by document key. */
  readonly deviations?: Readonly<Record<string, Deviation>>;
  /** Case OIDs by case key, to continue cases begun elsewhere; others are minted for this run. */
  readonly caseIds?: Readonly<Record<string, string>>;
}
