import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TaskStatus } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Pagination } from '../components/Pagination';
import { STATUS_LABELS } from './labels';
import { useTaskPage, type TaskQuery, type TaskSort } from './queries';
import { TaskFilters } from './TaskFilters';

const PER_PAGE = 20;
const DEFAULT_SORT: TaskSort = '-created_at';

/** The list's state lives in the URL (?page=2&status=todo&q=…&sort=…): shareable and back-able. */
function queryFrom(params: URLSearchParams): TaskQuery {
  const status = params.get('status');
  const page = Number(params.get('page') ?? 1);
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    per_page: PER_PAGE,
    sort: (params.get('sort') as TaskSort | null) ?? DEFAULT_SORT,
    ...(status && status in STATUS_LABELS ? { status: status as TaskStatus } : {}),
    ...(params.get('q') ? { q: params.get('q') ?? '' } : {}),
  };
}

export function TaskListPage() {
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const { data, error, isPending, isPlaceholderData, refetch } = useTaskPage(query);

  const changeFilters = useCallback(
    (changes: Record<string, string>) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        next.delete('page'); // a new filter starts at its first page
        return next;
      });
    },
    [setParams],
  );
  const goToPage = (page: number) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('page', String(page));
      return next;
    });
  };

  return (
    <>
      <div className="page-heading">
        <h1>Tasks</h1>
        <Link to="/tasks/new" className="button primary">
          New task
        </Link>
      </div>
      <TaskFilters
        search={query.q ?? ''}
        status={query.status}
        sort={query.sort ?? DEFAULT_SORT}
        onChange={changeFilters}
      />
      {error && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            void refetch();
          }}
        />
      )}
      {isPending && (
        <p className="loading" role="status">
          Loading tasks…
        </p>
      )}
      {data && (
        <>
          {data.items.length === 0 ? (
            <p className="empty">No tasks match. Change the filters, or create one.</p>
          ) : (
            <table className="record-table" aria-busy={isPlaceholderData}>
              <caption className="visually-hidden">Tasks, {data.total} in all</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Status</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((task) => (
                  <tr key={task.id}>
                    <td data-label="Title">
                      <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                    </td>
                    <td data-label="Status">
                      <span className={`status status-${task.status}`}>
                        {STATUS_LABELS[task.status]}
                      </span>
                    </td>
                    <td data-label="Priority">{task.priority}</td>
                    <td data-label="Due">{task.due_date ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination
            label="Task pages"
            page={data.page}
            perPage={data.per_page}
            total={data.total}
            onPage={goToPage}
          />
        </>
      )}
    </>
  );
}
