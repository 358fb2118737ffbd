/**
 * `kanta-sim journal export --junit FILE --web-url URL` (a CI artifact: one testcase per exchange, a failure
 * for each AE or AR, an error for each transport fault) and `kanta-sim journal list` (JSON lines). Both read
 * the journal of a running kanta-sim through its control API.
 * Exit codes: 0 done, 1 the control API could not be read, 2 usage error.
 */
import { writeFile } from 'node:fs/promises';
import { controlClient } from '../control/control-client.js';
import type { JournalEntry } from '../control/journal.js';
import { parseJournalFilter } from '../control/journal.js';
import { loadConfig } from '../config.js';
import { isKantaSimError } from '../errors.js';
import { escapeXml } from '../xml/xml-writer.js';
import { parseFlags } from './common-flags.js';
import { PROCESS_IO, type CliIo } from './cli-io.js';

const USAGE = `usage: kanta-sim journal export --junit FILE [--web-url http://127.0.0.1:8080] [--control-token T] [filters]
       kanta-sim journal list [--web-url URL] [--control-token T] [filters]
  filters: --organisation OID --service-request SP17 --result AA|AE|AR|HTTP_503|SOAP_FAULT|DROPPED --rule CODE --since ISO
  exit 0 done, 1 the control API could not be read, 2 usage error`;

export async function runJournalCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    junit: { type: 'string' },
    'web-url': { type: 'string' },
    'suite-name': { type: 'string' },
    organisation: { type: 'string' },
    'service-request': { type: 'string' },
    result: { type: 'string' },
    rule: { type: 'string' },
    since: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [action] = positionals[0] === 'journal' ? positionals.slice(1) : positionals;
  if ((action !== 'export' && action !== 'list') || (action === 'export' && !values.junit)) {
    io.err(
      `kanta-sim journal: ${action === 'export' ? '--junit FILE is required' : 'say export or list'}\n${USAGE}`,
    );
    return 2;
  }
  const webUrl =
    values['web-url'] ??
    (env.KANTA_SIM_WEB_PORT ? `http://127.0.0.1:${env.KANTA_SIM_WEB_PORT}` : 'http://127.0.0.1:8080');
  let entries: JournalEntry[];
  try {
    const filter = parseJournalFilter({
      organisation: values.organisation,
      serviceRequest: values['service-request'],
      result: values.result,
      rule: values.rule,
      since: values.since,
    });
    // --control-token or KANTA_SIM_CONTROL_TOKEN, read (like all configuration) by config.ts.
    const { controlToken } = loadConfig({ flags: { 'control-token': values['control-token'] }, env });
    entries = await controlClient(webUrl, { token: controlToken }).journal(filter);
  } catch (e) {
    io.err(`kanta-sim journal: ${isKantaSimError(e) ? `${e.code}: ` : ''}${(e as Error).message}`);
    return 1;
  }
  if (action === 'list') {
    entries.forEach((e) => io.out(JSON.stringify(e)));
    return 0;
  }
  await writeFile(values.junit as string, junitReport(entries, values['suite-name'] ?? 'kanta-sim'));
  const failed = entries.filter((e) => e.result !== 'AA').length;
  io.out(`wrote ${entries.length} exchange(s), ${failed} not accepted, to ${values.junit as string}`);
  return 0;
}

/** JUnit XML: one testcase per exchange; AE/AR are failures, transport faults are errors. */
export function junitReport(entries: readonly JournalEntry[], suiteName: string): string {
  const failures = entries.filter((e) => e.result === 'AE' || e.result === 'AR').length;
  const errors = entries.filter((e) => e.result !== 'AA' && e.result !== 'AE' && e.result !== 'AR').length;
  const time = entries.reduce((s, e) => s + e.durationMs, 0) / 1000;
  const a = (v: string | number): string => escapeXml(String(v));
  const cases = entries.map((e) => {
    const name =
      `${e.serviceRequest ?? e.interaction ?? 'message'} ${e.documentId ?? e.messageId ?? ''} [${e.correlationId}]`.replace(
        /\s+/g,
        ' ',
      );
    const open = `  <testcase classname="${a(`kanta-sim.${e.organisation ?? 'unknown'}`)}" name="${a(name)}" time="${(e.durationMs / 1000).toFixed(3)}"`;
    const detail = `${e.time} ${e.result} HTTP ${e.httpStatus}${e.rules.length ? ` rules: ${e.rules.join(', ')}` : ''}${e.fault ? ` (fault ${e.fault.id})` : ''}`;
    if (e.result === 'AA') {
      return `${open} />`;
    }
    const tag = e.result === 'AE' || e.result === 'AR' ? 'failure' : 'error';
    return `${open}>\n    <${tag} type="${a(e.result)}" message="${a(e.rules.join(', ') || e.result)}">${escapeXml(detail)}</${tag}>\n  </testcase>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites tests="${entries.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">\n` +
    `<testsuite name="${a(suiteName)}" tests="${entries.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">\n` +
    cases.join('\n') +
    (cases.length ? '\n' : '') +
    '</testsuite>\n</testsuites>\n'
  );
}
