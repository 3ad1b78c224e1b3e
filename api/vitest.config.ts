import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Load graphql as Node does (its CommonJS build), not through the "module" field: type-graphql,
  // Apollo and graphql-scalars get Node's copy, and two copies cannot share a schema.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // type-graphql decorators need the Reflect metadata API before any decorated class loads (as in cli.ts).
    setupFiles: ['reflect-metadata'],
    // Two cores: files run in parallel, each against its own fresh databases.
    fileParallelism: true,
    maxWorkers: 2,
    // Nothing may depend on the machine's or the database session's time zone: run far from UTC.
    env: { TZ: 'Pacific/Chatham', PGOPTIONS: '-c timezone=America/Sao_Paulo' },
    // Generous: tests that start the CLI (a few seconds each when idle) slow down several-fold on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report feeds the one-line total that .ci/run prints.
    reporters: ['default', ['json', { outputFile: '../test-results/api.json' }]],
  },
});
