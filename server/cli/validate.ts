/**
 * `kanta-sim validate FILE`: the archive's rules offline on a frame or a CDA document, with a human-readable
 * report. Nothing is sent or stored. Uses the data directory's trust store (its test PKI and configured trust
 * anchors), code lists and operation table, like the running archive.
 * Exit codes: 0 valid, 1 invalid, 2 usage error.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_CODE_LIST_DIR, loadCodeLists } from '../codes/code-lists.js';
import { loadOperationTable } from '../codes/operations.js';
import { loadConfig } from '../config.js';
import { validateSubmission } from '../control/validate-submission.js';
import { ensureTestPki } from '../pki/test-pki.js';
import { createTrustStore } from '../pki/trust-store.js';
import { detailText } from '../wire/acknowledgement.js';
import { parseDom } from '../xml/dom.js';
import { COMMON_FLAGS, parseFlags } from './common-flags.js';
import { PROCESS_IO, type CliIo } from './cli-io.js';

const USAGE = `usage: kanta-sim validate FILE [--cda CDA.xml] [--service-request SP17] [--data-dir D]
  FILE is a transfer frame (bare or SOAP) or a CDA document; --cda validates a separate CDA with the frame.
  exit 0 valid, 1 invalid, 2 usage error`;

export async function runValidateCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    ...COMMON_FLAGS,
    cda: { type: 'string' },
    'service-request': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [file, ...extra] = positionals[0] === 'validate' ? positionals.slice(1) : positionals;
  if (!file || extra.length > 0) {
    io.err(`kanta-sim validate: give exactly one FILE\n${USAGE}`);
    return 2;
  }
  const config = loadConfig({ flags: values, env });
  const input = await readFile(file, 'utf8');
  const dom = parseDom(input);
  const isCda = dom.ok && dom.doc.documentElement?.localName === 'ClinicalDocument';
  const separateCda = values.cda ? await readFile(values.cda, 'utf8') : undefined;
  const pki = await ensureTestPki(config.dataDir, { validFrom: config.pkiValidFrom });
  const report = validateSubmission(
    {
      ...(isCda ? { cdaXml: input } : { frameXml: input }),
      ...(separateCda ? { cdaXml: separateCda } : {}),
      ...(values['service-request'] ? { serviceRequest: values['service-request'] } : {}),
    },
    {
      codes: loadCodeLists([DEFAULT_CODE_LIST_DIR, ...config.codeListDirs]),
      operations: loadOperationTable(config.operationTable),
      trust: createTrustStore(pki, config.trustAnchors),
      trustMode: config.trustMode,
      testIdentityGuardrail: config.testIdentityGuardrail,
      limits: config.xmlLimits,
      now: new Date(),
    },
  );
  const what = `${file} (${isCda ? 'CDA document' : 'transfer frame'}${report.operation ? `, ${report.operation}` : ''})`;
  if (report.ok) {
    io.out(`VALID  ${what}`);
  } else {
    io.out(`INVALID  ${what}: ${report.violations.length} error(s)`);
  }
  report.violations.forEach((v, i) => {
    io.out(`  ${i + 1}. ${v.rule.code} at ${v.location}\n     ${detailText(v)}`);
  });
  report.warnings.forEach((w) => {
    io.out(`  warning ${w.rule.code} at ${w.location}\n     ${detailText(w)}`);
  });
  return report.ok ? 0 : 1;
}
