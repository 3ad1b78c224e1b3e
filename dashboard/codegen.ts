import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the named operations in schema/operations, generated from the checked-in schema (never a live
 * server). Documents are emitted as typed strings: the dashboard sends them from its server-side loads, so
 * no GraphQL AST or client library reaches the browser. `pnpm check` fails when this output is stale.
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: '../schema/operations/*.graphql',
  ignoreNoDocuments: false,
  generates: {
    'src/lib/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
