import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render';
import { problem, server } from '../test/server';
import type { Task } from './queries';

function aTask(fields: Partial<Task> = {}): Task {
  return {
    id: 7,
    title: 'Title one',
    description: 'Some text',
    status: 'todo',
    priority: 1,
    due_date: '2026-01-01',
    created_at: '2026-01-02T10:00:00Z',
    updated_at: '2026-01-02T10:00:00Z',
    ...fields,
  };
}
/** The API as these screens use it: one task (7, at version 1). */
function serveTasks() {
  server.use(
    http.get('/api/tasks', () =>
      HttpResponse.json({ items: [aTask()], total: 1, page: 1, per_page: 20 }),
    ),
    http.get('/api/tasks/7', () => HttpResponse.json(aTask(), { headers: { ETag: '"1"' } })),
  );
}

describe('tasks', () => {
  it('lists them, linked from the navigation', async () => {
    serveTasks();
    const { user } = renderApp('/profile');

    await user.click(await screen.findByRole('link', { name: 'Tasks' }));

    const table = await screen.findByRole('table', { name: 'Tasks, 1 in all' });
    expect(within(table).getByRole('link', { name: 'Title one' })).toHaveAttribute(
      'href',
      '/tasks/7',
    );
    expect(screen.getByText(/Page 1 of 1 · 1 item/)).toBeInTheDocument();
  });
  it('filters by status', async () => {
    serveTasks();
    const asked: (string | null)[] = [];
    server.use(
      http.get('/api/tasks', ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('status'));
        return HttpResponse.json({ items: [aTask()], total: 1, page: 1, per_page: 20 });
      }),
    );
    const { user } = renderApp('/tasks');
    const filters = await screen.findByRole('search', { name: 'Filter tasks' });

    await user.selectOptions(within(filters).getByLabelText('Status'), 'done');

    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent('/tasks?status=done');
    });
    await waitFor(() => {
      expect(asked.at(-1)).toBe('done');
    });
  });

  it('creates one from the form and goes back to the list', async () => {
    serveTasks();
    let sent: unknown;
    server.use(
      http.post('/api/tasks', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(aTask({ id: 9 }), { status: 201 });
      }),
    );
    const { user } = renderApp('/tasks/new');

    await user.type(await screen.findByLabelText('Title'), 'Sample');
    await user.click(screen.getByRole('button', { name: 'Create task' }));

    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/tasks$/);
    });
    expect(sent).toMatchObject({ title: 'Sample' });
  });

  it("shows the API's field errors next to their fields", async () => {
    serveTasks();
    server.use(
      http.post('/api/tasks', () =>
        problem(422, 'The request has invalid fields; see errors.', {
          title: ['Not a valid value.'],
        }),
      ),
    );
    const { user } = renderApp('/tasks/new');

    await user.click(await screen.findByRole('button', { name: 'Create task' }));

    const field = screen.getByLabelText('Title');
    await waitFor(() => {
      expect(field).toHaveAccessibleDescription('Not a valid value.');
    });
  });

  it('on a 412 explains that someone else changed it', async () => {
    serveTasks();
    server.use(
      http.patch('/api/tasks/7', ({ request }) =>
        request.headers.get('If-Match') === '"1"'
          ? problem(412, 'It changed since you read it.')
          : problem(428, 'Send If-Match.'),
      ),
    );
    const { user } = renderApp('/tasks/7');

    await user.click(await screen.findByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This task was changed by someone else.',
    );
  });

  it('deletes one after asking, with the version it read', async () => {
    serveTasks();
    let ifMatch: string | null = null;
    server.use(
      http.delete('/api/tasks/7', ({ request }) => {
        ifMatch = request.headers.get('If-Match');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/tasks/7');

    await user.click(await screen.findByRole('button', { name: 'Delete task' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete this task?' })).getByRole('button', {
        name: 'Delete',
      }),
    );

    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/tasks$/);
    });
    expect(ifMatch).toBe('"1"');
  });
});
