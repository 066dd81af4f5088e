import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { notInFuture, readDate } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { useForm } from '../../components/use-form';
import { todayText } from '../../i18n/format';
import { PageTasks } from '../tasks';
import { type HandlekommuneResident, useActionPlan, useHandlekommuneResidents } from './shelters.api';

function ActionPlanForm({
  resident,
  onDone,
}: {
  resident: HandlekommuneResident;
  onDone: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const record = useActionPlan();
  const name = resident.name ?? '';
  const form = useForm({
    formKey: 'shelterResidents.plan',
    initial: () => ({ madeOn: todayText() }),
    fields: { madeOn: { id: `plan-${resident.id}`, label: t('shelterResidents.plan.madeOn') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const problems: FieldError[] = [];
    const madeOn = readDate(form.values.madeOn, 'madeOn', problems, true);
    notInFuture(madeOn, 'madeOn', problems);
    if (form.failed(problems) || !madeOn) return;
    settle(
      record,
      { stayId: resident.id, madeOn },
      {
        onSuccess: () => onDone({ kind: 'success', key: 'shelterResidents.plan.done', params: { name } }),
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('shelterResidents.plan.summary', { name })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('madeOn')} />
        <button type="submit" className="button button-primary">
          {t('shelterResidents.plan.submit')}
        </button>
      </form>
    </FormDetails>
  );
}

/**
 * /herberg/borgere: the citizens in shelters the municipality is handlekommune for, with the action
 * plan every § 110 resident needs (rule 11).
 */
export function CitizensInSheltersPage() {
  const { t } = useTranslation();
  const query = useHandlekommuneResidents();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Page title={t('shelterResidents.title')}>
      <NoticeArea notice={notice} headingLevel={2} />
      <p>{t('shelterResidents.intro')}</p>
      <PageTasks />
      <QueryState query={query} loadingText={t('shelterResidents.loading')} isEmpty={() => false}>
        {(residents) =>
          residents.length === 0 ? (
            <p>{t('shelterResidents.none')}</p>
          ) : (
            <Section id="shelter-citizens" heading={t('shelterResidents.heading')}>
              <TableScroll label={t('shelterResidents.caption')}>
                <table className="table table--compact">
                  <caption className="sr-only">{t('shelterResidents.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('shelterResidents.name')}</th>
                      <th scope="col">{t('shelterResidents.shelter')}</th>
                      <th scope="col">{t('shelterResidents.admittedOn')}</th>
                      <th scope="col">{t('shelterResidents.notifiedOn')}</th>
                      <th scope="col">{t('shelterResidents.plan.heading')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {residents.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <Link to={`/borgere/${encodeURIComponent(r.citizenId)}`}>
                            {r.name ?? r.citizenId}
                          </Link>
                        </td>
                        <td>{r.shelterName}</td>
                        <td>
                          <DateText value={r.admittedOn} />
                        </td>
                        <td>{r.notifiedOn ? <DateText value={r.notifiedOn} /> : <NoValue />}</td>
                        <td className={r.plan === 'missing' ? 'text-error' : undefined}>
                          {t(`shelterResidents.planStatus.${r.plan}`)}
                          {r.actionPlanOn ? (
                            <>
                              {' '}
                              (<DateText value={r.actionPlanOn} />)
                            </>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              {residents
                .filter((r) => r.plan === 'missing')
                .map((r) => (
                  <ActionPlanForm key={r.id} resident={r} onDone={setNotice} />
                ))}
            </Section>
          )
        }
      </QueryState>
    </Page>
  );
}
