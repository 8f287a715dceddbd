// make lighthouse: the four Lighthouse category scores of sign-in and the task list, mobile and
// desktop, on the production build (scripts/lighthouse.sh serves it with the API behind it).
// Usage: node scripts/lighthouse.mjs BASE_URL EMAIL PASSWORD OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';

const [base, email, password, outDir] = process.argv.slice(2);
if (!base || !email || !password || !outDir) {
  console.error('usage: node scripts/lighthouse.mjs BASE_URL EMAIL PASSWORD OUT_DIR');
  process.exit(2);
}
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const PRESETS = { mobile: undefined, desktop: desktopConfig }; // Lighthouse's default is mobile
mkdirSync(outDir, { recursive: true });

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const rows = [];

async function audit(screen, path) {
  for (const [preset, config] of Object.entries(PRESETS)) {
    const result = await lighthouse(
      `${base}${path}`,
      {
        port: chrome.port,
        output: ['html', 'json'],
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        // Keep the refresh cookie of the signed-in session: the task list needs it.
        disableStorageReset: true,
      },
      config,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { categories, finalDisplayedUrl, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`${path}: ${runtimeError.message}`);
    if (!finalDisplayedUrl.endsWith(path)) throw new Error(`${path} ended on ${finalDisplayedUrl}`);
    const [html, json] = result.report;
    writeFileSync(join(outDir, `${screen}-${preset}.html`), html);
    writeFileSync(join(outDir, `${screen}-${preset}.json`), json);
    rows.push({
      screen,
      preset,
      ...Object.fromEntries(CATEGORIES.map((c) => [c, categories[c].score])),
    });
  }
}

async function signIn() {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const page = await browser.newPage();
  await page.goto(`${base}/login`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForFunction(() => location.pathname === '/tasks');
  await page.close();
  await browser.disconnect();
}

try {
  await audit('sign-in', '/login');
  await signIn();
  await audit('task-list', '/tasks');
} finally {
  await chrome.kill();
}

const header = ['screen', 'preset', ...CATEGORIES];
const lines = [header, ...rows.map((row) => header.map((key) => String(row[key])))];
const widths = header.map((_, i) => Math.max(...lines.map((line) => line[i].length)));
for (const line of lines) console.log(line.map((cell, i) => cell.padEnd(widths[i])).join('  '));
writeFileSync(join(outDir, 'scores.json'), JSON.stringify(rows, null, 2));
console.log(`\nlighthouse: reports in ${outDir}`);
