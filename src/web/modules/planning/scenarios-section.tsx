import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { useConfirmedMutation } from '../../components/use-confirmed-mutation';
import { YesNoText } from '../../components/yes-no';
import {
  type ScenarioSummary,
  useDeleteScenario,
  useScenario,
  useScenarioEnded,
  useScenarios,
  useSetInReport,
} from './planning.api';
import { DateTimeText, failureText } from './planning-format';

/** Scenarios compared side by side at most (and at least two for a comparison). */
export const COMPARE_MAX = 4;

/** A running scenario's progress, asked for every half second until it has ended. */
function RowProgress({ scenario }: { scenario: ScenarioSummary }) {
  const { t } = useTranslation();
  const detail = useScenario(scenario.id);
  const ended = useScenarioEnded();
  const status = detail.data?.status;
  useEffect(() => {
    if (status === 'done' || status === 'failed') void ended();
  }, [status, ended]);
  const percent = Math.round((detail.data?.progress ?? scenario.progress) * 100);
  return (
    <span className="nowrap">
      {t('planning.list.statuses.running')}{' '}
      <progress
        max={100}
        value={percent}
        aria-label={t('planning.list.progressLabel', { name: scenario.name })}
        className="planning-progress-small"
      >
        {t('planning.percent', { value: percent })}
      </progress>{' '}
      <span aria-hidden="true">{t('planning.percent', { value: percent })}</span>
    </span>
  );
}

function StatusCell({ scenario }: { scenario: ScenarioSummary }) {
  const { t } = useTranslation();
  if (scenario.status === 'running') return <RowProgress scenario={scenario} />;
  if (scenario.status === 'failed')
    return (
      <>
        {t('planning.list.statuses.failed')}
        <span className="d-block form-hint">{failureText(t, scenario.error)}</span>
      </>
    );
  return <>{t('planning.list.statuses.done')}</>;
}

export interface ScenariosSectionProps {
  canRun: boolean;
  /** The scenarios ticked for comparison. */
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
  /** Shows one scenario's forecast. */
  onShow: (id: string) => void;
  /** A scenario was deleted: it is no longer shown or compared. */
  onDeleted: (id: string) => void;
}

/**
 * The saved scenarios, newest first: who ran each and when, its status (the progress while it runs),
 * whether it is in the committee report; ticked for comparison (2–4 finished ones), shown, added to
 * or taken out of the report, deleted after a confirmation.
 */
export function ScenariosSection({ canRun, selected, onSelect, onShow, onDeleted }: ScenariosSectionProps) {
  const { t } = useTranslation();
  const scenarios = useScenarios();
  const report = useSetInReport();
  const remove = useDeleteScenario();
  const [notice, setNotice] = useState<Notice | null>(null);
  const confirm = useConfirmedMutation(remove, {
    onSuccess: (scenario) => {
      onDeleted(scenario.id);
      setNotice({ kind: 'success', key: 'planning.list.deleted', params: { name: scenario.name } });
    },
    onError: (error) => setNotice({ kind: 'error', error }),
  });
  const toggleReport = (scenario: ScenarioSummary) => {
    if (report.isPending) return;
    const inReport = !scenario.inReport;
    settle(
      report,
      { id: scenario.id, inReport },
      {
        onSuccess: () =>
          setNotice({
            kind: 'success',
            key: inReport ? 'planning.list.added' : 'planning.list.removed',
            params: { name: scenario.name },
          }),
        onError: (error) => setNotice({ kind: 'error', error }),
      },
    );
  };
  const toggleSelected = (id: string, checked: boolean) =>
    onSelect(checked ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  const caption = t('planning.list.heading');
  return (
    <Section id="planning-scenarios" heading={caption}>
      <NoticeArea notice={notice} />
      <QueryState
        query={scenarios}
        loadingText={t('planning.list.loading')}
        headingLevel={3}
        isEmpty={(data) => data.scenarios.length === 0}
        empty={<p>{canRun ? t('planning.list.empty') : t('planning.list.emptyRead')}</p>}
      >
        {(data) => (
          <>
            <p id="planning-compare-hint">{t('planning.list.intro', { max: COMPARE_MAX })}</p>
            <TableScroll label={caption}>
              <table className="table table--zebra table--compact" id="planning-scenarios-table">
                <caption className="sr-only">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('planning.list.compare')}</th>
                    <th scope="col">{t('planning.list.name')}</th>
                    <th scope="col">{t('planning.list.created')}</th>
                    <th scope="col">{t('planning.list.by')}</th>
                    <th scope="col">{t('planning.list.status')}</th>
                    <th scope="col">{t('planning.list.inReport')}</th>
                    <th scope="col">{t('planning.list.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.scenarios.map((s) => {
                    const checked = selected.includes(s.id);
                    const done = s.status === 'done';
                    const checkId = `plan-compare-${s.id}`;
                    return (
                      <tr key={s.id}>
                        <td>
                          <div className="form-group-checkbox">
                            <input
                              type="checkbox"
                              className="form-checkbox"
                              id={checkId}
                              checked={checked}
                              disabled={!done || (!checked && selected.length >= COMPARE_MAX)}
                              aria-describedby="planning-compare-hint"
                              onChange={(event) => toggleSelected(s.id, event.target.checked)}
                            />
                            <label htmlFor={checkId}>
                              <span className="sr-only">
                                {t('planning.list.compareLabel', { name: s.name })}
                              </span>
                            </label>
                          </div>
                        </td>
                        <th scope="row">{s.name}</th>
                        <td>
                          <DateTimeText value={s.createdAt} />
                        </td>
                        <td>{s.createdByName ?? <NoValue />}</td>
                        <td>
                          <StatusCell scenario={s} />
                        </td>
                        <td>
                          <YesNoText value={s.inReport} />
                        </td>
                        <td>
                          <div className="planning-actions">
                            {done ? (
                              <button
                                type="button"
                                className="button button-secondary button-small"
                                onClick={() => onShow(s.id)}
                              >
                                {t('planning.list.show')}
                                <span className="sr-only"> {s.name}</span>
                              </button>
                            ) : null}
                            {canRun && done ? (
                              <button
                                type="button"
                                className="button button-secondary button-small"
                                onClick={() => toggleReport(s)}
                                disabled={report.isPending}
                              >
                                {s.inReport
                                  ? t('planning.list.removeFromReport')
                                  : t('planning.list.addToReport')}
                                <span className="sr-only"> {s.name}</span>
                              </button>
                            ) : null}
                            {canRun ? (
                              <button
                                type="button"
                                className="button button-tertiary button-small"
                                onClick={() => confirm.ask(s)}
                              >
                                {t('planning.list.delete')}
                                <span className="sr-only"> {s.name}</span>
                              </button>
                            ) : null}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </QueryState>
      <ConfirmDialog
        {...confirm.dialog}
        heading={t('planning.list.deleteHeading', { name: confirm.pending?.name ?? '' })}
        confirmLabel={t('planning.list.deleteConfirm')}
        cancelLabel={t('common.cancel')}
      >
        <p>
          {confirm.pending?.inReport ? t('planning.list.deleteTextInReport') : t('planning.list.deleteText')}
        </p>
      </ConfirmDialog>
    </Section>
  );
}
