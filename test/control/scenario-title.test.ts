/**
 * A scenario's title, what the trainer's console names it by: one text or one per language, and a
 * malformed one refused naming its place, like every field of the scenario file.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../server/control/scenario.js';

describe('a scenario title', () => {
  it('is one text, or fi, sv and en', () => {
    expect(parseScenario({ title: 'Pienkunta' }).title).toBe('Pienkunta');
    const title = { fi: 'Pienkunta', sv: 'Småkommunen', en: 'Small municipality' };
    expect(parseScenario({ title }).title).toEqual(title);
    expect(parseScenario({}).title).toBeUndefined();
  });

  it('is refused naming the missing language', () => {
    expect(() => parseScenario({ title: { fi: 'Pienkunta' } })).toThrow(/title\.sv/);
  });
});
