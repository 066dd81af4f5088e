import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Section } from '../../components/section';
import { hasPermission, useSession } from '../../session';
import { useTasks } from './tasks.api';
import { TaskItem } from './tasks.page';

/**
 * The user's tasks and notices about the page being shown (those whose link is this page), so a
 * deadline shows where the work is done as well as in "Mine opgaver". Shows nothing when there
 * are none. One line on a record page: `<PageTasks />`.
 */
export function PageTasks() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const allowed = hasPermission(useSession().data?.user, 'tasks.read');
  const tasks = useTasks(allowed);
  const here = (tasks.data?.items ?? []).filter((task) => task.href === pathname);
  if (!allowed || here.length === 0) return null;
  return (
    <Section id="page-tasks" heading={t('tasksPage.onPage', { count: here.length })}>
      <ul className="task-list nobullet-list">
        {here.map((task) => (
          <TaskItem key={task.id} task={task} />
        ))}
      </ul>
    </Section>
  );
}
