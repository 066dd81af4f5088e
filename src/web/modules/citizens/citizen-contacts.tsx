import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { notInFuture, optionalText, readDate } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { useForm } from '../../components/use-form';
import { todayText } from '../../i18n/format';
import { type CitizenDetail, CONTACT_CHANNELS, type ContactChannel, useAddContact } from './citizens.api';

function AddContactForm({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const add = useAddContact(citizen.id);
  const withNote = citizen.abilities.sensitive;
  const empty = () => ({ contactOn: todayText(), channel: '', note: '' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'contact',
    initial: empty,
    fields: {
      contactOn: { id: 'contact-date', label: t('citizen.contacts.date') },
      channel: { id: 'contact-channel', label: t('citizen.contacts.channel') },
      note: { id: 'contact-note', label: t('citizen.contacts.note') },
    },
  });
  const { values, setValues } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    const contactOn = readDate(values.contactOn, 'contactOn', problems, true);
    notInFuture(contactOn, 'contactOn', problems);
    if (values.channel === '') problems.push({ path: 'channel', code: 'required' });
    if (problems.length > 0 || contactOn === undefined) {
      form.report({ fields: problems, error: null });
      return;
    }
    const note = withNote ? optionalText(values.note) : undefined;
    add.mutate(
      { contactOn, channel: values.channel as ContactChannel, ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          form.clear();
          setValues(empty());
          setNotice({ kind: 'success', key: 'citizen.contacts.saved' });
        },
        onError: (error) => form.reportError(error),
      },
    );
  };

  return (
    <FormDetails summary={t('citizen.contacts.add')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('contactOn')} />
        <SelectField
          {...form.field('channel')}
          placeholder={t('citizen.contacts.channelPlaceholder')}
          options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`contactChannels.${c}`) }))}
        />
        {withNote ? <TextAreaField {...form.field('note')} hint={t('episode.noteHint')} /> : null}
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('citizen.contacts.submit')}
          </button>
        </div>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** Contacts with the citizen (they keep a homeless citizen active on the list). */
export function ContactsSection({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const contacts = [...citizen.contacts].sort((a, b) => b.contactOn.localeCompare(a.contactOn));
  const withNotes = contacts.some((c) => c.note !== null);
  return (
    <Section id="citizen-contacts" heading={t('citizen.contacts.heading')}>
      {contacts.length === 0 ? (
        <p>{t('citizen.contacts.none')}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('citizen.contacts.caption', { count: contacts.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citizen.contacts.date')}</th>
                <th scope="col">{t('citizen.contacts.channel')}</th>
                {withNotes ? <th scope="col">{t('citizen.contacts.note')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => (
                <tr key={contact.id}>
                  <td>
                    <DateText value={contact.contactOn} />
                  </td>
                  <td>{t(`contactChannels.${contact.channel}`)}</td>
                  {withNotes ? <td className="prewrap">{contact.note ?? <NoValue />}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {citizen.abilities.write ? <AddContactForm citizen={citizen} /> : null}
    </Section>
  );
}
