import { Link } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListFilters } from '../components/ListFilters';
import { Pagination } from '../components/Pagination';
import { useListParams } from '../components/useListParams';
import { SORT_LABELS, STATUS_LABELS } from './labels';
import { useTaskPage, type TaskQuery } from './queries';

const PER_PAGE = 20;
const STATUSES = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));
const SORTS = Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }));

/** The list's state lives in the URL (?page=2&status=todo&q=…&sort=…): shareable and back-able. */
export function TaskListPage() {
  const { query, values, change, goToPage } = useListParams(['q', 'status'], '-created_at');
  // An unknown status in the URL is dropped here; anything else the API checks.
  const status = values.status && values.status in STATUS_LABELS ? values.status : undefined;
  const { data, error, isPending, isPlaceholderData, refetch } = useTaskPage({
    ...query,
    per_page: PER_PAGE,
    status,
  } as TaskQuery);

  return (
    <>
      <div className="page-heading">
        <h1>Tasks</h1>
        <Link to="/tasks/new" className="button primary">
          New task
        </Link>
      </div>
      <ListFilters
        noun="tasks"
        searchLabel="titles"
        search={values.q ?? ''}
        selects={[{ name: 'status', label: 'Status', value: status ?? '', choices: STATUSES }]}
        sort={query.sort}
        sortChoices={SORTS}
        onChange={change}
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
