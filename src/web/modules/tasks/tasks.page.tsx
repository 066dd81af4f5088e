import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Alert } from '../../components/alert';
import { useNavigation } from '../../components/navigation';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { ForbiddenPage } from '../../components/require-auth';
import { errorMessage } from '../../i18n/errors';
import { formatDate, isoDateTime, isoToDanishDate } from '../../i18n/format';
import { i18n } from '../../i18n/index';
import { hasPermission, useSession } from '../../session';
import { DigestSettingsSection } from './digest-settings';
import { type Task, useMarkTaskRead, useTasks } from './tasks.api';

/**
 * Task parameters shown in words and Danish formats: a consent purpose reads mid-sentence ("Samtykke
 * til deling med boligorganisation …"), so its label starts in lower case; a date (åååå-mm-dd, e.g.
 * when a rent-subsidy pool ends) reads dd.mm.åååå.
 */
function taskParams(t: TFunction, params: Task['params']): Task['params'] {
  const shown: Task['params'] = {};
  for (const [key, value] of Object.entries(params)) {
    shown[key] = typeof value === 'string' ? isoToDanishDate(value) : value;
  }
  const purpose = params.purpose;
  if (typeof purpose !== 'string' || !i18n.exists(`consentPurposes.${purpose}`)) return shown;
  const label = t(`consentPurposes.${purpose}`);
  return { ...shown, purpose: label.charAt(0).toLocaleLowerCase() + label.slice(1) };
}

/** A notice's "Markér som læst": the notice leaves the list once the server has the mark. */
function MarkReadButton({ task, title }: { task: Task; title: string }) {
  const { t } = useTranslation();
  const markRead = useMarkTaskRead();
  return (
    <>
      {' '}
      <button
        type="button"
        className="button button-tertiary task-mark-read"
        disabled={markRead.isPending}
        onClick={() => markRead.mutate(task.id)}
        aria-label={t('tasksPage.markReadNamed', { title })}
      >
        {t('tasksPage.markRead')}
      </button>
      {markRead.isError ? (
        <span className="form-error-message d-block" role="alert">
          {errorMessage(t, markRead.error)}
        </span>
      ) : null}
    </>
  );
}

/** One task or notice: severity, the link where the user acts, the due date, and for a notice "mark read". */
export function TaskItem({ task }: { task: Task }) {
  const { t } = useTranslation();
  const title = i18n.exists(task.titleKey)
    ? t(task.titleKey, taskParams(t, task.params))
    : t('tasksPage.unknownTask', { kind: task.kind });
  const internal = task.href.startsWith('/') && !task.href.startsWith('//');
  return (
    <li>
      {task.notice ? (
        <span className="badge badge-info mr-3">{t('tasksPage.notice')}</span>
      ) : task.severity !== 'info' ? (
        <span className={`badge badge-${task.severity} mr-3`}>
          {t(`tasksPage.severity.${task.severity}`)}
        </span>
      ) : null}
      {internal ? <Link to={task.href}>{title}</Link> : <a href={task.href}>{title}</a>}
      {task.dueAt ? (
        <span className="task-due">
          {' '}
          {t('tasksPage.due')} <time dateTime={isoDateTime(task.dueAt)}>{formatDate(task.dueAt)}</time>
        </span>
      ) : null}
      {task.notice ? <MarkReadButton task={task} title={title} /> : null}
    </li>
  );
}

function TaskList() {
  const { t } = useTranslation();
  const tasks = useTasks();
  return (
    <QueryState
      query={tasks}
      loadingText={t('tasksPage.loading')}
      empty={
        <Alert variant="info" heading={t('tasksPage.emptyHeading')}>
          <p>{t('tasksPage.empty')}</p>
        </Alert>
      }
    >
      {(data) => (
        <>
          <p>{t('tasksPage.count', { count: data.items.length })}</p>
          <ul className="task-list nobullet-list">
            {data.items.map((task) => (
              <TaskItem key={task.id} task={task} />
            ))}
          </ul>
        </>
      )}
    </QueryState>
  );
}

/** /: "Mine opgaver", everything that waits for the user. */
export function TasksPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('tasksPage.title')}>
      <TaskList />
      <DigestSettingsSection />
    </Page>
  );
}

/**
 * The front page: the task list for users who have one; others go to the first page they may use.
 */
export function HomePage() {
  const { data: session } = useSession();
  const user = session?.user;
  const navigation = useNavigation();
  if (hasPermission(user, 'tasks.read')) return <TasksPage />;
  const first = navigation.find((item) => hasPermission(user, item.permission));
  if (first) return <Navigate to={first.to} replace />;
  return <ForbiddenPage />;
}
