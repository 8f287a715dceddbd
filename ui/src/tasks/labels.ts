import type { TaskStatus } from './queries';
import type { TaskSort } from './queries';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  todo: 'To do',
  doing: 'Doing',
  done: 'Done',
};

export const SORT_LABELS: Partial<Record<TaskSort, string>> = {
  '-created_at': 'Newest first',
  created_at: 'Oldest first',
  '-updated_at': 'Recently changed',
  due_date: 'Due soonest',
  '-priority': 'Priority, 5 to 1',
  priority: 'Priority, 1 to 5',
  title: 'Title, A to Z',
  status: 'Status',
};

export const PRIORITIES = [1, 2, 3, 4, 5] as const;
