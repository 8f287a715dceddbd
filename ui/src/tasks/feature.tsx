import { Route } from 'react-router';
import type { Feature } from '../features';
import { EditTaskPage } from './EditTaskPage';
import { NewTaskPage } from './NewTaskPage';
import { TaskListPage } from './TaskListPage';

export const feature: Feature = {
  label: 'Tasks',
  path: '/tasks',
  routes: (
    <>
      <Route path="/tasks" element={<TaskListPage />} />
      <Route path="/tasks/new" element={<NewTaskPage />} />
      <Route path="/tasks/:id" element={<EditTaskPage />} />
    </>
  ),
};
