/**
 * `kanta-sim send`: the reference client. Takes a CDA (wraps it into the MIME package and the
 * RCMR_IN200002FI01 frame, signing it first with --sign) or a ready frame, sends it over mutual TLS with the
 * organisation's client certificate, and prints the acknowledgement.
 * Exit codes: 0 AA, 1 AE, 2 AR, 3 transport error (no acknowledgement), 4 usage error.
 */
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCda } from '../cda/parse-cda.js';
import { loadConfig } from '../config.js';
import { isKantaSimError } from '../errors.js';
import type { Organisation } from '../pki/organisations.js';
import { PKI_FILES } from '../pki/test-pki.js';
import { parseAcknowledgement } from '../wire/acknowledgement.js';
import type { EnvelopeStyle } from '../wire/archive-frame.js';
import { buildArchiveFrame, wrapInSoap } from '../wire/build-frame.js';
import { parseDom } from '../xml/dom.js';
import { COMMON_FLAGS, parseFlags } from './common-flags.js';
import { PROCESS_IO, type CliIo } from './cli-io.js';
import { organisationOf, signAsSystem } from './sign.js';

const USAGE = `usage: kanta-sim send --url https://HOST:PORT/sha --org OID --in FILE [--sign] [--service-request SP17]
                      [--soap 1.1|1.2] [--ca CA.pem] [--correlation-id ID] [--data-dir D]
  FILE is a CDA document (framed by send) or a ready RCMR_IN200002FI01 frame (sent as is).
  exit 0 AA, 1 AE, 2 AR, 3 transport error, 4 usage error`;

export const SEND_EXIT = Object.freeze({ AA: 0, AE: 1, AR: 2, TRANSPORT: 3, USAGE: 4 });

const SEND_FLAGS = {
  ...COMMON_FLAGS,
  url: { type: 'string' },
  org: { type: 'string' },
  in: { type: 'string' },
  sign: { type: 'boolean' },
  'service-request': { type: 'string' },
  soap: { type: 'string' },
  ca: { type: 'string' },
  'correlation-id': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Frames (and signs) a document or sends a frame as is, and prints the archive's acknowledgement. */
export async function runSendCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  let values;
  try {
    values = parseFlags(args, SEND_FLAGS).values;
  } catch (e) {
    io.err(`kanta-sim send: ${(e as Error).message}\n${USAGE}`);
    return SEND_EXIT.USAGE;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const style = envelopeStyleOf(values.soap);
  if (!values.url || !values.org || !values.in || !style) {
    io.err(`kanta-sim send: --url, --org and --in are required (--soap is 1.1 or 1.2)\n${USAGE}`);
    return SEND_EXIT.USAGE;
  }
  let message: string;
  let org: Organisation;
  let caPem: string;
  try {
    const config = loadConfig({ flags: values, env });
    org = organisationOf(config.dataDir, values.org);
    caPem = await readFile(values.ca ?? path.join(config.dataDir, 'pki', PKI_FILES.caBundle), 'utf8');
    message = await messageOf(await readFile(values.in, 'utf8'), org, {
      sign: values.sign === true,
      serviceRequest: values['service-request'] ?? 'SP17',
      style,
    });
  } catch (e) {
    io.err(`kanta-sim send: ${isKantaSimError(e) ? `${e.code}: ` : ''}${(e as Error).message}`);
    return SEND_EXIT.USAGE;
  }
  const answer = await post(values.url, message, org, caPem, style, values['correlation-id']);
  if (!answer.ok) {
    io.err(`kanta-sim send: transport error: ${answer.error}`);
    return SEND_EXIT.TRANSPORT;
  }
  let ack;
  try {
    ack = parseAcknowledgement(answer.body);
  } catch {
    io.err(
      `kanta-sim send: HTTP ${answer.status} without an acknowledgement:\n${answer.body.slice(0, 2000)}`,
    );
    return SEND_EXIT.TRANSPORT;
  }
  io.out(`${ack.typeCode ?? '??'}  HTTP ${answer.status}  correlation id ${answer.correlationId ?? '-'}`);
  for (const d of ack.details) {
    io.out(
      `  ${d.typeCode === 'W' ? 'warning' : 'error'} ${d.code ?? ''} at ${d.location ?? '/'}\n    ${d.text ?? ''}`,
    );
  }
  return exitCodeOf(ack.typeCode);
}

/** --soap: absent is a bare frame, 1.1 or 1.2 a SOAP envelope; anything else undefined (a usage error). */
function envelopeStyleOf(soap: string | undefined): EnvelopeStyle | undefined {
  return soap === undefined ? 'bare' : soap === '1.1' ? 'soap11' : soap === '1.2' ? 'soap12' : undefined;
}

/** The exit code for an acknowledgement's typeCode; anything but AA/AE/AR counts as a transport error. */
function exitCodeOf(typeCode: string | undefined): number {
  return typeCode === 'AA'
    ? SEND_EXIT.AA
    : typeCode === 'AE'
      ? SEND_EXIT.AE
      : typeCode === 'AR'
        ? SEND_EXIT.AR
        : SEND_EXIT.TRANSPORT;
}

/** A ready frame is sent as is; a CDA is (signed and) framed the way a client system does. */
async function messageOf(
  input: string,
  org: Organisation,
  options: { sign: boolean; serviceRequest: string; style: EnvelopeStyle },
): Promise<string> {
  const dom = parseDom(input);
  const root = dom.ok ? dom.doc.documentElement?.localName : undefined;
  if (root !== 'ClinicalDocument') {
    return input;
  }
  const cdaXml = options.sign ? signAsSystem(input, org) : input;
  const signedDom = parseDom(cdaXml);
  const parsed = signedDom.ok ? parseCda(signedDom.doc) : undefined;
  if (!parsed?.ok) {
    throw new Error('the CDA document cannot be read: run "kanta-sim validate" on it');
  }
  const now = new Date();
  const frame = buildArchiveFrame({
    serviceRequest: options.serviceRequest,
    messageId: { root: org.oid, extension: `send-${now.getTime()}` },
    senderOid: org.oid,
    creationTime: now,
    document: parsed.document,
    cdaBytes: Buffer.from(cdaXml, 'utf8'),
  });
  return options.style === 'bare' ? frame : wrapInSoap(frame, options.style);
}

type Answer =
  { ok: true; status: number; body: string; correlationId?: string } | { ok: false; error: string };

function post(
  url: string,
  message: string,
  org: Organisation,
  caPem: string,
  style: EnvelopeStyle,
  correlationId: string | undefined,
): Promise<Answer> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ ok: false, error: `not a URL: ${url}` });
      return;
    }
    const req = https.request(
      target,
      {
        method: 'POST',
        ca: caPem,
        cert: readFileSync(org.files.clientCert),
        key: readFileSync(org.files.clientKey),
        headers: {
          'content-type':
            style === 'soap12' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8',
          ...(correlationId ? { 'x-correlation-id': correlationId } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const id = res.headers['x-correlation-id'];
          resolve({
            ok: true,
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ...(typeof id === 'string' ? { correlationId: id } : {}),
          });
        });
        res.on('error', (e) => resolve({ ok: false, error: e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ ok: false, error: `${e.code ?? ''} ${e.message}`.trim() }),
    );
    req.end(message);
  });
}
