import { expect, test } from '@playwright/test';
import { checkScreen } from '../../e2e/screens';

// One user's whole day, in order, against the real API and PostgreSQL (make e2e).
test.describe.configure({ mode: 'serial' });

const email = `e2e-${Date.now()}@example.com`;
const password = 'correct horse battery staple';

test('register, sign in, manage tasks, sign out', async ({ page }) => {
  await test.step('register', async () => {
    await page.goto('/register');
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    await page.getByLabel('Name').fill('Erin Tester');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await checkScreen(page, '01-register');
    await page.getByRole('button', { name: 'Create account' }).click();
  });

  await test.step('sign in', async () => {
    await expect(page.getByText('Your account is ready. Sign in to continue.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(email);
    await page.getByLabel('Password').fill(password);
    await checkScreen(page, '02-login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
    await expect(page.getByText('No tasks match')).toBeVisible();
  });

  await test.step('create two tasks', async () => {
    await page.getByRole('link', { name: 'New task' }).click();
    await page.getByLabel('Title').fill('Write the end-to-end test');
    await page.getByLabel('Priority').fill('4');
    await page.getByLabel('Due date').fill('2026-12-24');
    await checkScreen(page, '03-new-task');
    await page.getByRole('button', { name: 'Create task' }).click();
    await expect(page.getByRole('link', { name: 'Write the end-to-end test' })).toBeVisible();

    await page.getByRole('link', { name: 'New task' }).click();
    await page.getByLabel('Title').fill('Ship the UI');
    await page.getByLabel('Description').fill('Build, size check, deploy.');
    await page.getByRole('button', { name: 'Create task' }).click();
    await expect(page.getByRole('link', { name: 'Ship the UI' })).toBeVisible();
    await expect(page.getByText('Page 1 of 1 · 2 items')).toBeVisible();
    await checkScreen(page, '04-task-list');
  });

  await test.step('edit, first with an error the server reports next to the field', async () => {
    await page.getByRole('link', { name: 'Write the end-to-end test' }).click();
    const title = page.getByLabel('Title');
    await expect(title).toHaveValue('Write the end-to-end test');
    await title.fill('   '); // the API strips spaces, then refuses an empty title
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(title).toHaveAccessibleDescription(/\S/);
    await checkScreen(page, '05-edit-validation-error');

    await title.fill('Write the end-to-end tests');
    await page.getByLabel('Status').selectOption({ label: 'Doing' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('link', { name: 'Write the end-to-end tests' })).toBeVisible();
  });

  await test.step('filter by status and search', async () => {
    await page.getByLabel('Status').selectOption({ label: 'Doing' });
    await expect(page.getByRole('link', { name: 'Write the end-to-end tests' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ship the UI' })).toBeHidden();
    await expect(page).toHaveURL(/status=doing/);

    await page.getByLabel('Status').selectOption({ label: 'Any' });
    await page.getByLabel('Search title').fill('ship');
    await expect(page.getByRole('link', { name: 'Ship the UI' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Write the end-to-end tests' })).toBeHidden();
    await checkScreen(page, '06-task-list-filtered');
  });

  await test.step('delete, after confirming', async () => {
    await page.getByRole('link', { name: 'Ship the UI' }).click();
    await page.getByRole('button', { name: 'Delete task' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this task?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await checkScreen(page, '07-delete-confirmation');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
    await page.getByLabel('Search title').fill('');
    await expect(page.getByRole('link', { name: 'Write the end-to-end tests' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ship the UI' })).toBeHidden();
  });

  await test.step('profile', async () => {
    await page.getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    await checkScreen(page, '08-profile');
  });

  await test.step('the list on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Write the end-to-end tests' })).toBeVisible();
    await checkScreen(page, '09-task-list-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('sign out; a protected page then sends you to the login', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.goto('/tasks');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await checkScreen(page, '10-protected-page-redirects-to-login');
  });
});

test('an administrator sees the user list', async ({ page }) => {
  const adminEmail = process.env.E2E_ADMIN_EMAIL;
  const adminPassword = process.env.E2E_ADMIN_PASSWORD;
  if (!adminEmail || !adminPassword) throw new Error('make e2e sets E2E_ADMIN_EMAIL and _PASSWORD');
  await page.goto('/login');
  await page.getByLabel('Email').fill(adminEmail);
  await page.getByLabel('Password').fill(adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('cell', { name: email, exact: true })).toBeVisible();
  await checkScreen(page, '11-admin-users');
});

test('says so when the API cannot be reached', async ({ page }) => {
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { name: 'Cannot reach the server' })).toBeVisible();
  await checkScreen(page, '12-api-unreachable');
});
