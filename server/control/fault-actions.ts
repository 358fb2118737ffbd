/**
 * What a fault does to one exchange, built as the Kanta interface's ExchangeIntervention: the answer (an
 * acknowledgement, a raw HTTP 503, a SOAP fault, or a dropped connection) and the outcome the journal
 * records for it.
 */
import type { ExchangeIntervention } from '../archive/exchange.js';
import type { ExchangeOutcome } from '../archive/archive-answer.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleDefinition } from '../rules/rule.js';
import type { EnvelopeStyle } from '../wire/archive-frame.js';
import { escapeXml } from '../xml/xml-writer.js';
import type { ExchangeProbe } from './exchange-probe.js';
import type { FaultSpec } from './fault-spec.js';

/** The terminal action of a fault (everything but a delay). */
export function faultAction(
  spec: FaultSpec,
  faultId: string,
  probe: ExchangeProbe,
): NonNullable<ExchangeIntervention['action']> | undefined {
  const context = outcomeContext(probe);
  const detail = spec.detail ?? `simulated fault ${faultId}`;
  switch (spec.kind) {
    case 'delay':
      return undefined;
    case 'ae':
    case 'ar': {
      const fallback = spec.kind === 'ae' ? RULES.ARCHIVE_UNAVAILABLE : RULES.SIM_FAULT_REJECTED;
      const rule = (spec.rule ? RULES[spec.rule as keyof typeof RULES] : undefined) ?? fallback;
      return { kind: 'answer', outcome: forced(spec.kind === 'ae' ? 'AE' : 'AR', rule, detail, context) };
    }
    case 'http-503':
      return {
        kind: 'http',
        status: 503,
        contentType: 'text/plain; charset=utf-8',
        body: `kanta-sim: the archive is unavailable (${detail})\n`,
        outcome: forced('AE', RULES.ARCHIVE_UNAVAILABLE, detail, { ...context, httpStatus: 503 }),
      };
    case 'soap-fault':
      return {
        kind: 'http',
        status: 500,
        ...soapFault(probe.style, detail),
        outcome: forced('AE', RULES.ARCHIVE_UNAVAILABLE, detail, { ...context, httpStatus: 500 }),
      };
    case 'drop':
      return {
        kind: 'drop',
        outcome: forced('AE', RULES.ARCHIVE_UNAVAILABLE, detail, { ...context, httpStatus: 0 }),
      };
  }
}

type OutcomeContext = Omit<ExchangeOutcome, 'typeCode' | 'violations' | 'warnings' | 'httpStatus'> & {
  readonly httpStatus?: number;
};

function outcomeContext(probe: ExchangeProbe): OutcomeContext {
  const f = probe.frame;
  return {
    style: probe.style,
    ...(f?.messageId ? { targetMessageId: f.messageId } : {}),
    ...(f?.senderOid ? { senderOid: f.senderOid } : {}),
    ...(probe.interaction ? { interactionId: probe.interaction } : {}),
    ...(probe.serviceRequest ? { serviceRequest: probe.serviceRequest } : {}),
    ...(f?.document?.id ? { documentId: f.document.id } : {}),
  };
}

/** An outcome of the given type whatever the rule's own severity: the fault decides. */
function forced(
  typeCode: 'AE' | 'AR',
  rule: RuleDefinition,
  detail: string,
  context: OutcomeContext,
): ExchangeOutcome {
  return {
    ...context,
    typeCode,
    violations: [violation(rule, '/', detail)],
    warnings: [],
    httpStatus: context.httpStatus ?? 200,
  };
}

/** A SOAP Fault in the caller's SOAP version (1.1 for a bare message, as most SOAP stacks expect). */
function soapFault(style: EnvelopeStyle, reason: string): { contentType: string; body: string } {
  const text = escapeXml(`kanta-sim: ${reason}`);
  if (style === 'soap12') {
    return {
      contentType: 'application/soap+xml; charset=utf-8',
      body:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>' +
        '<env:Code><env:Value>env:Receiver</env:Value></env:Code>' +
        `<env:Reason><env:Text xml:lang="en">${text}</env:Text></env:Reason>` +
        '</env:Fault></env:Body></env:Envelope>\n',
    };
  }
  return {
    contentType: 'text/xml; charset=utf-8',
    body:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
      `<faultcode>soap:Server</faultcode><faultstring>${text}</faultstring>` +
      '</soap:Fault></soap:Body></soap:Envelope>\n',
  };
}
