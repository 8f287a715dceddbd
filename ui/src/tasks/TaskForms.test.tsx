import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/render';
import { problem, server } from '../test/server';
import { aTask, taskList } from './testData';

/** GET /api/tasks/7 answers with the task at `version`, as its ETag. */
function serveTask(title: string, version: number) {
  server.use(
    http.get('/api/tasks/7', () =>
      HttpResponse.json(aTask({ title }), { headers: { ETag: `"${version}"` } }),
    ),
  );
}

beforeEach(() => {
  server.use(taskList);
});

describe('creating a task', () => {
  it('sends the fields and goes back to the list', async () => {
    let sent: unknown;
    server.use(
      http.post('/api/tasks', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(aTask({ id: 9, title: 'Buy milk' }), { status: 201 });
      }),
    );
    const { user } = renderApp('/tasks/new');

    await user.type(await screen.findByLabelText('Title'), 'Buy milk');
    await user.clear(screen.getByLabelText('Priority'));
    await user.type(screen.getByLabelText('Priority'), '5');
    await user.type(screen.getByLabelText('Due date'), '2026-05-01');
    await user.click(screen.getByRole('button', { name: 'Create task' }));

    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/tasks$/);
    });
    expect(sent).toEqual({
      title: 'Buy milk',
      description: null,
      status: 'todo',
      priority: 5,
      due_date: '2026-05-01',
    });
  });

  it("shows the API's field errors next to their fields", async () => {
    server.use(
      http.post('/api/tasks', () =>
        problem(422, 'The request has invalid fields; see errors.', {
          title: ['Length must be between 1 and 200.'],
          due_date: ['Not a valid date.'],
        }),
      ),
    );
    const { user } = renderApp('/tasks/new');

    await user.click(await screen.findByRole('button', { name: 'Create task' }));

    const title = screen.getByLabelText('Title');
    await waitFor(() => {
      expect(title).toHaveAccessibleDescription('Length must be between 1 and 200.');
    });
    expect(title).toBeInvalid();
    expect(screen.getByLabelText('Due date')).toHaveAccessibleDescription('Not a valid date.');
    expect(screen.getByLabelText('Description')).toBeValid();
    expect(screen.getByTestId('location')).toHaveTextContent('/tasks/new'); // stays on the form
  });

  it('explains a 409 next to the title', async () => {
    const taken = "A task with the title 'Taken' already exists.";
    server.use(http.post('/api/tasks', () => problem(409, taken, { title: [taken] })));
    const { user } = renderApp('/tasks/new');

    await user.type(await screen.findByLabelText('Title'), 'Taken');
    await user.click(screen.getByRole('button', { name: 'Create task' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Title')).toHaveAccessibleDescription(taken);
    });
  });
});

describe('editing a task', () => {
  it('sends the changes with the ETag it read, in If-Match', async () => {
    serveTask('Old title', 3);
    let ifMatch: string | null = null;
    let sent: unknown;
    server.use(
      http.patch('/api/tasks/7', async ({ request }) => {
        ifMatch = request.headers.get('If-Match');
        sent = await request.json();
        return HttpResponse.json(aTask({ title: 'New title' }), { headers: { ETag: '"4"' } });
      }),
    );
    const { user } = renderApp('/tasks/7');

    const title = await screen.findByLabelText('Title');
    expect(title).toHaveValue('Old title');
    await user.clear(title);
    await user.type(title, 'New title');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/tasks$/);
    });
    expect(ifMatch).toBe('"3"');
    expect(sent).toMatchObject({ title: 'New title' });
  });

  it('on a 412 explains that someone else changed the task, and reloads it on request', async () => {
    serveTask('Old title', 3);
    server.use(
      http.patch('/api/tasks/7', () => problem(412, 'The task changed since you read it.')),
    );
    const { user } = renderApp('/tasks/7');

    const title = await screen.findByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'My edit');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This task was changed by someone else.',
    );
    serveTask('Their edit', 5);
    await user.click(screen.getByRole('button', { name: 'Reload task' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Title')).toHaveValue('Their edit');
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a 422 from the server next to the field', async () => {
    serveTask('Old title', 3);
    server.use(
      http.patch('/api/tasks/7', () =>
        problem(422, 'The request has invalid fields; see errors.', {
          title: ['Length must be between 1 and 200.'],
        }),
      ),
    );
    const { user } = renderApp('/tasks/7');

    await user.clear(await screen.findByLabelText('Title'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Title')).toHaveAccessibleDescription(
        'Length must be between 1 and 200.',
      );
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the task does not exist', async () => {
    server.use(http.get('/api/tasks/7', () => problem(404, 'No task 7.')));
    renderApp('/tasks/7');
    expect(await screen.findByRole('alert')).toHaveTextContent('No task 7.');
  });
});

describe('deleting a task', () => {
  it('asks first, and deletes with If-Match only once confirmed', async () => {
    serveTask('Doomed', 2);
    const deletes: (string | null)[] = [];
    server.use(
      http.delete('/api/tasks/7', ({ request }) => {
        deletes.push(request.headers.get('If-Match'));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/tasks/7');

    await user.click(await screen.findByRole('button', { name: 'Delete task' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this task?' });
    expect(dialog).toHaveTextContent('“Doomed” will be deleted for good.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(deletes).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Delete task' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));

    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/tasks$/);
    });
    expect(deletes).toEqual(['"2"']);
  });

  it('on a 412 explains and offers to reload', async () => {
    serveTask('Doomed', 2);
    server.use(
      http.delete('/api/tasks/7', () => problem(412, 'The task changed since you read it.')),
    );
    const { user } = renderApp('/tasks/7');

    await user.click(await screen.findByRole('button', { name: 'Delete task' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Your change was not saved');
    expect(screen.getByRole('button', { name: 'Reload task' })).toBeInTheDocument();
  });
});
