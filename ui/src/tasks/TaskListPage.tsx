import { Link } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListFilters } from '../components/ListFilters';
import { labelOf } from '../components/formValues';
import { Pagination } from '../components/Pagination';
import { sortChoices } from '../components/sortChoices';
import { useListParams } from '../components/useListParams';
import { useTaskPage, type TaskQuery } from './queries';

const PER_PAGE = 20;
const FILTERS = ['q', 'status'] as const;
const SORTS = sortChoices({
  title: 'Title',
  status: 'Status',
  priority: 'Priority',
  due_date: 'Due date',
});
const STATUS_CHOICES = ['todo', 'doing', 'done'].map((value) => ({ value, label: labelOf(value) }));

export function TaskListPage() {
  const { query, values, change, goToPage } = useListParams(FILTERS, '-created_at');
  // The URL's values go to the API as they are: one it refuses is shown as its error.
  const list = useTaskPage({ ...query, per_page: PER_PAGE } as TaskQuery);
  const { data, error, isPending, isPlaceholderData } = list;

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
        searchLabel={'title'}
        search={values.q ?? ''}
        selects={[
          { name: 'status', label: 'Status', value: values.status ?? '', choices: STATUS_CHOICES },
        ]}
        sort={query.sort}
        sortChoices={SORTS}
        onChange={change}
      />
      {error && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            void list.refetch();
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
                  <th scope="col">Due date</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((task) => (
                  <tr key={task.id}>
                    <td data-label="Title">
                      <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                    </td>
                    <td data-label="Status">{labelOf(task.status)}</td>
                    <td data-label="Priority">{task.priority}</td>
                    <td data-label="Due date">{task.due_date === null ? '—' : task.due_date}</td>
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
