/**
 * Module boundaries of the modular monolith (docs/ARCHITECTURE.md, "Module contract"), checked by
 * `npm run lint`. A module is imported only through its one public entry, `modules/<name>/index.ts`.
 */
const MODULE_ENTRY = '^src/(server|web)/modules/[^/]+/index\\.tsx?$';
const MODULE_LIST = '^src/(server|web)/modules/index\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'An import cycle ties modules together; cut it by moving the shared part down (platform, shared).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-other-module-internals',
      comment: "A module imports another module only through that module's index.ts.",
      severity: 'error',
      from: { path: '^src/(server|web)/modules/([^/]+)/' },
      to: {
        path: '^src/$1/modules/[^/]+/',
        pathNot: ['^src/$1/modules/$2/', MODULE_ENTRY],
      },
    },
    {
      name: 'no-module-internals-from-outside',
      comment: 'App, platform, plugins, demo and test helpers use a module through its index.ts.',
      severity: 'error',
      from: { path: '^src/(server|web)/', pathNot: '^src/(server|web)/modules/' },
      to: { path: '^src/(server|web)/modules/[^/]+/', pathNot: [MODULE_ENTRY, MODULE_LIST] },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'The platform layer is below every module: it never imports one.',
      severity: 'error',
      from: { path: '^src/server/(platform|db)/' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'shared-is-pure',
      comment: 'src/shared is used by server and browser alike: it imports neither.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'web-not-server',
      comment: 'The browser code never imports server code.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.json$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
