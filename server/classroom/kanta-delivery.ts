/**
 * Sends one archiving message to this kanta-sim's own Kanta interface, over mutual TLS as the organisation,
 * exactly as a client system would. "Archive now" goes this way rather than calling the archive service,
 * so the document meets the same fault hook (a staged "next document fails"), lands in the journal and is
 * announced on the archivist interface's live panel like any arriving document.
 */
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import type { ExchangeOutcome } from '../archive/archive-answer.js';
import { KantaSimError } from '../errors.js';
import type { Organisation } from '../pki/organisations.js';
import { RULES } from '../rules/catalogue.js';
import type { RuleDefinition, RuleSeverity, RuleViolation } from '../rules/rule.js';
import { parseAcknowledgement, type ParsedAcknowledgementDetail } from '../wire/acknowledgement.js';

/** Where the Kanta interface listens (known once it does) and the CA bundle its server certificate needs. */
export interface KantaEndpoint {
  readonly url: string;
  readonly caPem: string;
}

/** A seed `archive` function (seed.ts SeedDeps) that travels over the Kanta interface. */
export function deliverOverKanta(
  endpoint: () => KantaEndpoint | undefined,
): (messageBytes: Buffer, as: Organisation) => Promise<ExchangeOutcome> {
  return async (messageBytes, as) => {
    const target = endpoint();
    if (!target) {
      throw new KantaSimError('SERVICE_UNAVAILABLE', 'the Kanta interface is not listening yet');
    }
    const [cert, key] = await Promise.all([readFile(as.files.clientCert), readFile(as.files.clientKey)]);
    const answer = await post(target, messageBytes, cert, key);
    const ack = parseAcknowledgement(answer);
    const typeCode = ack.typeCode === 'AA' || ack.typeCode === 'AR' ? ack.typeCode : 'AE';
    const details = ack.details.map(toViolation);
    return {
      typeCode,
      violations: details.filter((v) => v.rule.severity !== 'W'),
      warnings: details.filter((v) => v.rule.severity === 'W'),
      style: ack.style,
      httpStatus: 200,
    };
  };
}

function post(target: KantaEndpoint, body: Buffer, cert: Buffer, key: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      target.url,
      {
        method: 'POST',
        ca: target.caPem,
        cert,
        key,
        headers: { 'content-type': 'text/xml; charset=utf-8' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', (e) =>
      reject(
        new KantaSimError('SERVICE_UNAVAILABLE', `the Kanta interface did not answer: ${e.message}`, {
          cause: e,
        }),
      ),
    );
    req.end(body);
  });
}

/** A detail of the acknowledgement as the rule it names (the catalogue's, or as the answer worded it). */
function toViolation(d: ParsedAcknowledgementDetail): RuleViolation {
  const known = d.code === undefined ? undefined : (RULES as Record<string, RuleDefinition>)[d.code];
  const severity: RuleSeverity = d.typeCode === 'W' ? 'W' : d.typeCode === 'AR' ? 'AR' : 'AE';
  const rule = known ?? {
    code: d.code ?? 'UNKNOWN',
    severity,
    fi: d.text ?? '',
    sv: d.text ?? '',
    en: d.text ?? '',
  };
  return { rule, location: d.location ?? '/', ...(d.text === undefined ? {} : { detail: d.text }) };
}
