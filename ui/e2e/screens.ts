import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SCREENS = join(import.meta.dirname, '..', 'test-results', 'screens');
mkdirSync(SCREENS, { recursive: true });

async function axeAndScreenshot(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  expect(severe, `accessibility violations on ${name}`).toEqual([]);
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

/**
 * Every screen the flows reach goes through here, in the light and the dark theme (the
 * system preference, which the UI follows until its toggle is used): axe must find nothing
 * serious or critical, and a screenshot of each is kept (git-ignored) for a reviewer.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await axeAndScreenshot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await axeAndScreenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}
