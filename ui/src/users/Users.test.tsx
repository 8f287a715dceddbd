import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render';
import { START_PATH } from '../features';
import { alice, page, problem, server } from '../test/server';

const admin = { ...alice, id: 2, name: 'Ada', email: 'ada@example.com', role: 'admin' as const };

describe('profile', () => {
  it('saves a new name and shows it in the header', async () => {
    let sent: unknown;
    server.use(
      http.patch('/api/users/me', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ ...alice, name: 'Alice Liddell' });
      }),
    );
    const { user } = renderApp('/profile');

    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Alice Liddell');
    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByText('Name saved.')).toBeVisible();
    expect(sent).toEqual({ name: 'Alice Liddell' });
    expect(within(screen.getByRole('banner')).getByText('Alice Liddell')).toBeVisible();
  });

  it('shows a wrong current password next to that field', async () => {
    server.use(
      http.patch('/api/users/me', () =>
        problem(422, 'The request has invalid fields; see errors.', {
          current_password: ['The current password is wrong.'],
        }),
      ),
    );
    const { user } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Current password'), 'not it at all');
    await user.type(screen.getByLabelText('New password'), 'a brand new password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(
        'The current password is wrong.',
      );
    });
  });
});

describe('admin user list', () => {
  it('is not offered to a user, and its address sends them to the start page', async () => {
    server.use(http.get('/api/:list', () => page([]))); // whatever the start page lists
    renderApp('/admin/users');
    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent(START_PATH);
    });
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('lists the users for an admin, who can deactivate one', async () => {
    const bob = { ...alice, id: 3, name: 'Bob', email: 'bob@example.com' };
    let change: unknown;
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(admin)),
      http.get('/api/users', () =>
        HttpResponse.json({ items: [admin, bob], total: 2, page: 1, per_page: 20 }),
      ),
      http.patch('/api/users/3', async ({ request }) => {
        change = await request.json();
        return HttpResponse.json({ ...bob, is_active: false });
      }),
    );
    const { user } = renderApp('/profile');

    await user.click(await screen.findByRole('link', { name: 'Users' }));

    expect(await screen.findByRole('cell', { name: 'bob@example.com' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Deactivate ada@example.com' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Deactivate bob@example.com' }));
    await waitFor(() => {
      expect(change).toEqual({ is_active: false });
    });
  });
});
