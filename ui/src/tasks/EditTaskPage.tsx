import { useParams } from 'react-router';
import { EditScreen } from '../components/EditScreen';
import { useDeleteTask, useTask, useUpdateTask } from './queries';
import { TaskForm } from './TaskForm';

export function EditTaskPage() {
  const id = Number(useParams().id);
  return (
    <EditScreen
      noun="task"
      listPath="/tasks"
      listName="tasks"
      describe={(task) => `“${task.title}”`}
      query={useTask(id)}
      update={useUpdateTask(id)}
      remove={useDeleteTask(id)}
      form={(props) => <TaskForm {...props} />}
    />
  );
}
