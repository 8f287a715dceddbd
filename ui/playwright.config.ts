import { defineConfig } from '@playwright/test';

// `make e2e` (scripts/test.sh) prepares a fresh, migrated database with an administrator, builds
// the UI and picks two free ports; Playwright then starts the real API (gunicorn), the job worker
// and the built UI (vite preview, forwarding /api) itself, and stops them when the tests end.
const { DATABASE_URL, SECRET_KEY, E2E_API_PORT, E2E_UI_PORT, E2E_MAIL_PORT, E2E_MAIL_DIR } =
  process.env;
if (
  !DATABASE_URL ||
  !SECRET_KEY ||
  !E2E_API_PORT ||
  !E2E_UI_PORT ||
  !E2E_MAIL_PORT ||
  !E2E_MAIL_DIR
) {
  throw new Error(
    'run the end-to-end tests with `make e2e`: it sets DATABASE_URL, SECRET_KEY, the ports and the mail folder',
  );
}
const api = `http://127.0.0.1:${E2E_API_PORT}`;
const baseURL = `http://127.0.0.1:${E2E_UI_PORT}`;

export default defineConfig({
  // e2e/ holds what every app has (accounts, theme, docs); a feature's own specs live in its
  // folder (src/tasks/*.e2e.ts), so removing the feature removes them.
  testDir: '.',
  testMatch: ['e2e/**/*.spec.ts', 'src/**/*.e2e.ts'],
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  webServer: [
    {
      // The mail sink: the API sends through it, the specs read its .eml files (e2e/mail.ts).
      command: `.venv/bin/python -m devtools.mail_sink --port ${E2E_MAIL_PORT} --dir ${E2E_MAIL_DIR}`,
      cwd: '../flaskBackend',
      port: Number(E2E_MAIL_PORT),
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: '../flaskBackend/.venv/bin/gunicorn -c gunicorn.conf.py --access-logfile /dev/null',
      cwd: '../flaskBackend',
      url: `${api}/api/health`,
      // APP_ENV=test: the refresh cookie is Secure, which browsers accept from 127.0.0.1. The flow
      // signs in and refreshes more often than the per-minute limit a real user gets.
      env: {
        DATABASE_URL,
        SECRET_KEY,
        APP_ENV: 'test',
        LOG_LEVEL: 'WARNING',
        AUTH_RATE_LIMIT: '1000/minute',
        AUTH_EMAIL_RATE_LIMIT: '1000/minute',
        RESET_MAIL_RATE_LIMIT: '1000/minute',
        REFRESH_RATE_LIMIT: '1000/minute',
        API_HOST: '127.0.0.1',
        API_PORT: E2E_API_PORT,
        GUNICORN_WORKERS: '2',
        SMTP_URL: `smtp://127.0.0.1:${E2E_MAIL_PORT}`,
        PUBLIC_UI_URL: baseURL,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The job worker: the reset mail goes out through it (the schedules are not its business).
      command: '../flaskBackend/.venv/bin/flask --app app worker --queue default',
      cwd: '../flaskBackend',
      env: {
        DATABASE_URL,
        SECRET_KEY,
        APP_ENV: 'test',
        LOG_LEVEL: 'WARNING',
        SMTP_URL: `smtp://127.0.0.1:${E2E_MAIL_PORT}`,
        PUBLIC_UI_URL: baseURL,
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'node_modules/.bin/vite preview',
      url: baseURL,
      env: { API_PORT: E2E_API_PORT, UI_PORT: E2E_UI_PORT },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright downloads no browser of its own here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
