import { defineConfig } from 'vitest/config';

// The e2e suite drives the built dashboard from outside, so it needs none of the SvelteKit Vite plugin.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Building the dashboard (when its sources changed) and seeding the demo happen before the first test.
    hookTimeout: 180_000,
    // The JSON report feeds the one-line total that .ci/run prints.
    reporters: ['default', ['json', { outputFile: '../test-results/dashboard.json' }]],
  },
});
