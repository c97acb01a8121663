import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The back-office web app (docs/decisions/0006): built to dist/web, served by the API under
 * /app. `npx vite --config apps/web/vite.config.mts` serves it for development, calling the API
 * on 127.0.0.1:3000 through the proxy below.
 */
export default defineConfig({
  root: here,
  base: '/app/',
  // React's JSX with the automatic runtime, compiled by Vite's own transformer (no Babel).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components): meaningless in this single-page app.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: Object.fromEntries(
      ['/app/config.json', '/me', '/cases', '/tasks', '/rules', '/reports', '/incapacities', '/audit'].map((path) => [
        path,
        'http://127.0.0.1:3000',
      ]),
    ),
  },
});
