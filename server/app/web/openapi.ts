/**
 * The OpenAPI 3.1 description of the control API and the validation endpoint, served at
 * GET /__sim/openapi.json. Written by hand as data, beside the routes it describes (control-routes.ts,
 * validation-routes.ts): change both together.
 */

import { CLASSROOM_PATHS } from './openapi-classroom.js';
import { DOCUMENT_FILTER, JOURNAL_FILTER, OPENAPI_SCHEMAS, ref } from './openapi-schemas.js';

const json = (schema: object): object => ({ 'application/json': { schema } });
const ok = (description: string, schema: object = { type: 'object' }): object => ({
  description,
  content: json(schema),
});
const query = (name: string, description: string, schema: object = { type: 'string' }): object => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const error = { description: 'Invalid request', content: json(ref('Error')) };

export const OPENAPI_DOCUMENT = Object.freeze({
  openapi: '3.1.0',
  info: {
    title: 'kanta-sim control API',
    version: '1',
    description:
      'Control a running kanta-sim from tests: reset, inspect, wait, inject faults, move the clock, snapshot. ' +
      'Plain HTTP on the web listener, on loopback by default. Foreign Host names and cross-site state changes ' +
      'are refused (403); bodies must be application/json (415); off loopback every path but /__sim/health ' +
      'needs Authorization: Bearer <control token> (401/403). See docs/ci.md.',
  },
  paths: {
    '/__sim/health': {
      get: {
        summary: 'Ready only when both listeners and the database are up',
        responses: { '200': ok('ready', ref('Health')), '503': ok('starting', ref('Health')) },
      },
    },
    '/__sim/reset': {
      post: {
        summary:
          "Reset without restart. Whole: documents, journal, faults, clock. With register: that register keeper's documents and journal entries only.",
        parameters: [query('register', 'register keeper OID')],
        responses: {
          '200': ok('reset done', {
            type: 'object',
            properties: { register: { type: 'string' }, durationMs: { type: 'number' } },
          }),
          '400': error,
        },
      },
    },
    '/__sim/seed': {
      post: {
        summary: 'Seed organisations, professionals, archivists, test identities and pre-archived documents',
        requestBody: { required: true, content: json(ref('Scenario')) },
        responses: {
          '200': ok('seeded, or already applied (alreadyApplied: true)'),
          '400': error,
          '409': error,
        },
      },
    },
    '/__sim/identities': {
      get: {
        summary: 'Seeded test identities and the sentinel identities',
        responses: { '200': ok('identities') },
      },
    },
    '/__sim/documents': {
      get: {
        summary: 'Archived documents of every register (unscoped admin view)',
        parameters: Object.entries(DOCUMENT_FILTER.properties).map(([k, s]) => query(k, k, s)),
        responses: {
          '200': ok('documents', {
            type: 'object',
            properties: { total: { type: 'integer' }, documents: { type: 'array', items: ref('Document') } },
          }),
          '400': error,
        },
      },
    },
    '/__sim/journal': {
      get: {
        summary: 'Exchanges on the Kanta interface, oldest first (capped by journalCap)',
        parameters: Object.entries(JOURNAL_FILTER.properties).map(([k, s]) => query(k, k, s)),
        responses: {
          '200': ok('entries', {
            type: 'object',
            properties: { entries: { type: 'array', items: ref('JournalEntry') } },
          }),
          '400': error,
        },
      },
    },
    '/__sim/wait-for': {
      post: {
        summary: 'Long-poll until a matching document or journal entry exists, or time out',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['kind'],
            properties: {
              kind: { enum: ['document', 'journal'] },
              filter: { oneOf: [DOCUMENT_FILTER, JOURNAL_FILTER] },
              timeoutMs: { type: 'integer', minimum: 0, maximum: 120000, default: 5000 },
            },
          }),
        },
        responses: {
          '200': ok('matched', {
            type: 'object',
            properties: { matched: { const: true }, kind: { type: 'string' }, item: { type: 'object' } },
          }),
          '408': ok('timed out', {
            type: 'object',
            properties: {
              matched: { const: false },
              kind: { type: 'string' },
              timeoutMs: { type: 'integer' },
            },
          }),
          '400': error,
        },
      },
    },
    '/__sim/faults': {
      get: {
        summary: 'Active faults',
        responses: {
          '200': ok('faults', {
            type: 'object',
            properties: { faults: { type: 'array', items: ref('Fault') } },
          }),
        },
      },
      post: {
        summary: 'Add a fault',
        requestBody: { required: true, content: json(ref('FaultSpec')) },
        responses: { '201': ok('added', ref('Fault')), '400': error },
      },
      delete: {
        summary: 'Clear every fault',
        responses: { '200': ok('cleared', { type: 'object', properties: { cleared: { type: 'integer' } } }) },
      },
    },
    '/__sim/faults/{id}': {
      delete: {
        summary: 'Remove one fault',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'removed' }, '404': error },
      },
    },
    '/__sim/clock': {
      get: { summary: 'The simulated clock', responses: { '200': ok('clock', ref('Clock')) } },
      put: {
        summary: 'Fix, offset or reset "now" (acknowledgement times, certificate validity, archivedAt)',
        requestBody: {
          required: true,
          content: json({
            oneOf: [
              { type: 'object', properties: { mode: { const: 'real' } }, required: ['mode'] },
              {
                type: 'object',
                properties: { mode: { const: 'fixed' }, at: { type: 'string', format: 'date-time' } },
                required: ['at'],
              },
              {
                type: 'object',
                properties: { mode: { const: 'offset' }, offsetMs: { type: 'number' } },
                required: ['offsetMs'],
              },
            ],
          }),
        },
        responses: { '200': ok('clock', ref('Clock')), '400': error },
      },
    },
    '/__sim/snapshots': {
      get: { summary: 'Saved snapshots', responses: { '200': ok('snapshots') } },
      post: {
        summary: 'Save the database under a name (replaces a snapshot of that name)',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
          }),
        },
        responses: { '201': ok('saved', ref('Snapshot')), '400': error },
      },
    },
    '/__sim/snapshots/{name}/restore': {
      post: {
        summary: 'Replace the database content with a snapshot',
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': ok('restored', ref('Snapshot')), '404': error },
      },
    },
    '/__sim/openapi.json': { get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1') } } },
    '/shark-validointi/validoi/asiakirja/tulos': {
      post: {
        summary: 'The validation service (SHARK): validate a frame and a document without archiving',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: {
              messageId: { type: 'string' },
              palveluPyynto: { type: 'string', examples: ['SP1', 'SP17'] },
              level: { type: 'string', examples: ['1'] },
              siirtokehysXml: {
                type: 'string',
                description: 'the frame; its MIME text may be a placeholder',
              },
              asiakirjaXml: { type: 'string', description: 'the CDA document' },
            },
          }),
        },
        responses: {
          '200': {
            description: 'Empty body when valid; {description: "1: ...; 2: ..."} when not',
            content: json({
              type: 'object',
              properties: { messageId: { type: 'string' }, description: { type: 'string' } },
            }),
          },
          '400': error,
        },
      },
    },
    ...CLASSROOM_PATHS,
  },
  components: {
    schemas: OPENAPI_SCHEMAS,
  },
});
