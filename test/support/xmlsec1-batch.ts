/**
 * Drives xmlsec1 over many documents with few processes: one `--sign` for a whole batch (xmlsec1 writes the
 * signed documents to stdout one after another), and `--verify` over many files, started again after the
 * file at which it stops (it stops at the first failure). Used by the c14n differential test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLSEC1_COMMAND } from './requirements.js';

/** xmlsec1's verdict on one document. */
export type Xmlsec1Verdict = 'ok' | 'digest' | 'value';

export class Xmlsec1Batch {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-xmlsec1-batch-'));
  private files = 0;

  constructor(private readonly idAttrs: readonly string[]) {}

  /** Writes `content` to a new file in the batch folder and returns its path. */
  file(name: string, content: string): string {
    this.files += 1;
    const file = path.join(this.dir, `${this.files}-${name}`);
    writeFileSync(file, content);
    return file;
  }

  /** Signs every document (each holding one empty ds:Signature template) with `keyFile` in one process. */
  signAll(documents: readonly string[], keyFile: string): string[] {
    const inputs = documents.map((d) => this.file('unsigned.xml', d));
    const run = spawnSync(XMLSEC1_COMMAND, ['--sign', ...this.idAttrs, '--privkey-pem', keyFile, ...inputs], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.status !== 0) {
      throw new Error(`xmlsec1 --sign failed: ${run.stderr}`);
    }
    // Every output document starts with its XML declaration, which no document holds elsewhere.
    const signed = run.stdout.split(/(?=<\?xml version=)/).filter((s) => s.trim() !== '');
    if (signed.length !== documents.length) {
      throw new Error(`xmlsec1 signed ${signed.length} of ${documents.length} documents`);
    }
    return signed;
  }

  /**
   * Verifies every document with the public key in `pubKeyFile`; one verdict per document, in order. The
   * list is cut into `parallel` slices verified side by side, since every failing document costs a process.
   */
  async verifyAll(documents: readonly string[], pubKeyFile: string, parallel = 3): Promise<Xmlsec1Verdict[]> {
    const files = documents.map((d) => this.file('verify.xml', d));
    const size = Math.ceil(files.length / parallel);
    const slices = Array.from({ length: parallel }, (_, i) => files.slice(i * size, (i + 1) * size));
    const results = await Promise.all(slices.map((slice) => this.verifySlice(slice, pubKeyFile)));
    return results.flat();
  }

  private async verifySlice(files: readonly string[], pubKeyFile: string): Promise<Xmlsec1Verdict[]> {
    const verdicts: Xmlsec1Verdict[] = [];
    while (verdicts.length < files.length) {
      const stderr = await run([
        '--verify',
        ...this.idAttrs,
        '--pubkey-pem',
        pubKeyFile,
        ...files.slice(verdicts.length),
      ]);
      const before = verdicts.length;
      // Per file: "OK" or "FAIL", then "SignedInfo References (ok/all): n/m".
      const re = /^(OK|FAIL)\nSignedInfo References \(ok\/all\): (\d+)\/(\d+)$/gm;
      for (let m = re.exec(stderr); m; m = re.exec(stderr)) {
        verdicts.push(m[1] === 'OK' ? 'ok' : m[2] === m[3] ? 'value' : 'digest');
      }
      if (verdicts.length === before) {
        throw new Error(`xmlsec1 --verify gave no verdict: ${stderr}`);
      }
    }
    return verdicts;
  }

  /** Removes the batch folder. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs xmlsec1 and resolves with its standard error, whatever its exit status. */
function run(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(XMLSEC1_COMMAND, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', () => resolve(stderr));
  });
}
