/**
 * The classroom's paths of the OpenAPI document (openapi.ts joins them in), beside the routes they
 * describe (classroom-routes.ts): change both together.
 */
const json = (schema: object): object => ({ 'application/json': { schema } });
const ok = (description: string): object => ({ description, content: json({ type: 'object' }) });
const error = (description: string): object => ({
  description,
  content: json({ $ref: '#/components/schemas/Error' }),
});
const trainees = {
  description: '"all" (default) or a list of trainees by number or username ("trainee03")',
  oneOf: [{ const: 'all' }, { type: 'array', items: { type: ['integer', 'string'] } }],
};
const body = (properties: object, required: readonly string[]): object => ({
  required: true,
  content: json({ type: 'object', properties, required }),
});

export const CLASSROOM_PATHS = Object.freeze({
  '/__sim/classroom': {
    get: {
      summary: 'The class: accounts (with the card passwords), sign-in state and what each trainee did',
      responses: { '200': ok('the class overview (no trainees when no class was made)') },
    },
    post: {
      summary:
        'Make a class of N trainee sandboxes, or find it: the same class again changes nothing ("existing"), ' +
        'more trainees are added ("extended"), ifExists "reset" brings every sandbox back to the scenario',
      requestBody: body(
        {
          trainees: { type: 'integer', minimum: 1, maximum: 60 },
          scenario: { type: 'string', description: 'a scenario name; default the shipped default' },
          lang: { enum: ['fi', 'sv', 'en'] },
          ifExists: { enum: ['keep', 'reset'] },
        },
        ['trainees'],
      ),
      responses: {
        '201': ok('created'),
        '200': ok('existing, extended or reset'),
        '400': error('invalid input'),
        '404': error('unknown scenario'),
        '409': error('fewer trainees, another language, or another scenario without reset'),
      },
    },
  },
  '/__sim/classroom/reset': {
    post: {
      summary:
        'Reset one sandbox ({trainee}) or the whole class ({}): documents, compare and invalidation ' +
        'records, usage log rows, sessions',
      requestBody: {
        required: false,
        content: json({ type: 'object', properties: { trainee: { type: ['integer', 'string'] } } }),
      },
      responses: { '200': ok('reset'), '404': error('no class, or no such trainee') },
    },
  },
  '/__sim/classroom/options': {
    get: {
      summary: 'The document templates archive-now offers and the rules fail-next offers',
      responses: { '200': ok('templates and rules') },
    },
  },
  '/__sim/classroom/archive-now': {
    post: {
      summary: 'Archive a fresh document for a scenario client into sandboxes, over the Kanta interface',
      requestBody: body({ template: { type: 'string' }, hetu: { type: 'string' }, trainees }, [
        'template',
        'hetu',
      ]),
      responses: {
        '200': ok('per trainee: archived (with documentId) or refused (with rules)'),
        '400': error('unknown template or client'),
        '404': error('no class, or no such trainee'),
      },
    },
  },
  '/__sim/classroom/fail-next': {
    post: {
      summary: 'Refuse the next document of the chosen sandboxes with the chosen rule (see /options)',
      requestBody: body({ rule: { type: 'string' }, trainees }, ['rule']),
      responses: {
        '200': ok('per trainee: the staged fault'),
        '400': error('a rule not on the list'),
        '404': error('no class, or no such trainee'),
      },
    },
  },
});
