import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { useFormProblems } from '../../components/form-problems';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import {
  DateText,
  type Notice,
  NoticeArea,
  notInFuture,
  optionalText,
  readDate,
  todayText,
} from './citizen-format';
import { FormDetails, Section } from './citizen-layout';
import { type CitizenDetail, CONTACT_CHANNELS, type ContactChannel, useAddContact } from './citizens.api';

function AddContactForm({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const add = useAddContact(citizen.id);
  const withNote = citizen.abilities.sensitive;
  const empty = () => ({ contactOn: todayText(), channel: '', note: '' });
  const [values, setValues] = useState(empty);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useFormProblems('contact', {
    contactOn: { id: 'contact-date', label: t('citizen.contacts.date') },
    channel: { id: 'contact-channel', label: t('citizen.contacts.channel') },
    note: { id: 'contact-note', label: t('citizen.contacts.note') },
  });
  const set = (key: 'contactOn' | 'channel' | 'note') => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

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
        <DateField
          id="contact-date"
          label={t('citizen.contacts.date')}
          value={values.contactOn}
          onChange={(event) => set('contactOn')(event.target.value)}
          error={form.fieldMessage('contactOn')}
        />
        <SelectField
          id="contact-channel"
          label={t('citizen.contacts.channel')}
          placeholder={t('citizen.contacts.channelPlaceholder')}
          options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`contactChannels.${c}`) }))}
          value={values.channel}
          onChange={(event) => set('channel')(event.target.value)}
          error={form.fieldMessage('channel')}
        />
        {withNote ? (
          <TextAreaField
            id="contact-note"
            label={t('citizen.contacts.note')}
            hint={t('episode.noteHint')}
            value={values.note}
            onChange={(event) => set('note')(event.target.value)}
            error={form.fieldMessage('note')}
          />
        ) : null}
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
