/**
 * What the trainer does to running sandboxes: "archive now" (a fresh document for a scenario client,
 * signed and sent by the sandbox organisation over the Kanta interface, so the journal records it, the
 * faults apply and the live panel announces it) and "make the next document fail" (a one-time fault on
 * the sandbox organisation's next message, refused with a rule the trainer picks from a short list).
 */
import type { Scenario } from '../control/scenario.js';
import { SEED_TEMPLATES, type SeedTemplate } from '../control/seed.js';
import type { FaultSpec } from '../control/fault-spec.js';
import { RULES, type RuleCode } from '../rules/catalogue.js';
import type { RuleDefinition } from '../rules/rule.js';
import { bad, objectOf, selectTrainees } from './classroom-input.js';
import type { ClassroomService } from './classroom-service.js';
import { sandboxOid, usernameOf } from './sandbox-names.js';

/**
 * The refusals a trainer may stage: ones an archivist meets in practice and can explain from the
 * acknowledgement (a client system's mistake in the document, its signature, its rights or its versions,
 * and the archive being unavailable), not the wire-level ones a trainee never sees.
 */
export const FAIL_RULE_CODES = [
  'CDA_HETU_INVALID',
  'CDA_REQUIRED_MISSING',
  'CDA_CODE_UNKNOWN',
  'SIG_DIGEST_MISMATCH',
  'SIG_CERT_UNTRUSTED',
  'REGISTER_ACCESS_DENIED',
  'REGISTER_RIGHT_MISSING',
  'VERSION_NOT_NEW',
  'VERSION_REASON_MISSING',
  'ARCHIVE_UNAVAILABLE',
] as const satisfies readonly RuleCode[];

const ARCHIVE_NOW_TEMPLATES: readonly SeedTemplate[] = SEED_TEMPLATES.filter(
  (t) => t !== 'client-relationship',
);

export interface ClassroomActionDeps {
  readonly classroom: ClassroomService;
  /**
   * Applies a one-document scenario, the document sent over the Kanta interface: its id when archived,
   * the rules the archive named when it refused.
   */
  readonly seedOverKanta: (scenario: Scenario) => Promise<Delivered>;
  readonly addFault: (spec: FaultSpec) => { readonly id: string };
  readonly clock: () => Date;
}

export type Delivered =
  | { readonly archived: true; readonly documentId?: string }
  | { readonly archived: false; readonly rules: readonly string[] };

export interface ArchiveNowResult {
  readonly trainee: number;
  readonly username: string;
  readonly outcome: 'archived' | 'refused';
  readonly documentId?: string;
  /** The rules the archive named when it refused. */
  readonly rules: readonly string[];
}

export interface FailNextResult {
  readonly trainee: number;
  readonly username: string;
  readonly faultId: string;
}

export class ClassroomActions {
  constructor(private readonly deps: ClassroomActionDeps) {}

  /** The templates archive-now offers: the seed's client documents (a client-relationship needs more). */
  templates(): readonly SeedTemplate[] {
    return ARCHIVE_NOW_TEMPLATES;
  }

  /** The rules "make the next document fail" offers, with their texts. */
  failRules(): readonly RuleDefinition[] {
    return FAIL_RULE_CODES.map((code) => RULES[code]);
  }

  /**
   * Archives a fresh document of `template` for the scenario client `hetu` into each chosen sandbox, dated
   * now; a refusal (e.g. a staged fail-next) is reported per trainee, not thrown.
   */
  async archiveNow(raw: unknown): Promise<{ readonly results: readonly ArchiveNowResult[] }> {
    const body = objectOf(raw);
    const { record, scenario } = await this.deps.classroom.current();
    const template = body.template;
    if (typeof template !== 'string' || !ARCHIVE_NOW_TEMPLATES.includes(template as SeedTemplate)) {
      throw bad(`template: expected ${ARCHIVE_NOW_TEMPLATES.join(' | ')}, got ${JSON.stringify(template)}`);
    }
    const identity = scenario.identities.find((i) => i.hetu === body.hetu);
    if (!identity) {
      const known = scenario.identities.map((i) => i.hetu).join(', ');
      throw bad(`hetu: expected one of the scenario's clients (${known}), got ${JSON.stringify(body.hetu)}`);
    }
    const trainees = selectTrainees(body.trainees, record.trainees);
    const date = this.deps.clock().toISOString();
    const results: ArchiveNowResult[] = [];
    for (const n of trainees) {
      const oneDocument: Scenario = {
        organisations: [],
        professionals: [],
        archivists: [],
        invalidations: [],
        refusals: [],
        identities: [identity],
        documents: [
          { template: template as SeedTemplate, organisation: sandboxOid(n), hetu: identity.hetu, date },
        ],
      };
      results.push(await this.archiveOne(n, oneDocument));
    }
    return { results };
  }

  /** Stages a one-time refusal with `rule` for the next message of each chosen sandbox. */
  async failNext(raw: unknown): Promise<{ readonly results: readonly FailNextResult[] }> {
    const body = objectOf(raw);
    const { record } = await this.deps.classroom.current();
    const code = body.rule;
    if (typeof code !== 'string' || !(FAIL_RULE_CODES as readonly string[]).includes(code)) {
      throw bad(`rule: expected one of ${FAIL_RULE_CODES.join(', ')}, got ${JSON.stringify(code)}`);
    }
    const rule = RULES[code as RuleCode];
    const trainees = selectTrainees(body.trainees, record.trainees);
    return {
      results: trainees.map((n) => {
        const fault = this.deps.addFault({
          kind: rule.severity === 'AR' ? 'ar' : 'ae',
          rule: rule.code,
          detail: 'staged by the trainer (classroom: make the next document fail)',
          organisation: sandboxOid(n),
          times: 1,
        });
        return { trainee: n, username: usernameOf(n), faultId: fault.id };
      }),
    };
  }

  private async archiveOne(n: number, scenario: Scenario): Promise<ArchiveNowResult> {
    const who = { trainee: n, username: usernameOf(n) };
    const delivered = await this.deps.seedOverKanta(scenario);
    return delivered.archived
      ? { ...who, outcome: 'archived', documentId: delivered.documentId, rules: [] }
      : { ...who, outcome: 'refused', rules: delivered.rules };
  }
}
