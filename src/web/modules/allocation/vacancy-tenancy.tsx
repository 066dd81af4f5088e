/** The tenancy of a let unit: its dates, and recording the signed lease and the move-in. */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { Alert } from '../../components/alert';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { notInFuture, readDate } from '../../components/read-field';
import { Facts, Section } from '../../components/section';
import { useForm } from '../../components/use-form';
import { isoToDanishDate, todayIso, todayText } from '../../i18n/format';
import { type TenancyView, useMoveIn, useSignLease } from './vacancies.api';
import { CitizenLink } from './vacancy-format';

function LeaseForm({ tenancy, onDone }: { tenancy: TenancyView; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const sign = useSignLease(tenancy.id);
  const form = useForm({
    formKey: 'offers.lease',
    initial: () => ({ signedOn: todayText() }),
    fields: { signedOn: { id: 'tenancy-lease', label: t('offers.lease.signedOn') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sign.isPending) return;
    const problems: FieldError[] = [];
    const date = readDate(form.values.signedOn, 'signedOn', problems, true);
    notInFuture(date, 'signedOn', problems);
    if (form.failed(problems) || date === undefined) return;
    settle(
      sign,
      { signedOn: date },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'offers.lease.done', params: { date: isoToDanishDate(date) } });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="tenancy-lease-heading">
      <h3 id="tenancy-lease-heading">{t('offers.lease.heading')}</h3>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <DateField {...form.field('signedOn')} />
      <button type="submit" className="button button-primary">
        {t('offers.lease.submit')}
      </button>
      {sign.isPending ? <Loading text={t('common.saving')} /> : null}
    </form>
  );
}

function MoveInForm({ tenancy, onDone }: { tenancy: TenancyView; onDone: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const moveIn = useMoveIn(tenancy.id);
  const form = useForm({
    formKey: 'offers.moveIn',
    initial: () => ({
      movedInOn:
        tenancy.plannedMoveInOn && tenancy.plannedMoveInOn <= todayIso()
          ? isoToDanishDate(tenancy.plannedMoveInOn)
          : todayText(),
    }),
    fields: { movedInOn: { id: 'tenancy-move-in', label: t('offers.moveIn.movedInOn') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (moveIn.isPending) return;
    const problems: FieldError[] = [];
    const date = readDate(form.values.movedInOn, 'movedInOn', problems, true);
    notInFuture(date, 'movedInOn', problems);
    if (form.failed(problems) || date === undefined) return;
    settle(
      moveIn,
      { movedInOn: date },
      {
        onSuccess: () => {
          form.clear();
          // The section's "housed" message is the one success message (issue 14 §3: it was shown twice).
          onDone(null);
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="tenancy-move-in-heading">
      <h3 id="tenancy-move-in-heading">{t('offers.moveIn.heading')}</h3>
      <p>{t('offers.moveIn.intro')}</p>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <DateField {...form.field('movedInOn')} hint={`${t('offers.moveIn.hint')} ${t('form.dateHint')}`} />
      <button type="submit" className="button button-primary">
        {t('offers.moveIn.submit')}
      </button>
      {moveIn.isPending ? <Loading text={t('common.saving')} /> : null}
    </form>
  );
}

export function TenancySection({
  tenancy,
  canManage,
  notice,
  onNotice: setNotice,
}: {
  tenancy: TenancyView;
  canManage: boolean;
  /** The page's one result message, when it answers an action here. */
  notice: Notice | null;
  onNotice: (notice: Notice | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Section id="vacancy-tenancy" heading={t('offers.tenancyHeading')}>
      <NoticeArea notice={notice} />
      <Facts
        label={t('offers.tenancyHeading')}
        items={[
          {
            label: t('offers.tenant'),
            value: <CitizenLink id={tenancy.citizenId} name={tenancy.citizenName} />,
          },
          { label: t('offers.acceptedOn'), value: <DateText value={tenancy.acceptedOn} /> },
          { label: t('offers.leaseSignedOn'), value: <DateText value={tenancy.leaseSignedOn} /> },
          { label: t('offers.plannedMoveInOn'), value: <DateText value={tenancy.plannedMoveInOn} /> },
          { label: t('offers.movedInOn'), value: <DateText value={tenancy.movedInOn} /> },
        ]}
      />
      {/* A status region that is always there, so the housed message is announced when it appears. */}
      <div role="status">
        {tenancy.movedInOn ? (
          <Alert variant="success" headingLevel={3} heading={t('offers.housedHeading')}>
            <p>
              {t('offers.housed', {
                name: tenancy.citizenName || t('offers.theCitizen'),
                date: isoToDanishDate(tenancy.movedInOn),
              })}
            </p>
          </Alert>
        ) : null}
      </div>
      {tenancy.movedInOn ? null : canManage ? (
        tenancy.leaseSignedOn ? (
          <MoveInForm key={tenancy.id} tenancy={tenancy} onDone={setNotice} />
        ) : (
          <LeaseForm key={tenancy.id} tenancy={tenancy} onDone={setNotice} />
        )
      ) : null}
    </Section>
  );
}
