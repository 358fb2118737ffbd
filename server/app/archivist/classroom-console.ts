/**
 * What the trainer's console routes need from the classroom, in the console's own terms: view models in,
 * plain values out. The composition root builds it over the classroom service (classroomConsoleOf); route
 * tests may build it over a classroom of their own.
 */
import type { Archivist } from '../../archivist/archivists.js';
import type {
  ClassOverviewModel,
  ClassroomLang,
  ConsoleChoices,
  SignInCard,
} from '../../classroom/view-models.js';

/** Which sandboxes an action reaches: all of them, or one trainee's (by its sandbox id). */
export type ConsoleTarget = 'all' | string;

export interface MakeClassCommand {
  readonly trainees: number;
  readonly scenario: string;
  readonly lang: ClassroomLang;
  readonly ifExists: 'keep' | 'reset';
}

export interface ClassroomConsole {
  /** Whether this archivist is the classroom's trainer (the console answers 404 to anyone else). */
  isTrainer(archivist: Archivist): Promise<boolean>;
  /** The class now, or undefined when none has been made; names in `lang` where the classroom has them. */
  overview(lang: ClassroomLang): Promise<ClassOverviewModel | undefined>;
  /** What the forms offer. */
  choices(): Promise<ConsoleChoices>;
  make(command: MakeClassCommand): Promise<void>;
  reset(target: ConsoleTarget): Promise<void>;
  archiveNow(input: {
    readonly documentType: string;
    readonly client: string;
    readonly target: ConsoleTarget;
  }): Promise<void>;
  failNext(input: { readonly rule: string; readonly target: ConsoleTarget }): Promise<void>;
  /** The cards of every trainee, and the language the class is held in. */
  cards(): Promise<{ readonly lang: ClassroomLang; readonly cards: readonly SignInCard[] } | undefined>;
  /** The public URL the cards print, when one is configured. */
  readonly publicUrl?: string;
}
