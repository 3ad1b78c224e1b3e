import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // SvelteKit's plugin resolves $lib and $env for the unit tests of the server modules.
  plugins: [sveltekit()],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The e2e and start tests share the one dashboard build (made first when stale): one file at a time.
    fileParallelism: false,
    // Building the dashboard (when its sources changed) and seeding the demo happen before the e2e tests.
    hookTimeout: 180_000,
    // The JSON report feeds the one-line total that .ci/run prints.
    reporters: ['default', ['json', { outputFile: '../test-results/dashboard.json' }]],
  },
});
