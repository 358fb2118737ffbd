/**
 * The scenario library as files: every `<name>.json` in the scenario directories (fixtures/scenarios/ is
 * shipped), read with the seed's own reader, so a scenario the classroom applies is a scenario
 * `POST /__sim/seed` would accept. A later directory's file shadows an earlier one of the same name.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../control/scenario.js';
import { readScenarioFile } from '../control/seed.js';
import { unknownScenario, type ScenarioLibrary } from './classroom-scenarios.js';

/** The shipped scenarios: fixtures/scenarios/ beside server/ (source) or dist/server/ (build). */
export function defaultScenarioDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../fixtures/scenarios'),
    path.resolve(here, '../../../fixtures/scenarios'),
  ];
  return candidates.find((c) => existsSync(c)) ?? (candidates[0] as string);
}

export class ScenarioFiles implements ScenarioLibrary {
  constructor(
    private readonly dirs: readonly string[],
    readonly defaultName: string,
  ) {}

  async names(): Promise<readonly string[]> {
    return [...(await this.files()).keys()].sort();
  }

  async load(name: string): Promise<Scenario> {
    const file = (await this.files()).get(name);
    if (!file) {
      throw unknownScenario(name, await this.names());
    }
    return readScenarioFile(file);
  }

  private async files(): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const dir of this.dirs) {
      const entries = await readdir(dir).catch(() => [] as string[]);
      for (const entry of entries.filter((e) => e.endsWith('.json'))) {
        found.set(entry.slice(0, -'.json'.length), path.join(dir, entry));
      }
    }
    return found;
  }
}
