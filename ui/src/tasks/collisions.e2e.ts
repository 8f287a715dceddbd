import { expect, test } from '@playwright/test';
import { accessToken, registerUser, signIn } from '../../e2e/accounts';
import { checkScreen } from '../../e2e/screens';

// The two ways a write collides: a taken title (409) and a stale copy (412), against the real API.

test('a taken title is explained next to the field, on create and on edit', async ({
  page,
  request,
}) => {
  const { email, password } = await registerUser(request, 'Cole Conflict');
  await signIn(page, email, password);
  for (const title of ['First task', 'Second task']) {
    await page.getByRole('link', { name: 'New task' }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Create task' }).click();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  }

  await page.getByRole('link', { name: 'New task' }).click();
  await page.getByLabel('Title').fill('First task');
  await page.getByRole('button', { name: 'Create task' }).click();
  await expect(page.getByLabel('Title')).toHaveAccessibleDescription(
    "A task with the title 'First task' already exists.",
  );
  await checkScreen(page, '21-create-409-title-taken');

  await page.getByRole('link', { name: 'Back to tasks' }).click();
  await page.getByRole('link', { name: 'Second task' }).click();
  await page.getByLabel('Title').fill('First task');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByLabel('Title')).toHaveAccessibleDescription(
    "A task with the title 'First task' already exists.",
  );
  await checkScreen(page, '22-edit-409-title-taken');
});

test('a change made elsewhere first gets 412, and reload shows it', async ({ page, request }) => {
  const { email, password } = await registerUser(request, 'Stella Stale');
  await signIn(page, email, password);
  await page.getByRole('link', { name: 'New task' }).click();
  await page.getByLabel('Title').fill('Shared task');
  await page.getByRole('button', { name: 'Create task' }).click();
  await page.getByRole('link', { name: 'Shared task' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Shared task');
  const taskId = /\/tasks\/(\d+)/.exec(page.url())?.[1];

  // Another device renames the task after this page loaded it.
  const token = await accessToken(request, email, password);
  const elsewhere = await request.patch(`/api/tasks/${String(taskId)}`, {
    data: { title: 'Renamed elsewhere' },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(elsewhere.status()).toBe(200);

  await page.getByLabel('Description').fill('My edit, on a stale copy');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('This task was changed by someone else.');
  await checkScreen(page, '23-edit-412-stale');
  await page.getByRole('button', { name: 'Reload task' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Renamed elsewhere');
});
