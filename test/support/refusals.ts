/**
 * Assertions shared by the Kanta interface tests: which rules an acknowledgement names, and that a refused
 * message left the archive exactly as it was.
 */
import { expect } from 'vitest';
import type { RuleDefinition } from '../../server/rules/rule.js';
import { send, type KantaSimInstance, type SendOptions, type SendResult } from './sim.js';

/** The rule codes of an acknowledgement's error details, in order. */
export function codesOf(result: SendResult): string[] {
  return result.ack.details
    .filter((d) => d.typeCode !== 'W')
    .map((d) => d.code ?? '')
    .filter((c) => c !== '');
}

/** The rule codes of an acknowledgement's warnings. */
export function warningsOf(result: SendResult): string[] {
  return result.ack.details.filter((d) => d.typeCode === 'W').map((d) => d.code ?? '');
}

/** How many documents the archive holds. */
export function storedCount(sim: KantaSimInstance): Promise<number> {
  return sim.running.store.countDocuments({});
}

/**
 * Sends a message that must be refused for `rule`: the answer is the rule's severity (AE or AR, unless
 * `typeCode` says otherwise), it names the rule, and nothing was stored. Returns the result for further checks.
 */
export async function expectRefused(
  sim: KantaSimInstance,
  message: string | Buffer,
  rule: RuleDefinition,
  options: SendOptions & { readonly httpStatus?: number; readonly typeCode?: 'AE' | 'AR' } = {},
): Promise<SendResult> {
  const before = await storedCount(sim);
  const result = await send(sim, message, options);
  expect(codesOf(result), result.body).toContain(rule.code);
  expect(result.ack.typeCode).toBe(options.typeCode ?? rule.severity);
  expect(result.status).toBe(options.httpStatus ?? 200);
  expect(await storedCount(sim)).toBe(before);
  return result;
}

/** Sends a message that must be archived: AA, no error details, and the archive grew by `grows` (1). */
export async function expectArchived(
  sim: KantaSimInstance,
  message: string | Buffer,
  options: SendOptions & { readonly grows?: number } = {},
): Promise<SendResult> {
  const before = await storedCount(sim);
  const result = await send(sim, message, options);
  expect(codesOf(result), result.body).toEqual([]);
  expect(result.ack.typeCode).toBe('AA');
  expect(result.status).toBe(200);
  expect(await storedCount(sim)).toBe(before + (options.grows ?? 1));
  return result;
}
