import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SCREENS = join(import.meta.dirname, '..', 'test-results', 'screens');
mkdirSync(SCREENS, { recursive: true });

/**
 * Every screen the flow reaches goes through here: axe must find nothing serious or critical,
 * and a screenshot is kept (git-ignored) so a reviewer can see what was tested.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
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
