import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { RadioGroup } from '../../components/radio-group';
import { optionalText, readDate } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { CprText, readCpr } from './citizen-format';
import {
  type CitizenDetail,
  HOUSEHOLD_KINDS,
  type HouseholdKind,
  type HouseholdMember,
  useAddHouseholdMember,
  useEndHouseholdMember,
} from './citizens.api';

const EMPTY = { kind: '', name: '', birthDate: '', cpr: '' };

function AddMemberForm({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const add = useAddHouseholdMember(citizen.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'household',
    initial: EMPTY,
    fields: {
      kind: { id: 'household-kind', label: t('citizen.household.kind') },
      name: { id: 'household-name', label: t('citizen.household.name') },
      birthDate: { id: 'household-birth-date', label: t('citizen.fields.birthDate') },
      cpr: { id: 'household-cpr', label: t('citizen.household.cpr') },
    },
  });
  const { values, setValues } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    if (values.kind === '') problems.push({ path: 'kind', code: 'required' });
    const name = optionalText(values.name);
    if (name === undefined) problems.push({ path: 'name', code: 'required' });
    const birthDate = readDate(values.birthDate, 'birthDate', problems, true);
    const cpr = readCpr(values.cpr, 'cpr', problems);
    if (form.failed(problems) || name === undefined || birthDate === undefined) return;
    add.mutate(
      { kind: values.kind as HouseholdKind, name, birthDate, ...(cpr ? { cpr } : {}) },
      {
        onSuccess: () => {
          form.clear();
          setValues(EMPTY);
          setNotice({ kind: 'success', key: 'citizen.household.saved', params: { name } });
        },
        onError: (error) => form.reportError(error),
      },
    );
  };

  return (
    <FormDetails summary={t('citizen.household.add')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <RadioGroup
          {...form.radio('kind')}
          options={HOUSEHOLD_KINDS.map((kind) => ({ value: kind, label: t(`householdKinds.${kind}`) }))}
          inline
        />
        <TextField {...form.field('name')} autoComplete="off" widthClass="input-width-l" />
        <DateField {...form.field('birthDate')} />
        <TextField
          {...form.field('cpr')}
          hint={t('citizen.household.cprHint')}
          autoComplete="off"
          spellCheck={false}
          widthClass="input-width-s"
        />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('citizen.household.submit')}
          </button>
        </div>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** The adults and children the citizen lives with (children under 18 with birth dates). */
export function HouseholdSection({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const end = useEndHouseholdMember(citizen.id);
  const [target, setTarget] = useState<HouseholdMember | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Current members first, then those who have left, most recently ended first.
  const members = [...citizen.household].sort((a, b) =>
    a.endedOn === b.endedOn
      ? 0
      : a.endedOn === null
        ? -1
        : b.endedOn === null
          ? 1
          : b.endedOn.localeCompare(a.endedOn),
  );

  const confirm = () => {
    if (!target || end.isPending) return;
    const name = target.name;
    end.mutate(target.id, {
      onSuccess: () => setNotice({ kind: 'success', key: 'citizen.household.ended', params: { name } }),
      onError: (error) => setNotice({ kind: 'error', error }),
      onSettled: () => setTarget(null),
    });
  };

  return (
    <Section id="citizen-household" heading={t('citizen.household.heading')}>
      <NoticeArea notice={notice} />
      {members.length === 0 ? (
        <p>{t('citizen.household.none')}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('citizen.household.caption', { count: members.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citizen.household.name')}</th>
                <th scope="col">{t('citizen.household.kind')}</th>
                <th scope="col">{t('citizen.fields.birthDate')}</th>
                <th scope="col">{t('citizen.fields.cpr')}</th>
                <th scope="col">{t('citizen.household.membership')}</th>
                {citizen.abilities.write ? <th scope="col">{t('citizen.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <th scope="row">{member.name}</th>
                  <td>{t(`householdKinds.${member.kind}`)}</td>
                  <td>
                    <DateText value={member.birthDate} />
                  </td>
                  <td>
                    <CprText value={member.cpr} />
                  </td>
                  <td>
                    {member.endedOn ? (
                      <>
                        {t('citizen.household.endedOn')} <DateText value={member.endedOn} />
                      </>
                    ) : (
                      t('citizen.household.current')
                    )}
                  </td>
                  {citizen.abilities.write ? (
                    <td>
                      {member.endedOn ? null : (
                        <button
                          type="button"
                          className="button button-secondary"
                          onClick={() => setTarget(member)}
                        >
                          {t('citizen.household.end')}
                          <span className="sr-only"> {member.name}</span>
                        </button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {citizen.abilities.write ? <AddMemberForm citizen={citizen} /> : null}
      <ConfirmDialog
        open={target !== null}
        heading={t('citizen.household.endDialog.heading', { name: target?.name ?? '' })}
        confirmLabel={t('citizen.household.endDialog.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={confirm}
        onCancel={() => setTarget(null)}
        busy={end.isPending}
      >
        <p>{t('citizen.household.endDialog.text')}</p>
      </ConfirmDialog>
    </Section>
  );
}
