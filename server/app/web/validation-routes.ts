/**
 * The validation service of SHA-SPEC section 9 (SHARK) on the web listener, with the real request and
 * answer shapes so that existing vendor validation tools can point at kanta-sim:
 * POST /shark-validointi/validoi/asiakirja/tulos {messageId, palveluPyynto, level, siirtokehysXml,
 * asiakirjaXml} -> 200 with an empty body when valid, else 200 with JSON {"description": "1: ...; 2: ..."}.
 * (The status of an invalid answer is not public [S]; kanta-sim answers 200, the body tells.)
 */
import express, { type Router } from 'express';
import { validateSubmission, type ValidationContext } from '../../control/validate-submission.js';
import { KantaSimError } from '../../errors.js';
import type { RuleViolation } from '../../rules/rule.js';

export const SHARK_PATH = '/shark-validointi/validoi/asiakirja/tulos';

/** Mounts the SHARK endpoint; `context` gives the archive's code lists, trust and clock at call time. */
export function validationRoutes(context: () => ValidationContext): Router {
  const r = express.Router();
  r.post(SHARK_PATH, express.json({ limit: '20mb' }), (req, res) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    for (const key of ['siirtokehysXml', 'asiakirjaXml', 'palveluPyynto', 'messageId', 'level']) {
      if (body[key] !== undefined && typeof body[key] !== 'string') {
        throw new KantaSimError('BAD_REQUEST', `"${key}" must be a string`);
      }
    }
    const frameXml = body.siirtokehysXml as string | undefined;
    const cdaXml = body.asiakirjaXml as string | undefined;
    if (!frameXml && !cdaXml) {
      throw new KantaSimError('BAD_REQUEST', 'give "siirtokehysXml" and/or "asiakirjaXml"');
    }
    const report = validateSubmission(
      {
        ...(frameXml ? { frameXml } : {}),
        ...(cdaXml ? { cdaXml } : {}),
        ...(body.palveluPyynto ? { serviceRequest: body.palveluPyynto as string } : {}),
      },
      context(),
    );
    if (report.ok) {
      res.status(200).end();
      return;
    }
    res.status(200).json({
      ...(body.messageId ? { messageId: body.messageId } : {}),
      description: describeViolations(report.violations),
    });
  });
  return r;
}

/** "1: [CODE] text (detail) @ location; 2: ..." - the numbered form SHARK answers with. */
export function describeViolations(violations: readonly RuleViolation[]): string {
  return violations
    .map((v, i) => {
      const detail = v.detail ? ` (${v.detail.replace(/;\s*/g, ', ')})` : '';
      return `${i + 1}: [${v.rule.code}] ${v.rule.fi}${detail} @ ${v.location}`;
    })
    .join('; ');
}
