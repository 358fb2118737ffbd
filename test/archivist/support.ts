/**
 * Test support for the archivist interface over HTTP: a cookie-keeping supertest agent per archivist, the
 * CSRF token scraped from a page, and documents archived for the demo organiser or the provider.
 */
import request from 'supertest';
import type { DocumentSpec } from '../../server/cda/build-spec.js';
import { assessment, clientPlan } from '../../server/cda/templates-documents.js';
import { buildSignedMessage } from '../../server/samples/signed-message.js';
import type { OrganisationCredentials } from '../../server/index.js';
import { buildMessage, type MessageChange } from '../support/message-builder.js';
import { send, type KantaSimInstance } from '../support/sim.js';

export type Agent = ReturnType<typeof request.agent>;

export interface SignedIn {
  readonly agent: Agent;
  readonly csrf: string;
}

/** The value of the first `name="csrf"` field in a page. */
export function csrfOf(html: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) {
    throw new Error('no CSRF field in the page');
  }
  return m[1];
}

/** Signs in with the demo button (the demo organiser's archivist). */
export async function signInDemo(sim: KantaSimInstance): Promise<SignedIn> {
  const agent = request.agent(sim.webUrl);
  const login = await agent.get('/archivist/login');
  await agent
    .post('/archivist/demo')
    .type('form')
    .send({ csrf: csrfOf(login.text) })
    .expect(303);
  const page = await agent.get('/archivist/search').expect(200);
  return { agent, csrf: csrfOf(page.text) };
}

/** Signs in by username and password. */
export async function signIn(sim: KantaSimInstance, username: string, password: string): Promise<SignedIn> {
  const agent = request.agent(sim.webUrl);
  const login = await agent.get('/archivist/login');
  await agent
    .post('/archivist/login')
    .type('form')
    .send({ csrf: csrfOf(login.text), username, password })
    .expect(303);
  const page = await agent.get('/archivist/search').expect(200);
  return { agent, csrf: csrfOf(page.text) };
}

/** Archives a valid client document into `as`'s own register and returns its id (fails unless AA). */
export async function archive(
  sim: KantaSimInstance,
  as: OrganisationCredentials = sim.demo.organiser,
  change: MessageChange = {},
): Promise<string> {
  const built = buildMessage({ organiser: as, professional: sim.demo.professional }, change);
  const result = await send(sim, built.messageXml, { as });
  if (result.ack.typeCode !== 'AA') {
    throw new Error(`expected AA, got ${result.ack.typeCode}: ${result.body.slice(0, 2000)}`);
  }
  return built.document.id;
}

/** The story's test client (individual number 9xx). */
export const STORY_CLIENT = Object.freeze({
  hetu: '010181-900C',
  given: ['Emilia'],
  family: 'Testinen',
  gender: '2' as const,
});

/** Signs and frames a spec as the given organisation's client system would, and archives it (AA or throws). */
export async function archiveSpec(
  sim: KantaSimInstance,
  spec: DocumentSpec,
  as: OrganisationCredentials = sim.demo.organiser,
): Promise<string> {
  const pro = sim.demo.professional;
  const { messageXml } = buildSignedMessage({
    spec,
    serviceRequest: 'SP17',
    senderOid: as.oid,
    messageId: { root: as.oid, extension: `m-${spec.id}` },
    creationTime: new Date(),
    system: { keyPem: as.signingKeyPem, certPem: as.signingCertPem },
    professionals:
      spec.signers.length > 0 ? [{ keyPem: pro.keyPem, certPem: pro.certPem, regNo: pro.regno }] : [],
  });
  const result = await send(sim, messageXml, { as });
  if (result.ack.typeCode !== 'AA') {
    throw new Error(`expected AA, got ${result.ack.typeCode}: ${result.body.slice(0, 2000)}`);
  }
  return spec.id;
}

let seq = 0;

/** One case of the story client: assessment, client plan and a corrected plan (version 2). */
export function caseStory(sim: KantaSimInstance, daysAgo = 30) {
  const org = sim.demo.organiser;
  const stamp = `${Date.now()}${(seq += 1)}`;
  const id = (n: number): string => `${org.oid.replace(/\.10\.0$/, '')}.95.2026.${stamp}.${n}`;
  const day = (d: number): Date => new Date(Date.now() - d * 86_400_000);
  const base = (n: number, d: number) => ({
    id: id(n),
    caseId: `${org.oid.replace(/\.10\.0$/, '')}.96.2026.${stamp}`,
    client: STORY_CLIENT,
    organiser: { oid: org.oid, name: org.name },
    serviceUnit: org.units[0] ?? { oid: org.oid, name: org.name },
    author: {
      regNo: sim.demo.professional.regno,
      given: sim.demo.professional.given,
      family: sim.demo.professional.family,
    },
    date: day(d),
  });
  const assessmentSpec = assessment(base(1, daysAgo));
  const planV1 = clientPlan(base(2, daysAgo - 5));
  const planV2: DocumentSpec = {
    ...clientPlan({
      ...base(3, daysAgo - 10),
      meetings: 'Omatyöntekijä tapaa perhettä kotikäynnein viikoittain.',
    }),
    setId: planV1.id,
    versionNumber: 2,
    replaces: { parentId: planV1.id },
    reasonOfCorrection: { code: '1', displayName: 'Virheellinen tieto korjattu' },
  };
  return { assessment: assessmentSpec, planV1, planV2 };
}
