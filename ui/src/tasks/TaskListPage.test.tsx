import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render';
import { page, problem, server } from '../test/server';
import { aTask, taskList } from './testData';
import { SEARCH_DELAY_MS } from '../components/ListFilters';

/** Serves /api/tasks and records each query string the list asked for. */
function recordListRequests() {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get('/api/tasks', ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      const pageNumber = Number(query.get('page') ?? 1);
      const title = `Task on page ${pageNumber}${query.get('status') ? ` (${query.get('status') ?? ''})` : ''}`;
      return page([aTask({ id: pageNumber, title })], 45, pageNumber, 20);
    }),
  );
  return queries;
}

beforeEach(() => {
  server.use(taskList);
});

describe('task list', () => {
  it('shows the tasks of the page and how many there are', async () => {
    server.use(
      http.get('/api/tasks', () =>
        page([aTask({ title: 'Buy milk', status: 'doing', priority: 5, due_date: '2026-03-01' })]),
      ),
    );
    renderApp('/tasks');

    const row = (await screen.findByRole('link', { name: 'Buy milk' })).closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByText('Doing')).toBeInTheDocument();
    expect(within(row as HTMLElement).getByText('2026-03-01')).toBeInTheDocument();
    expect(screen.getByText(/Page 1 of 1 · 1 item/)).toBeInTheDocument();
  });

  it('pages forward and back', async () => {
    const queries = recordListRequests();
    const { user } = renderApp('/tasks');
    await screen.findByText('Task on page 1');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Task on page 2');
    expect(screen.getByText(/Page 2 of 3 · 45 items/)).toBeInTheDocument();
    expect(queries.at(-1)?.get('page')).toBe('2');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Task on page 3');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('filters by status from the first page, and keeps the filter in the URL', async () => {
    const queries = recordListRequests();
    const { user } = renderApp('/tasks?page=2');
    await screen.findByText('Task on page 2');

    await user.selectOptions(screen.getByLabelText('Status'), 'done');

    await screen.findByText('Task on page 1 (done)');
    expect(queries.at(-1)?.get('status')).toBe('done');
    expect(screen.getByTestId('location')).toHaveTextContent('/tasks?status=done');
  });

  it('sorts by the chosen field', async () => {
    const queries = recordListRequests();
    const { user } = renderApp('/tasks');
    await screen.findByText('Task on page 1');
    expect(queries.at(-1)?.get('sort')).toBe('-created_at');

    await user.selectOptions(screen.getByLabelText('Sort'), 'Due date, ascending');

    await waitFor(() => {
      expect(queries.at(-1)?.get('sort')).toBe('due_date');
    });
  });

  it('searches once typing pauses, not on every key', async () => {
    const queries = recordListRequests();
    const { user } = renderApp('/tasks');
    await screen.findByText('Task on page 1');

    await user.type(screen.getByLabelText('Search title'), 'milk');

    await waitFor(() => {
      expect(queries.at(-1)?.get('q')).toBe('milk');
    });
    const searches = queries.filter((query) => query.has('q')).map((query) => query.get('q'));
    expect(searches).toEqual(['milk']);
  });

  it('clears the search when the URL drops it (the Tasks link), and does not bring it back', async () => {
    const queries = recordListRequests();
    const { user } = renderApp('/tasks');
    await user.type(await screen.findByLabelText('Search title'), 'milk');
    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent('/tasks?q=milk');
    });

    // Fake timers from here, so the debounce surely runs out before the assertions (no sleep).
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await user.click(screen.getByRole('link', { name: 'Tasks' }));

      expect(screen.getByLabelText('Search title')).toHaveValue('');
      await act(() => vi.advanceTimersByTimeAsync(2 * SEARCH_DELAY_MS));
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/tasks$/);
      await waitFor(() => {
        expect(queries.at(-1)?.has('q')).toBe(false);
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when nothing matches', async () => {
    server.use(http.get('/api/tasks', () => page([], 0)));
    renderApp('/tasks?q=nothing');
    expect(await screen.findByText(/No tasks match/)).toBeInTheDocument();
    expect(screen.getByLabelText('Search title')).toHaveValue('nothing');
  });

  it('shows a clear state when the API cannot be reached, and tries again on request', async () => {
    let calls = 0;
    server.use(
      http.get('/api/tasks', () => {
        calls += 1;
        return calls === 1 ? Response.error() : page([aTask({ title: 'Back online' })]);
      }),
    );
    const { user } = renderApp('/tasks');

    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('link', { name: 'Back online' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('treats a proxy error page (502, not problem+json) as unreachable', async () => {
    server.use(http.get('/api/tasks', () => new Response('Bad Gateway', { status: 502 })));
    renderApp('/tasks');
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server.');
  });

  it('shows the problem the API reported', async () => {
    server.use(http.get('/api/tasks', () => problem(422, 'Unknown sort field.')));
    renderApp('/tasks?sort=-nonsense');
    expect(await screen.findByRole('alert')).toHaveTextContent('Unknown sort field.');
  });
});
