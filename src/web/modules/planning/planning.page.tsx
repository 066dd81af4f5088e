import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { hasPermission, useSession } from '../../session';
import { BaselineSection } from './baseline-section';
import { useBaseline } from './planning.api';
import { ResultSection } from './result-section';
import { ScenarioForm } from './scenario-form';
import { ScenariosSection } from './scenarios-section';

/**
 * Planning (issue 19): the baseline a forecast starts from, a new scenario (for those who may run
 * one), the saved scenarios, and the forecast of one of them or 2–4 side by side. Figures only: the
 * past is suppressed, the forecast is the model's expectation with its band, not counts of persons.
 */
export function PlanningPage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const canRun = hasPermission(user, 'planning.run');
  const canReport = hasPermission(user, 'insight.report');
  const baseline = useBaseline();
  const [selected, setSelected] = useState<string[]>([]);
  const [opened, setOpened] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const show = (id: string) => {
    setSelected([]);
    setOpened(id);
    setFocusKey((k) => k + 1);
  };
  const select = (ids: string[]) => {
    setSelected(ids);
    setOpened(null);
  };
  const deleted = (id: string) => {
    setSelected((ids) => ids.filter((s) => s !== id));
    setOpened((o) => (o === id ? null : o));
  };
  const shown = selected.length > 0 ? selected : opened ? [opened] : [];
  return (
    <Page title={t('planning.title')}>
      <p>{t('planning.intro')}</p>
      <QueryState query={baseline} loadingText={t('planning.loading')}>
        {(b) => (
          <>
            <BaselineSection baseline={b} />
            {canRun ? <ScenarioForm baseline={b} onShow={show} /> : null}
            <ScenariosSection
              canRun={canRun}
              selected={selected}
              onSelect={select}
              onShow={show}
              onDeleted={deleted}
            />
            {shown.length > 0 ? (
              <ResultSection
                ids={shown}
                baseline={b}
                canRun={canRun}
                canReport={canReport}
                focusKey={focusKey}
              />
            ) : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}
