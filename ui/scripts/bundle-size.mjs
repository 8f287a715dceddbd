// Reports the production JavaScript gzipped and fails above the budget (run after `yarn build`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = 200;
const assets = join(import.meta.dirname, '..', 'dist', 'assets');
const files = readdirSync(assets).filter((name) => name.endsWith('.js'));
if (files.length === 0) throw new Error('no JavaScript in dist/assets: run `yarn build` first');

const gzipped = files.reduce(
  (sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length,
  0,
);
const kib = (gzipped / 1024).toFixed(1);
console.log(`JavaScript: ${kib} KiB gzipped in ${files.length} file(s) (budget ${BUDGET_KIB} KiB)`);
if (gzipped > BUDGET_KIB * 1024) {
  console.error(`over the ${BUDGET_KIB} KiB budget`);
  process.exit(1);
}
