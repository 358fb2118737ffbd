/**
 * The whole-or-nothing check of a seed: every message judged before anything is stored. The document
 * rules come from the archive's own offline pipeline (validate-submission.ts). The rules that need the
 * store (a provider's register access right, a new version's reason) cannot be asked of an empty store
 * about documents not archived yet, so they are predicted here from the scenario's own messages, in the
 * order the seed archives them, with the archive's own reading of a right (access-rights.ts) and in the
 * order register-access.ts checks them.
 */
import {
  coversDate,
  finnishDate,
  rightsFromRelationshipJson,
  type RegisterRight,
} from '../archive/access-rights.js';
import { KantaSimError } from '../errors.js';
import { RULES } from '../rules/catalogue.js';
import type { SeedMessage } from './seed-message.js';
import { validateSubmission, type ValidationContext } from './validate-submission.js';

/** Checks every message; throws BAD_REQUEST naming the first entry the archive would not treat as planned. */
export function checkSeedMessages(messages: readonly SeedMessage[], validation: ValidationContext): void {
  const seen = new Set<string>();
  messages.forEach((m, index) => {
    if (m.kind !== 'refusal' && seen.has(m.id)) {
      throw refusalError(m, `document ${m.id} is seeded twice`, []);
    }
    seen.add(m.id);
    const report = validateSubmission({ frameXml: m.bytes.toString('utf8') }, validation);
    const predicted = [
      ...report.violations.map((v) => ({ code: v.rule.code, detail: v.detail ?? '' })),
      ...predictStoreRules(m, messages.slice(0, index)),
    ];
    if (m.kind !== 'refusal') {
      if (predicted.length > 0) {
        const detail = predicted.map((p) => `${p.code} ${p.detail}`.trim()).join('; ');
        throw refusalError(
          m,
          `the archive would refuse document ${m.id} (${detail}); nothing was stored`,
          predicted,
        );
      }
      return;
    }
    if (!predicted.some((p) => p.code === m.rule)) {
      const got =
        predicted.length === 0 ? 'accept it' : `refuse it with ${predicted.map((p) => p.code).join(', ')}`;
      throw refusalError(
        m,
        `must be refused with ${m.rule ?? ''}, but the archive would ${got}; nothing was stored`,
        predicted,
      );
    }
  });
}

interface Predicted {
  readonly code: string;
  readonly detail: string;
}

function predictStoreRules(m: SeedMessage, before: readonly SeedMessage[]): Predicted[] {
  const out: Predicted[] = [];
  if ((m.spec.versionNumber ?? 1) > 1 && m.spec.reasonOfCorrection === undefined) {
    out.push({
      code: RULES.VERSION_REASON_MISSING.code,
      detail: `version ${m.spec.versionNumber ?? ''} gives no reason`,
    });
  }
  const right = predictRegisterWrite(m, before);
  return right === undefined ? out : [...out, right];
}

/** What register-access.ts checkRegisterWrite would answer once the earlier messages are archived. */
function predictRegisterWrite(m: SeedMessage, before: readonly SeedMessage[]): Predicted | undefined {
  if (m.organisation.oid === m.keeper.oid) {
    return undefined;
  }
  const unit = m.spec.serviceUnit.oid;
  if (![m.organisation.oid, ...m.organisation.units.map((u) => u.oid)].includes(unit)) {
    return { code: RULES.REGISTER_UNIT_NOT_OWN.code, detail: `unit ${unit}` };
  }
  const rights = currentRightsBefore(m, before);
  if (rights.length === 0) {
    return {
      code: RULES.REGISTER_RIGHT_MISSING.code,
      detail: 'no client-relationship document lists a provider',
    };
  }
  const forUnit = rights.filter((r) => r.unitOid === unit);
  if (forUnit.length === 0) {
    return { code: RULES.REGISTER_RIGHT_UNIT_NOT_LISTED.code, detail: `unit ${unit} is not listed` };
  }
  const task = m.spec.palvelutehtava?.code;
  const forTask = forUnit.filter((r) => task !== undefined && r.palvelutehtava === task);
  if (forTask.length === 0) {
    return {
      code: RULES.REGISTER_RIGHT_SERVICE_TASK_NOT_LISTED.code,
      detail: `service task ${task ?? '(none)'}`,
    };
  }
  const date = finnishDate(m.spec.effectiveTime);
  if (forTask.some((r) => coversDate(r, date))) {
    return undefined;
  }
  const periods = forTask.map((r) => `${r.start}..${r.end ?? ''}`).join(', ');
  return forTask.every((r) => date < r.start)
    ? { code: RULES.REGISTER_RIGHT_NOT_STARTED.code, detail: `dated ${date}; the right covers ${periods}` }
    : { code: RULES.REGISTER_RIGHT_ENDED.code, detail: `dated ${date}; the right covers ${periods}` };
}

/** The rights of the client's current client-relationship documents in the keeper's register. */
function currentRightsBefore(m: SeedMessage, before: readonly SeedMessage[]): RegisterRight[] {
  const latestBySet = new Map<string, SeedMessage>();
  const invalidated = new Set<string>();
  for (const b of before) {
    if (b.kind === 'refusal' || b.keeper.oid !== m.keeper.oid || b.spec.client.hetu !== m.spec.client.hetu) {
      continue;
    }
    const setId = b.spec.setId ?? b.spec.id;
    if (b.kind === 'invalidation') {
      invalidated.add(setId);
    } else if (b.spec.documentKind === 'clientRelationship') {
      latestBySet.set(setId, b);
    }
  }
  return [...latestBySet.entries()]
    .filter(([setId]) => !invalidated.has(setId))
    .flatMap(([, b]) =>
      rightsFromRelationshipJson(b.spec.json, {
        registerOid: b.keeper.oid,
        hetu: b.spec.client.hetu,
        relationshipDocumentId: b.id,
      }),
    );
}

function refusalError(m: SeedMessage, message: string, predicted: readonly Predicted[]): KantaSimError {
  const entry = m.where.replace(/^seed: /, '');
  return new KantaSimError('BAD_REQUEST', `${m.where}: ${message}`, {
    details: { entry, documentId: m.id, rules: [...new Set(predicted.map((p) => p.code))] },
  });
}
