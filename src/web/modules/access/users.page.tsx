import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { SelectField, type SelectOption } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { errorMessage } from '../../i18n/errors';
import { formatDate, formatTime, isoDateTime } from '../../i18n/format';
import { useSession } from '../../session';
import { useResetSecondFactor } from './second-factor.api';
import {
  type AdminUser,
  type OrganisationChoice,
  PARTNER_ROLE,
  type Role,
  useCreateUser,
  useHousingOrganisations,
  useRoles,
  useUnlockUser,
  useUpdateUser,
  useUsers,
} from './users.api';

/** Minimum length of a temporary password (the server checks it too). */
const MIN_PASSWORD_LENGTH = 12;

/** A result to show: a translated success text (kept as key + params) or an error. */
type Notice =
  | { kind: 'success'; key: string; params: Record<string, string> }
  | { kind: 'error'; error: unknown };

function NoticeArea({ notice }: { notice: Notice | null }) {
  const { t } = useTranslation();
  return (
    <>
      {/* The status region stays in the page, so screen readers notice when a result appears in it. */}
      <div role="status">
        {notice?.kind === 'success' ? (
          <Alert variant="success">
            <p>{t(notice.key, notice.params)}</p>
          </Alert>
        ) : null}
      </div>
      {notice?.kind === 'error' ? (
        <Alert variant="error" live="alert">
          <p>{errorMessage(t, notice.error)}</p>
        </Alert>
      ) : null}
    </>
  );
}

function isLocked(user: AdminUser, now: number): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
}

function DateTime({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <time dateTime={isoDateTime(value)}>
      {t('common.dateTime', { date: formatDate(value), time: formatTime(value) })}
    </time>
  );
}

function UserStatus({ user, now }: { user: AdminUser; now: number }) {
  const { t } = useTranslation();
  const locked = isLocked(user, now);
  return (
    <>
      {user.disabled ? <span className="d-block">{t('users.status.disabled')}</span> : null}
      {locked && user.lockedUntil ? (
        <span className="d-block">
          {t('users.status.lockedUntil')} <DateTime value={user.lockedUntil} />
        </span>
      ) : null}
      {!user.disabled && !locked ? t('users.status.active') : null}
    </>
  );
}

const organisationOptions = (organisations: OrganisationChoice[]): SelectOption[] =>
  organisations.map((o) => ({ value: o.id, label: o.name }));

interface UserRowProps {
  user: AdminUser;
  roleOptions: SelectOption[];
  /** The housing organisations a housing-organisation user can act for. */
  organisationOptions: SelectOption[];
  now: number;
  onNotice: (notice: Notice) => void;
  onAskDisable: (user: AdminUser) => void;
  /** Asks to remove the user's second factor (a lost phone). */
  onAskReset: (user: AdminUser) => void;
  /** The logged-in administrator's own row: no role change or disabling (the server refuses both). */
  isSelf: boolean;
}

function UserRow({
  user,
  roleOptions,
  organisationOptions,
  now,
  onNotice,
  onAskDisable,
  onAskReset,
  isSelf,
}: UserRowProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState(user.role);
  const [savedRole, setSavedRole] = useState(user.role);
  const [organisationId, setOrganisationId] = useState(user.organisationId ?? '');
  const [savedOrganisationId, setSavedOrganisationId] = useState(user.organisationId);
  if (user.role !== savedRole) {
    // The saved role changed (here or elsewhere): show it, without remounting the row (keeps focus).
    setSavedRole(user.role);
    setRole(user.role);
  }
  if (user.organisationId !== savedOrganisationId) {
    setSavedOrganisationId(user.organisationId);
    setOrganisationId(user.organisationId ?? '');
  }
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const busy = update.isPending || unlock.isPending;
  const roleSelectId = `user-${user.id}-role`;

  const saveRole = () => {
    if (busy) return;
    // A housing-organisation user acts for one organisation: asked here with the role (issue 14 §3).
    const partner = role === PARTNER_ROLE && organisationId !== '' ? { organisationId } : {};
    update.mutate(
      { id: user.id, role, ...partner },
      {
        onSuccess: (saved) =>
          onNotice({
            kind: 'success',
            key: 'users.notice.roleSaved',
            params: {
              username: saved.username,
              role: t(`roles.${saved.role}`, { defaultValue: saved.role }),
            },
          }),
        onError: (error) => onNotice({ kind: 'error', error }),
      },
    );
  };

  const enable = () => {
    if (busy) return;
    update.mutate(
      { id: user.id, disabled: false },
      {
        onSuccess: (saved) =>
          onNotice({ kind: 'success', key: 'users.notice.enabled', params: { username: saved.username } }),
        onError: (error) => onNotice({ kind: 'error', error }),
      },
    );
  };

  const doUnlock = () => {
    if (busy) return;
    unlock.mutate(user.id, {
      onSuccess: (saved) =>
        onNotice({ kind: 'success', key: 'users.notice.unlocked', params: { username: saved.username } }),
      onError: (error) => onNotice({ kind: 'error', error }),
    });
  };

  return (
    <tr>
      <th scope="row">{user.username}</th>
      <td>{user.displayName}</td>
      <td>
        {isSelf ? (
          <>
            {t(`roles.${user.role}`, { defaultValue: user.role })}
            <br />
            <span className="form-hint">{t('users.selfHint')}</span>
          </>
        ) : (
          <div className="row-role">
            <SelectField
              bare
              id={roleSelectId}
              label={t('users.table.roleFor', { username: user.username })}
              labelHidden
              options={roleOptions}
              value={role}
              onChange={(event) => setRole(event.target.value)}
            />
            {role === PARTNER_ROLE ? (
              <SelectField
                bare
                id={`user-${user.id}-organisation`}
                label={t('users.table.organisationFor', { username: user.username })}
                labelHidden
                placeholder={t('createUser.organisationPlaceholder')}
                options={organisationOptions}
                value={organisationId}
                onChange={(event) => setOrganisationId(event.target.value)}
                required
              />
            ) : null}
            <button type="button" className="button button-secondary" onClick={saveRole}>
              {t('users.actions.saveRole')}
            </button>
          </div>
        )}
      </td>
      <td>
        <UserStatus user={user} now={now} />
      </td>
      <td>{t(user.secondFactor ? 'users.secondFactor.on' : 'users.secondFactor.off')}</td>
      <td>{user.lastLoginAt ? <DateTime value={user.lastLoginAt} /> : t('users.neverLoggedIn')}</td>
      <td>
        <div className="row-actions">
          {isSelf ? null : user.disabled ? (
            <button type="button" className="button button-secondary" onClick={enable}>
              {t('users.actions.enable')}
            </button>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => onAskDisable(user)}>
              {t('users.actions.disable')}
            </button>
          )}
          {user.secondFactor ? (
            <button type="button" className="button button-secondary" onClick={() => onAskReset(user)}>
              {t('users.actions.resetSecondFactor')}
            </button>
          ) : null}
          {isLocked(user, now) ? (
            <button type="button" className="button button-secondary" onClick={doUnlock}>
              {t('users.actions.unlock')}
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

function UsersTable({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const users = useUsers();
  const update = useUpdateUser();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [disableTarget, setDisableTarget] = useState<AdminUser | null>(null);
  const [resetTarget, setResetTarget] = useState<AdminUser | null>(null);
  const reset = useResetSecondFactor();
  const selfId = useSession().data?.user.id;
  const roleOptions = roles.map((role) => ({ value: role.code, label: t(`roles.${role.code}`) }));
  const organisations = organisationOptions(useHousingOrganisations().data?.items ?? []);
  // One "now" per render of the list, so every row judges locks against the same moment.
  const now = users.dataUpdatedAt || Date.now();

  const confirmDisable = () => {
    const target = disableTarget;
    if (!target || update.isPending) return;
    update.mutate(
      { id: target.id, disabled: true },
      {
        onSuccess: (saved) =>
          setNotice({ kind: 'success', key: 'users.notice.disabled', params: { username: saved.username } }),
        onError: (error) => setNotice({ kind: 'error', error }),
        onSettled: () => setDisableTarget(null),
      },
    );
  };

  const confirmReset = () => {
    const target = resetTarget;
    if (!target || reset.isPending) return;
    reset.mutate(target.id, {
      onSuccess: () =>
        setNotice({
          kind: 'success',
          key: 'users.notice.secondFactorReset',
          params: { username: target.username },
        }),
      onError: (error) => setNotice({ kind: 'error', error }),
      onSettled: () => setResetTarget(null),
    });
  };

  return (
    <section aria-labelledby="users-list-heading">
      <h2 id="users-list-heading">{t('users.listHeading')}</h2>
      <NoticeArea notice={notice} />
      <QueryState query={users} loadingText={t('users.loading')} live={false} />
      {users.data ? (
        <div className="table--responsive-scroll">
          <table className="table table--zebra table--compact">
            <caption className="sr-only">
              {t('users.table.caption', { count: users.data.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('users.table.username')}</th>
                <th scope="col">{t('users.table.displayName')}</th>
                <th scope="col">{t('users.table.role')}</th>
                <th scope="col">{t('users.table.status')}</th>
                <th scope="col">{t('users.table.secondFactor')}</th>
                <th scope="col">{t('users.table.lastLogin')}</th>
                <th scope="col">{t('users.table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  roleOptions={roleOptions}
                  organisationOptions={organisations}
                  now={now}
                  onNotice={setNotice}
                  onAskDisable={setDisableTarget}
                  onAskReset={setResetTarget}
                  isSelf={user.id === selfId}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog
        open={disableTarget !== null}
        heading={t('users.disableDialog.heading', { username: disableTarget?.username ?? '' })}
        confirmLabel={t('users.disableDialog.confirm')}
        cancelLabel={t('users.disableDialog.cancel')}
        onConfirm={confirmDisable}
        onCancel={() => setDisableTarget(null)}
        busy={update.isPending}
      >
        <p>{t('users.disableDialog.text', { name: disableTarget?.displayName ?? '' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={resetTarget !== null}
        heading={t('users.resetDialog.heading', { username: resetTarget?.username ?? '' })}
        confirmLabel={t('users.resetDialog.confirm')}
        cancelLabel={t('users.resetDialog.cancel')}
        onConfirm={confirmReset}
        onCancel={() => setResetTarget(null)}
        busy={reset.isPending}
      >
        <p>{t('users.resetDialog.text', { name: resetTarget?.displayName ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}

const EMPTY_FORM = { username: '', displayName: '', role: '', organisationId: '', password: '' };

function CreateUserForm({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const organisations = useHousingOrganisations();
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'createUser',
    initial: EMPTY_FORM,
    fields: {
      username: { id: 'new-user-username', label: t('createUser.username') },
      displayName: { id: 'new-user-display-name', label: t('createUser.displayName') },
      role: { id: 'new-user-role', label: t('createUser.role') },
      organisationId: { id: 'new-user-organisation', label: t('createUser.organisation') },
      password: { id: 'new-user-password', label: t('createUser.password') },
    },
    serverErrors: {
      USER_USERNAME_TAKEN: { path: 'username', code: 'taken' },
      USER_ORGANISATION_REQUIRED: { path: 'organisationId', code: 'required' },
      USER_ORGANISATION_NOT_FOUND: { path: 'organisationId', code: 'invalid' },
    },
  });
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    setNotice(null);
    const { organisationId, ...rest } = values;
    const partner = values.role === PARTNER_ROLE;
    const input = {
      ...rest,
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      ...(partner && organisationId !== '' ? { organisationId } : {}),
    };
    const problems: FieldError[] = [];
    if (input.username === '') problems.push({ path: 'username', code: 'required' });
    if (input.displayName === '') problems.push({ path: 'displayName', code: 'required' });
    if (input.role === '') problems.push({ path: 'role', code: 'required' });
    if (partner && organisationId === '') problems.push({ path: 'organisationId', code: 'required' });
    if (input.password === '') problems.push({ path: 'password', code: 'required' });
    else if (input.password.length < MIN_PASSWORD_LENGTH)
      problems.push({ path: 'password', code: 'too_short' });
    if (form.failed(problems)) return;
    create.mutate(input, {
      onSuccess: (user) => {
        form.clear();
        form.reset();
        setNotice({ kind: 'success', key: 'createUser.created', params: { username: user.username } });
      },
      onError: form.reportError,
    });
  };

  return (
    <section aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('createUser.heading')}</h2>
      <div role="status">
        {notice?.kind === 'success' ? (
          <Alert variant="success">
            <p>{t(notice.key, notice.params)}</p>
          </Alert>
        ) : null}
      </div>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('username')}
          hint={t('createUser.usernameHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          widthClass="input-width-m"
        />
        <TextField {...form.field('displayName')} autoComplete="off" required widthClass="input-width-l" />
        <SelectField
          {...form.field('role')}
          placeholder={t('createUser.rolePlaceholder')}
          options={roles.map((role) => ({ value: role.code, label: t(`roles.${role.code}`) }))}
          required
        />
        {values.role === PARTNER_ROLE ? (
          <SelectField
            {...form.field('organisationId')}
            hint={t('createUser.organisationHint')}
            placeholder={t('createUser.organisationPlaceholder')}
            options={organisationOptions(organisations.data?.items ?? [])}
            required
          />
        ) : null}
        <TextField
          {...form.field('password')}
          type="password"
          hint={t('createUser.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          widthClass="input-width-l"
        />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('createUser.submit')}
          </button>
        </div>
        {create.isPending ? <Loading text={t('createUser.saving')} /> : null}
      </form>
    </section>
  );
}

/** /admin/brugere: the municipality's users, their roles and status, and creating new ones. */
export function UsersPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  return (
    <Page title={t('users.title')}>
      <QueryState query={roles} />
      {roles.data ? (
        <>
          <UsersTable roles={roles.data.items} />
          <CreateUserForm roles={roles.data.items} />
        </>
      ) : null}
    </Page>
  );
}
