/**
 * The trainer console's port built over the classroom: its service (the class, resets, accounts), its
 * actions (archive now, fail next) and its scenario library, mapped to the console's view models. The
 * template names are the console's own words (i18n/classroom.ts); the rules' texts are the catalogue's.
 */
import { classroomMessages } from '../../../archivist-ui/i18n/classroom.js';
import type { Archivist } from '../../archivist/archivists.js';
import type { ClassroomActions } from '../../classroom/classroom-actions.js';
import type { ScenarioLibrary } from '../../classroom/classroom-scenarios.js';
import type { ClassroomService, TraineeOverview } from '../../classroom/classroom-service.js';
import type { ClassroomStore } from '../../store/classroom-store.js';
import {
  traineeActivityOf,
  type ClassOverviewModel,
  type ConsoleChoices,
  type Localised,
  type TraineeLine,
} from '../../classroom/view-models.js';
import type { ClassroomConsole, ConsoleAccess, ConsoleTarget } from './classroom-console.js';

export interface ClassroomConsoleSources {
  readonly service: ClassroomService;
  readonly actions: ClassroomActions;
  readonly scenarios: ScenarioLibrary;
  readonly store: Pick<ClassroomStore, 'getClassroom'>;
  /** The URL the cards print instead of the trainer's own address (a proxy in front of the classroom). */
  readonly publicUrl?: string;
}

/** A template's name in each language; the template's own key where the console has no words for it. */
function templateLabel(template: string): Localised {
  const name = (lang: 'fi' | 'sv' | 'en'): string => classroomMessages(lang).templates[template] ?? template;
  return { fi: name('fi'), sv: name('sv'), en: name('en') };
}

function traineeLine(t: TraineeOverview): TraineeLine {
  return {
    sandboxId: t.username,
    name: t.archivistName,
    username: t.username,
    organisationName: t.organisation.name,
    signedIn: t.signedIn,
    activity: traineeActivityOf(t.activity.count, t.activity.last),
  };
}

/** The action's trainees as the classroom reads them: "all", or the one trainee's username. */
const trainees = (target: ConsoleTarget): 'all' | readonly string[] => (target === 'all' ? 'all' : [target]);

export function classroomConsoleOf(sources: ClassroomConsoleSources): ClassroomConsole {
  const { service, actions, scenarios } = sources;
  // Asked on every request of a demo session (the menu): one row, not the whole overview.
  const hasClass = async (): Promise<boolean> => (await sources.store.getClassroom()) !== undefined;
  return {
    ...(sources.publicUrl === undefined ? {} : { publicUrl: sources.publicUrl }),
    async access(archivist: Archivist): Promise<ConsoleAccess | undefined> {
      if (await service.isTrainer(archivist.id)) {
        return 'trainer';
      }
      return archivist.demo && !(await hasClass()) ? 'operator' : undefined;
    },
    async overview(): Promise<ClassOverviewModel | undefined> {
      const o = await service.overview();
      if (!o.classroom) {
        return undefined;
      }
      return {
        scenario: o.classroom.scenario,
        ...(await titleOf(scenarios, o.classroom.scenario)),
        lang: o.classroom.lang,
        createdAt: o.classroom.createdAt,
        trainees: o.trainees.map(traineeLine),
      };
    },
    async choices(): Promise<ConsoleChoices> {
      const names = await scenarios.names();
      // The clients are the current scenario's; without a class there is nothing to archive into yet.
      const identities = (await hasClass()) ? (await service.current()).scenario.identities : [];
      return {
        scenarios: await scenarioChoices(scenarios, names),
        documentTypes: actions.templates().map((t) => ({ value: t, label: templateLabel(t) })),
        clients: identities.map((i) => ({
          value: i.hetu,
          label: { fi: `${i.family} ${i.given.join(' ')} (${i.hetu})` },
        })),
        failRules: actions
          .failRules()
          .map((r) => ({ value: r.code, label: { fi: r.fi, sv: r.sv, en: r.en } })),
      };
    },
    async make(command) {
      const answer = await service.create({ ...command });
      return { trainer: { username: answer.trainer.username, password: answer.trainer.password } };
    },
    async reset(target) {
      await (target === 'all' ? service.resetClass() : service.resetSandbox(target));
    },
    async archiveNow(input) {
      const { results } = await actions.archiveNow({
        template: input.documentType,
        hetu: input.client,
        trainees: trainees(input.target),
      });
      return { refused: results.filter((r) => r.outcome === 'refused').length };
    },
    async failNext(input) {
      await actions.failNext({ rule: input.rule, trainees: trainees(input.target) });
    },
    async cards() {
      const o = await service.overview();
      if (!o.classroom) {
        return undefined;
      }
      const { trainees: accounts } = await service.accounts();
      return {
        lang: o.classroom.lang,
        cards: accounts.map((a) => ({
          name: a.archivistName,
          username: a.username,
          password: a.password,
          organisationName: a.organisation.name,
        })),
      };
    },
  };
}

/** The scenario's title as the interface shows it (one text stands for every language), if it has one. */
async function titleOf(
  scenarios: ScenarioLibrary,
  name: string,
): Promise<{ readonly scenarioTitle?: Localised }> {
  const title = await scenarios.title(name);
  if (title === undefined) {
    return {};
  }
  return { scenarioTitle: typeof title === 'string' ? { fi: title, sv: title, en: title } : title };
}

/** The make-the-class form's scenarios: named by their titles, submitted by their names. */
function scenarioChoices(
  scenarios: ScenarioLibrary,
  names: readonly string[],
): Promise<ConsoleChoices['scenarios']> {
  return Promise.all(
    names.map(async (n) => ({ value: n, label: (await titleOf(scenarios, n)).scenarioTitle ?? { fi: n } })),
  );
}
