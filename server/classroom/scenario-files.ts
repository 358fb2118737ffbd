/**
 * The scenario library as files: every `<name>.json` in the scenario directories (fixtures/scenarios/ is
 * shipped), read with the seed's own reader, so a scenario the classroom applies is a scenario
 * `POST /__sim/seed` would accept. A later directory's file shadows an earlier one of the same name
 * (a trainer's own scenario in the data directory over a shipped one).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Scenario, ScenarioDescription } from '../control/scenario.js';
import { readScenarioFile } from '../control/seed.js';
import { unknownScenario, type ScenarioLibrary } from './classroom-scenarios.js';

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

  async title(name: string): Promise<ScenarioDescription | undefined> {
    // A broken file of a trainer's own is refused when a class is made from it, with the reason; here it
    // only loses its title.
    return (await this.load(name).catch(() => undefined))?.title;
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
