// The API's layers, checked by `pnpm check` (dependency-cruiser): no import cycles; core/ depends on
// nothing of the application; services know no transport; database/ knows no domain module. The
// composition root (app/, server/, cli/) is what wires modules, database and transports together.
// docs/architecture.md describes the layers. No exceptions: a violation is fixed, not listed here.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Import cycles: compose at the composition root (app/, server/) instead.',
      severity: 'error',
      from: { path: '^api/src/' },
      to: { circular: true },
    },
    {
      name: 'core-depends-on-nothing',
      comment: 'core/ (domain errors, pagination, conditions, time) is plain TypeScript every layer may use.',
      severity: 'error',
      from: { path: '^api/src/core/' },
      to: { path: '^api/src/(?!core/)' },
    },
    {
      name: 'services-know-no-transport',
      comment:
        'Services throw DomainError (core/errors.ts) and take core/ page and filter types; resolvers, ' +
        'plugins and routes map them to GraphQL or HTTP.',
      severity: 'error',
      from: { path: '^api/src/modules/.+[.]service[.]ts$' },
      to: { path: '^api/src/(graphql|server)/' },
    },
    {
      name: 'only-the-transport-face-of-a-module-knows-transport',
      comment:
        'In modules/, only the files that are the GraphQL or HTTP face of a module import graphql/ or ' +
        'server/: resolvers, their types (dto/ and the entities, which are type-graphql object types), Apollo ' +
        'plugins (*.plugin.ts) and request hooks (*.hook.ts). Anything else that reads GraphQL documents or ' +
        'schemas (access enforcement, cacheability) lives in graphql/.',
      severity: 'error',
      from: {
        path: '^api/src/modules/',
        pathNot: '^api/src/modules/.+([.](resolver|entity|plugin|hook)[.]ts|/dto/[^/]+[.]ts)$',
      },
      to: { path: '^api/src/(graphql|server)/' },
    },
    {
      name: 'database-knows-no-modules',
      comment: 'database/ is infrastructure: entities and start-up steps are handed to it by app/orm.ts.',
      severity: 'error',
      from: { path: '^api/src/database/' },
      to: { path: '^api/src/(modules|graphql|server|app|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'api/tsconfig.json' },
  },
};
