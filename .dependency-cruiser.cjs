/**
 * The floors of the house, as code: `npm run lint` (and so .ci/run) fails when an import runs up a floor,
 * sideways between two folders of one floor, or round in a circle. docs/architecture.md draws the same floors.
 *
 * A folder may import its own files and the folders on the floors below it, nothing else. Types shared by
 * two floors live on the lower one. To add a folder, give it a floor here and a line in README's layout.
 */
const FLOORS = [
  // ground: the rule vocabulary, the error and logging types everything speaks
  ['server/rules', 'server/errors.ts', 'server/logger.ts'],
  // tools without domain: XML reading and limits, worker threads, code lists
  ['server/xml', 'server/workers', 'server/codes'],
  // HL7 V3 datatypes, OIDs and the hetu, below both the document and the frame readers
  ['server/hl7'],
  // persistence and the test PKI
  ['server/store', 'server/pki'],
  // the signed document: CDA R2 reading and building, the signature profile, configuration
  ['server/cda', 'server/signature', 'server/config.ts'],
  // the HL7 V3 frame, SOAP and MIME: bytes to a typed inbound request and results back to bytes
  ['server/wire'],
  // the archive's decisions; signed sample documents for tools, fixtures and seeds
  ['server/archive', 'server/samples'],
  // services built on the archive
  ['server/archivist', 'server/rehearsal'],
  ['server/control'],
  // the classroom: trainee sandboxes built from scenarios and seeds, the trainer's console, exercises
  ['server/classroom'],
  // server-rendered views: view models in, HTML out
  ['archivist-ui'],
  // the surfaces: the Kanta interface, the web and control API, the archivist interface
  ['server/app'],
  // the composition root and the library entry
  ['server/compose'],
  ['server/index.ts'],
  // the process
  ['server/cli'],
  ['server/main.ts'],
];

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A path pattern for a folder (every file under it) or a single file. */
const pattern = (place) => (place.endsWith('.ts') ? `^${escapeRegExp(place)}$` : `^${escapeRegExp(place)}/`);

const upOrSideways = FLOORS.flatMap((floor, level) =>
  floor.map((place) => ({
    name: `floor-${level}:${place}`,
    comment: `${place} may import only its own files and the floors below it`,
    severity: 'error',
    from: { path: pattern(place) },
    to: {
      path: FLOORS.slice(level)
        .flat()
        .filter((other) => other !== place)
        .map(pattern),
    },
  })),
).filter((rule) => rule.to.path.length > 0);

const everyPlace = FLOORS.flat().map(pattern);

/**
 * The app's surfaces stand side by side on its floor: the Kanta interface (mutual TLS), the web and control
 * API, the archivist interface. None imports another, so each can change without reading the others; what
 * two of them need (the error middleware, the listeners, the web listener's gate and composition) lives in
 * server/app/ itself.
 */
const SURFACES = ['server/app/kanta', 'server/app/web', 'server/app/archivist'];

const surfacesApart = SURFACES.map((surface) => ({
  name: `surface:${surface}`,
  comment: `${surface} is one surface of the app: it does not import another one`,
  severity: 'error',
  from: { path: pattern(surface) },
  to: { path: SURFACES.filter((other) => other !== surface).map(pattern) },
}));

module.exports = {
  forbidden: [
    ...upOrSideways,
    ...surfacesApart,
    {
      name: 'every-file-on-a-floor',
      comment: 'a folder or top-level file that no floor names has no rules: give it a floor above',
      severity: 'error',
      from: { path: '^(server|archivist-ui)/', pathNot: everyPlace },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'files that import each other in a loop cannot be read, tested or moved one at a time',
      severity: 'error',
      from: { path: '^(server|archivist-ui)/' },
      to: { circular: true },
    },
    {
      name: 'product-not-from-tests',
      comment: 'the shipped code never imports test support, the benchmark or the build scripts',
      severity: 'error',
      from: { path: '^(server|archivist-ui)/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'views-not-from-store',
      comment: 'the views read view models, never store rows: a store change must not reach the markup',
      severity: 'error',
      from: { path: '^archivist-ui/' },
      to: { path: '^server/store/' },
    },
    {
      name: 'views-read-view-models',
      comment:
        'from the server, the views import only the view models made for them (server/*/view-models.ts)',
      severity: 'error',
      from: { path: '^archivist-ui/' },
      to: { path: '^server/', pathNot: '^server/(archivist|rehearsal|classroom)/view-models\\.ts$' },
    },
    {
      name: 'xml-dom-only-in-readers',
      comment:
        'only the readers (xml, hl7, cda, signature, wire) walk a DOM; the domain and the surfaces get typed values',
      severity: 'error',
      from: { path: '^(server|archivist-ui)/', pathNot: '^server/(xml|hl7|cda|signature|wire)/' },
      to: { path: '(^|/)node_modules/@xmldom/' },
    },
    {
      name: 'sqlite-only-in-store',
      comment: 'only store/ speaks SQL; every other floor goes through a store interface',
      severity: 'error',
      from: { path: '^(server|archivist-ui)/', pathNot: '^server/store/' },
      to: { path: '(^|/)node_modules/better-sqlite3/' },
    },
  ],
  options: {
    includeOnly: [
      '^server/',
      '^archivist-ui/',
      '(^|/)node_modules/better-sqlite3/',
      '(^|/)node_modules/@xmldom/',
    ],
    exclude: { path: '\\.d\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
