/**
 * What a trainer reads once a class is made, printed the same way by `kanta-sim classroom` and by
 * `kanta-sim start --classroom N`: what happened to the class, every account with its password, where
 * trainees sign in and where the printable sign-in cards are.
 */
import type { ClassAccount, CreateAnswer } from '../classroom/classroom-service.js';
import type { CliIo } from './cli-io.js';

const STATUS: Record<CreateAnswer['status'], string> = {
  created: 'made',
  existing: 'already there, unchanged',
  extended: 'extended',
  reset: 'reset to the scenario',
};

/** The class line, the accounts and the addresses, after a create answered in `ms` milliseconds. */
export function printClassMade(io: CliIo, webUrl: string, answer: CreateAnswer, ms: number): void {
  const { classroom } = answer;
  io.out(
    `Class ${STATUS[answer.status]} in ${ms} ms: ${classroom.trainees} trainees, scenario "${classroom.scenario}", ${classroom.lang}`,
  );
  printAccounts(io, webUrl, answer.trainer, answer.trainees);
}

export function printAccounts(
  io: CliIo,
  webUrl: string,
  trainer: ClassAccount,
  trainees: readonly ClassAccount[],
): void {
  io.out(`Sign in at ${webUrl}/archivist/login  (training passwords, printed for the class)`);
  for (const a of [trainer, ...trainees]) {
    io.out(
      `  ${a.username.padEnd(11)} ${a.password.padEnd(18)} ${a.organisation.name} (${a.organisation.oid})`,
    );
  }
  io.out(`Printable sign-in cards (trainer's account): ${webUrl}/archivist/classroom/cards`);
}
