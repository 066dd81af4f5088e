import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { readDate } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { useForm } from '../../components/use-form';
import { todayIso, todayText } from '../../i18n/format';
import {
  type CitizenDetail,
  CONSENT_PURPOSES,
  type Consent,
  type ConsentPurpose,
  useAddConsent,
  useWithdrawConsent,
} from './citizens.api';

const STATE_BADGE: Record<Consent['state'], string> = {
  active: 'badge-success',
  expired: 'badge-warning',
  withdrawn: 'badge-info',
};

function AddConsentForm({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const add = useAddConsent(citizen.id);
  const empty = () => ({ purpose: '', givenOn: todayText(), expiresOn: '' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'consent',
    initial: empty,
    fields: {
      purpose: { id: 'consent-purpose', label: t('citizen.consents.purpose') },
      givenOn: { id: 'consent-given-on', label: t('citizen.consents.givenOn') },
      expiresOn: { id: 'consent-expires-on', label: t('citizen.consents.expiresOn') },
    },
  });
  const { values, setValues } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    if (values.purpose === '') problems.push({ path: 'purpose', code: 'required' });
    const givenOn = readDate(values.givenOn, 'givenOn', problems, true);
    const expiresOn = readDate(values.expiresOn, 'expiresOn', problems);
    if (givenOn && expiresOn && expiresOn < givenOn)
      problems.push({ path: 'expiresOn', code: 'before_given' });
    if (problems.length > 0 || givenOn === undefined) {
      form.report({ fields: problems, error: null });
      return;
    }
    const purpose = values.purpose as ConsentPurpose;
    add.mutate(
      { purpose, givenOn, ...(expiresOn ? { expiresOn } : {}) },
      {
        onSuccess: () => {
          form.clear();
          setValues(empty());
          setNotice({
            kind: 'success',
            key: 'citizen.consents.saved',
            params: { purpose: t(`consentPurposes.${purpose}`) },
          });
        },
        onError: (error) => form.reportError(error),
      },
    );
  };

  return (
    <FormDetails summary={t('citizen.consents.add')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('purpose')}
          placeholder={t('citizen.consents.purposePlaceholder')}
          options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consentPurposes.${p}`) }))}
        />
        <DateField {...form.field('givenOn')} />
        <DateField {...form.field('expiresOn')} hint={t('citizen.consents.expiresOnHint')} />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('citizen.consents.submit')}
          </button>
        </div>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** Consents with purpose and expiry; what a purpose needs is checked where it is used. */
export function ConsentsSection({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent(citizen.id);
  const [target, setTarget] = useState<Consent | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const consents = [...citizen.consents].sort((a, b) => b.givenOn.localeCompare(a.givenOn));

  const confirm = () => {
    if (!target || withdraw.isPending) return;
    const purpose = t(`consentPurposes.${target.purpose}`);
    const withdrawnOn = todayIso();
    withdraw.mutate(
      { consentId: target.id, withdrawnOn },
      {
        onSuccess: () =>
          setNotice({ kind: 'success', key: 'citizen.consents.withdrawn', params: { purpose } }),
        onError: (error) => setNotice({ kind: 'error', error }),
        onSettled: () => setTarget(null),
      },
    );
  };

  return (
    <Section id="citizen-consents" heading={t('citizen.consents.heading')}>
      <NoticeArea notice={notice} />
      {consents.length === 0 ? (
        <p>{t('citizen.consents.none')}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('citizen.consents.caption', { count: consents.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citizen.consents.purpose')}</th>
                <th scope="col">{t('citizen.consents.givenOn')}</th>
                <th scope="col">{t('citizen.consents.expiresOn')}</th>
                <th scope="col">{t('citizen.consents.state')}</th>
                {citizen.abilities.write ? <th scope="col">{t('citizen.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {consents.map((consent) => (
                <tr key={consent.id}>
                  <th scope="row">{t(`consentPurposes.${consent.purpose}`)}</th>
                  <td>
                    <DateText value={consent.givenOn} />
                  </td>
                  <td>
                    <DateText value={consent.expiresOn} />
                  </td>
                  <td>
                    <span className={`badge ${STATE_BADGE[consent.state]}`}>
                      {t(`consentStates.${consent.state}`)}
                    </span>
                    {consent.withdrawnOn ? (
                      <span className="d-block">
                        <DateText value={consent.withdrawnOn} />
                      </span>
                    ) : null}
                  </td>
                  {citizen.abilities.write ? (
                    <td>
                      {consent.state === 'active' ? (
                        <button
                          type="button"
                          className="button button-secondary"
                          onClick={() => setTarget(consent)}
                        >
                          {t('citizen.consents.withdraw')}
                          <span className="sr-only"> {t(`consentPurposes.${consent.purpose}`)}</span>
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {citizen.abilities.write ? <AddConsentForm citizen={citizen} /> : null}
      <ConfirmDialog
        open={target !== null}
        heading={t('citizen.consents.withdrawDialog.heading')}
        confirmLabel={t('citizen.consents.withdrawDialog.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={confirm}
        onCancel={() => setTarget(null)}
        busy={withdraw.isPending}
      >
        <p>
          {t('citizen.consents.withdrawDialog.text', {
            purpose: target ? t(`consentPurposes.${target.purpose}`) : '',
          })}
        </p>
      </ConfirmDialog>
    </Section>
  );
}
