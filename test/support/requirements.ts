/**
 * What a few suites need from outside the repository: the real Kanta sample corpus (optional conformance
 * data) and two system tools (xmlsec1, Debian's chromium). A fresh clone has none of them, so suites that
 * need one are skipped where it is missing, and the global setup says so in one line. In CI
 * (KANTA_SIM_REQUIRE_ALL=1, set by .ci/run) a missing one fails the run instead, so CI proves every suite.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Requirement {
  /** Short name used in the skip line. */
  readonly name: string;
  readonly available: boolean;
  /** How to make it available, for the skip line. */
  readonly howTo: string;
}

const DEFAULT_SAMPLES_DIR = fileURLToPath(new URL('../../../shared/interop/kanta-samples/', import.meta.url));

/** Where the real samples are read from: KANTA_SAMPLES_DIR, else ../shared/interop/kanta-samples. */
export const SAMPLES_DIR = process.env.KANTA_SAMPLES_DIR
  ? path.resolve(process.env.KANTA_SAMPLES_DIR)
  : DEFAULT_SAMPLES_DIR;

/** Debian's chromium; CHROMIUM_PATH overrides it (e.g. to prove the skip path on a machine that has it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function commandRuns(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

export const KANTA_SAMPLES: Requirement = Object.freeze({
  name: 'the real Kanta sample corpus',
  available: existsSync(path.join(SAMPLES_DIR, 'frame-asiakassuunnitelma-SP17.xml')),
  howTo: `set KANTA_SAMPLES_DIR to a folder holding it; looked in ${SAMPLES_DIR}`,
});

export const XMLSEC1: Requirement = Object.freeze({
  name: 'xmlsec1',
  available: commandRuns(process.env.XMLSEC1_PATH ?? 'xmlsec1', ['--version']),
  howTo: 'apt-get install xmlsec1',
});

export const CHROMIUM: Requirement = Object.freeze({
  name: 'chromium',
  available: existsSync(CHROMIUM_PATH),
  howTo: `apt-get install chromium, or set CHROMIUM_PATH; looked for ${CHROMIUM_PATH}`,
});

export const REQUIREMENTS: readonly Requirement[] = [KANTA_SAMPLES, XMLSEC1, CHROMIUM];

/** The command tests run xmlsec1 with (XMLSEC1_PATH overrides the one on PATH). */
export const XMLSEC1_COMMAND = process.env.XMLSEC1_PATH ?? 'xmlsec1';
