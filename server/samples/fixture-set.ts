/**
 * The whole fixture set and its manifest: valid messages (with their bare signed CDA beside them), one SOAP
 * 1.2 example, and the invalid variants, each listed in manifest.json with the outcome the archive must
 * give ({ typeCode, rules }). writeFixtureSet puts it on disk.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KantaSimError } from '../errors.js';
import type { RuleDefinition } from '../rules/rule.js';
import type { EnvelopeStyle } from '../wire/archive-frame.js';
import { fixtureContext, validFixturesFor, type FixtureContext } from './fixture-documents.js';
import { FIXTURE_CLIENTS, type FixtureParties } from './fixture-parties.js';
import { invalidFixtures, soapClientNote } from './fixture-variants.js';

export const MANIFEST_FILE = 'manifest.json';

/** What the archive must answer to a fixture. */
export interface ExpectedOutcome {
  readonly typeCode: 'AA' | 'AE' | 'AR';
  /** Distinct rule codes of the acknowledgement details, sorted. */
  readonly rules: readonly string[];
}

/** One sendable message of the set. */
export interface ManifestEntry {
  readonly file: string;
  /** The bare signed CDA of a valid message. */
  readonly cda?: string;
  readonly description: string;
  readonly serviceRequest: string;
  readonly style: EnvelopeStyle;
  readonly documentId: string;
  readonly expected: ExpectedOutcome;
}

export interface FixtureManifest {
  readonly generator: string;
  /** Send every file over mutual TLS as this organisation (its system signature signs the documents). */
  readonly organisation: { readonly oid: string; readonly name: string };
  readonly professional: { readonly regno: string; readonly name: string };
  /** Send in this order: the client-relationship documents come before the client documents. */
  readonly files: readonly ManifestEntry[];
}

/** The files of a set, by name, and its manifest. */
export interface FixtureSet {
  readonly manifest: FixtureManifest;
  readonly contents: ReadonlyMap<string, string>;
}

/** AR when any rule is wrapper-level, else AE; AA with no rules. */
export function outcomeOf(rules: readonly RuleDefinition[]): ExpectedOutcome {
  const codes = [...new Set(rules.map((r) => r.code))].sort();
  if (codes.length === 0) {
    return { typeCode: 'AA', rules: [] };
  }
  return { typeCode: rules.some((r) => r.severity === 'AR') ? 'AR' : 'AE', rules: codes };
}

/** Builds every fixture in memory. `date` fixes the first document's time (default: from the certificates). */
export function buildFixtureSet(parties: FixtureParties, options: { date?: Date } = {}): FixtureSet {
  const ctx: FixtureContext = fixtureContext(parties, options.date);
  const contents = new Map<string, string>();
  const files: ManifestEntry[] = [];
  FIXTURE_CLIENTS.forEach((fc, i) => {
    for (const v of validFixturesFor(ctx, fc, i)) {
      const file = `${v.name}.xml`;
      const cda = `${v.name}.cda.xml`;
      contents.set(file, v.signed.messageXml);
      contents.set(cda, v.signed.cdaXml);
      files.push({
        file,
        cda,
        description: v.description,
        serviceRequest: v.serviceRequest,
        style: v.style,
        documentId: v.signed.document.id,
        expected: outcomeOf([]),
      });
    }
  });
  const soap = soapClientNote(ctx);
  contents.set('valid_lapsiperhe_client_note_soap12.xml', soap.messageXml);
  files.push({
    file: 'valid_lapsiperhe_client_note_soap12.xml',
    description: 'a client note in a SOAP 1.2 envelope (the archive answers in the same style)',
    serviceRequest: 'SP17',
    style: 'soap12',
    documentId: soap.documentId,
    expected: outcomeOf([]),
  });
  for (const f of invalidFixtures(ctx)) {
    const file = `${f.name}.xml`;
    contents.set(file, f.messageXml);
    files.push({
      file,
      description: f.description,
      serviceRequest: f.serviceRequest,
      style: 'bare',
      documentId: f.documentId,
      expected: outcomeOf(f.rules),
    });
  }
  const { organiser, professional } = parties;
  return {
    manifest: {
      generator: 'kanta-sim fixtures',
      organisation: { oid: organiser.oid, name: organiser.name },
      professional: { regno: professional.regno, name: `${professional.given} ${professional.family}` },
      files,
    },
    contents,
  };
}

/**
 * Writes the set into `outDir` (created if missing) with manifest.json, first removing the files an earlier
 * manifest there listed, so a regenerated directory holds no stale fixtures. Returns the paths written.
 */
export async function writeFixtureSet(outDir: string, set: FixtureSet): Promise<string[]> {
  try {
    await mkdir(outDir, { recursive: true });
    await removePreviousSet(outDir);
    const written: string[] = [];
    for (const [name, content] of set.contents) {
      const file = path.join(outDir, name);
      await writeFile(file, content);
      written.push(file);
    }
    const manifest = path.join(outDir, MANIFEST_FILE);
    await writeFile(manifest, formatManifest(set.manifest));
    written.push(manifest);
    return written;
  } catch (cause) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `cannot write fixtures to ${outDir}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

async function removePreviousSet(outDir: string): Promise<void> {
  const previous = await readFile(path.join(outDir, MANIFEST_FILE), 'utf8').then(
    (s) => JSON.parse(s) as Partial<FixtureManifest>,
    () => undefined,
  );
  for (const entry of previous?.files ?? []) {
    for (const name of [entry.file, entry.cda]) {
      // Only plain names the generator could have written: a hand-edited manifest cannot delete elsewhere.
      if (typeof name === 'string' && name === path.basename(name) && name.endsWith('.xml')) {
        await rm(path.join(outDir, name), { force: true });
      }
    }
  }
}

/**
 * JSON with two-space indentation and short string arrays on one line, as Prettier writes it, so that
 * `npm run format:check` passes on a freshly generated fixture directory.
 */
export function formatManifest(manifest: FixtureManifest): string {
  const json = JSON.stringify(manifest, null, 2).replace(
    /\[\n\s+("[^"\n]*"(?:,\n\s+"[^"\n]*")*)\n\s+\]/g,
    (_m, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`,
  );
  return json + '\n';
}
