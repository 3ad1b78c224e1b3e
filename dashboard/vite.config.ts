import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { port: 3000 },
  // The plugin-timing report is about SvelteKit's own plugins on a busy machine: noise in `pnpm start`.
  build: { rolldownOptions: { checks: { pluginTimings: false } } },
});
