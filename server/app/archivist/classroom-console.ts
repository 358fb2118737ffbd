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
  TrainerSignIn,
} from '../../classroom/view-models.js';

/** Which sandboxes an action reaches: all of them, or one trainee's (by its sandbox id). */
export type ConsoleTarget = 'all' | string;

export interface MakeClassCommand {
  readonly trainees: number;
  readonly scenario: string;
  readonly lang: ClassroomLang;
  readonly ifExists: 'keep' | 'reset';
}

/**
 * Who may use the console: the class's trainer; and, while no class exists, the simulator's operator (the
 * demo archivist, whose one-click sign-in needs the control token off loopback), who may only make the
 * class, since there is no trainer account before there is a class.
 */
export type ConsoleAccess = 'trainer' | 'operator';

export interface ClassroomConsole {
  /** What this archivist may do in the console; undefined: nothing (the console answers 404). */
  access(archivist: Archivist): Promise<ConsoleAccess | undefined>;
  /** The class now, or undefined when none has been made; names in `lang` where the classroom has them. */
  overview(lang: ClassroomLang): Promise<ClassOverviewModel | undefined>;
  /** What the forms offer. */
  choices(): Promise<ConsoleChoices>;
  /** Makes (or keeps, or resets) the class; answers how the trainer signs in. */
  make(command: MakeClassCommand): Promise<{ readonly trainer: TrainerSignIn }>;
  reset(target: ConsoleTarget): Promise<void>;
  archiveNow(input: {
    readonly documentType: string;
    readonly client: string;
    readonly target: ConsoleTarget;
  }): Promise<{ readonly refused: number }>;
  failNext(input: { readonly rule: string; readonly target: ConsoleTarget }): Promise<void>;
  /** The cards of every trainee, and the language the class is held in. */
  cards(): Promise<{ readonly lang: ClassroomLang; readonly cards: readonly SignInCard[] } | undefined>;
  /** The public URL the cards print, when one is configured. */
  readonly publicUrl?: string;
}
