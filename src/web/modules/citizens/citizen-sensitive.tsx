import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/checkbox-field';
import { Loading } from '../../components/loading';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Facts, FormDetails, Section } from '../../components/section';
import { useForm } from '../../components/use-form';
import { YesNoText } from '../../components/yes-no';
import { type CitizenDetail, type SensitiveFlags, useSaveSensitive } from './citizens.api';

const FLAGS = ['mentalIllness', 'substanceAbuse', 'formerlyPlaced'] as const;

function EditSensitiveForm({ citizen, flags }: { citizen: CitizenDetail; flags: SensitiveFlags }) {
  const { t } = useTranslation();
  const save = useSaveSensitive(citizen.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    initial: flags,
    fields: Object.fromEntries(
      FLAGS.map((flag) => [flag, { id: `sensitive-${flag}`, label: t(`citizen.sensitive.${flag}`) }]),
    ),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    save.mutate(form.values, {
      onSuccess: () => setNotice({ kind: 'success', key: 'citizen.sensitive.saved' }),
      onError: (error) => setNotice({ kind: 'error', error }),
    });
  };

  return (
    <FormDetails summary={t('citizen.sensitive.edit')}>
      <NoticeArea notice={notice} />
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend className="form-label">{t('citizen.sensitive.legend')}</legend>
          {FLAGS.map((flag) => (
            <CheckboxField key={flag} {...form.checkbox(flag)} />
          ))}
        </fieldset>
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('citizen.sensitive.submit')}
          </button>
        </div>
        {save.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/**
 * Sensitive flags (health, substance abuse, formerly placed outside the home). The server leaves
 * them out for roles that do not need them, so the section only exists when they are sent.
 */
export function SensitiveSection({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const flags = citizen.sensitive;
  if (!flags) return null;
  return (
    <Section id="citizen-sensitive" heading={t('citizen.sensitive.heading')}>
      <p>{t('citizen.sensitive.intro')}</p>
      <Facts
        label={t('citizen.sensitive.heading')}
        items={FLAGS.map((flag) => ({
          label: t(`citizen.sensitive.${flag}`),
          value: <YesNoText value={flags[flag]} />,
        }))}
      />
      {citizen.abilities.sensitive ? <EditSensitiveForm citizen={citizen} flags={flags} /> : null}
    </Section>
  );
}
