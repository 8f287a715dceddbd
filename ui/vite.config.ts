/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The browser only ever talks to this origin; /api is forwarded to Flask, so the refresh
// cookie (SameSite=Strict, Path=/api/auth) is first-party and no CORS is involved.
// API_PROXY_TARGET names another host (the api service, in docker-compose.dev.yml).
const target = process.env.API_PROXY_TARGET ?? `http://127.0.0.1:${process.env.API_PORT ?? '8000'}`;
const api = { '/api': { target, changeOrigin: false } };
const port = Number(process.env.UI_PORT ?? 5173);

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy: api },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy: api },
  build: { sourcemap: false },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    testTimeout: 20_000, // above asyncUtilTimeout (src/test/setup.ts), so a wait fails with its own message
  },
});
