import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { FormDetails, Section } from '../../components/section';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { YesNoText } from '../../components/yes-no';
import { formatDate, formatTime, isoDateTime, isoToDanishDate } from '../../i18n/format';
import { type CitizenDetail, type Episode, useAddEpisode, useRetractEpisode } from './citizens.api';
import { EpisodeFields, emptyEpisode, episodeFieldMap, readEpisode } from './episode-fields';

/** Newest first: by from-date, then by when they were recorded. */
function newestFirst(episodes: Episode[]): Episode[] {
  return [...episodes].sort(
    (a, b) => b.fromDate.localeCompare(a.fromDate) || b.recordedAt.localeCompare(a.recordedAt),
  );
}

/** The facts that decide how a prison, hospital, family/friends or hotel stay counts. */
function EpisodeDetails({ episode }: { episode: Episode }) {
  const { t } = useTranslation();
  const rows: { key: string; label: string; value: ReactNode }[] = [];
  if (episode.situation === 'prison' || episode.situation === 'hospital') {
    rows.push({
      key: 'release',
      label: t('episode.releaseDate'),
      value: <DateText value={episode.releaseDate} />,
    });
    rows.push({
      key: 'housing',
      label: t('episode.housingSolution'),
      value: <YesNoText value={episode.housingSolution} />,
    });
  }
  if (episode.situation === 'family_friends') {
    rows.push({
      key: 'contract',
      label: t('episode.hasContract'),
      value: <YesNoText value={episode.hasContract} />,
    });
    rows.push({
      key: 'temporary',
      label: t('episode.temporary'),
      value: <YesNoText value={episode.temporary} />,
    });
  }
  if (episode.situation === 'hotel') {
    rows.push({
      key: 'because',
      label: t('episode.becauseOfHomelessness'),
      value: <YesNoText value={episode.becauseOfHomelessness} />,
    });
  }
  if (rows.length === 0) return <NoValue />;
  return (
    <ul className="nobullet-list">
      {rows.map((row) => (
        <li key={row.key}>
          {row.label} {row.value}
        </li>
      ))}
    </ul>
  );
}

function EpisodeTable({
  citizen,
  onRetract,
}: {
  citizen: CitizenDetail;
  onRetract: (episode: Episode) => void;
}) {
  const { t } = useTranslation();
  const episodes = newestFirst(citizen.episodes);
  const withNotes = episodes.some((e) => e.note !== null);
  const mergedName = (citizenId: string) => {
    const record = citizen.mergedFrom.find((m) => m.citizenId === citizenId);
    return record?.name ?? t('citizens.unnamed');
  };
  if (episodes.length === 0) return <p>{t('citizen.episodes.none')}</p>;
  return (
    <div className="table--responsive-scroll">
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{t('citizen.episodes.caption', { count: episodes.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('episode.fromDate')}</th>
            <th scope="col">{t('episode.situation')}</th>
            <th scope="col">{t('citizen.episodes.details')}</th>
            {withNotes ? <th scope="col">{t('episode.note')}</th> : null}
            <th scope="col">{t('citizen.recordedAt')}</th>
            {citizen.abilities.write ? <th scope="col">{t('citizen.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {episodes.map((episode) => {
            const retracted = episode.retractedAt !== null;
            return (
              <tr key={episode.id} className={retracted ? 'retracted' : undefined}>
                <td>
                  <DateText value={episode.fromDate} />
                </td>
                <th scope="row">
                  <span className="retracted-text">{t(`situations.${episode.situation}`)}</span>
                  {episode.citizenId !== citizen.id ? (
                    <span className="d-block form-hint">
                      {t('citizen.episodes.fromMerged', { name: mergedName(episode.citizenId) })}
                    </span>
                  ) : null}
                  {retracted ? (
                    <span className="d-block">
                      <span className="badge badge-warning">{t('citizen.episodes.retracted')}</span>
                      {episode.retractReason ? (
                        <span className="d-block">
                          {t('citizen.episodes.retractReason', { reason: episode.retractReason })}
                        </span>
                      ) : null}
                    </span>
                  ) : null}
                </th>
                <td>
                  <EpisodeDetails episode={episode} />
                </td>
                {withNotes ? <td className="prewrap">{episode.note ?? <NoValue />}</td> : null}
                <td>
                  <time dateTime={isoDateTime(episode.recordedAt)}>
                    {t('common.dateTime', {
                      date: formatDate(episode.recordedAt),
                      time: formatTime(episode.recordedAt),
                    })}
                  </time>
                </td>
                {citizen.abilities.write ? (
                  <td>
                    {retracted ? null : (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => onRetract(episode)}
                      >
                        {t('citizen.episodes.retract')}
                        <span className="sr-only">
                          {' '}
                          {t('citizen.episodes.retractWhich', {
                            situation: t(`situations.${episode.situation}`),
                            date: isoToDanishDate(episode.fromDate),
                          })}
                        </span>
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AddEpisodeForm({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const add = useAddEpisode(citizen.id);
  const withNote = citizen.abilities.sensitive;
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'episode',
    initial: emptyEpisode,
    fields: episodeFieldMap(t, 'episode', '', withNote),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    const input = readEpisode(form.values, '', problems, withNote);
    if (form.failed(problems) || !input) return;
    add.mutate(input, {
      onSuccess: () => {
        form.clear();
        form.reset();
        setNotice({
          kind: 'success',
          key: 'citizen.episodes.saved',
          params: { situation: t(`situations.${input.situation}`) },
        });
      },
      onError: form.reportError,
    });
  };

  return (
    <FormDetails summary={t('citizen.episodes.add')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <EpisodeFields
          form={form}
          pathPrefix=""
          withNote={withNote}
          situationPlaceholder={t('episode.situationPlaceholder')}
        />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('citizen.episodes.submit')}
          </button>
        </div>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** Whereabouts history (never overwritten; a wrong episode is retracted, not deleted) and the form. */
export function EpisodesSection({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const retract = useRetractEpisode(citizen.id);
  const [target, setTarget] = useState<Episode | null>(null);
  const dialog = useForm({
    formKey: 'citizen.episodes.retractDialog',
    initial: { reason: '' },
    fields: { reason: { id: 'retract-reason', label: t('citizen.episodes.retractDialog.reason') } },
  });
  const [notice, setNotice] = useState<Notice | null>(null);

  const open = (episode: Episode) => {
    dialog.reset();
    dialog.clear();
    setTarget(episode);
  };

  const confirm = () => {
    if (!target || retract.isPending) return;
    const reason = dialog.values.reason;
    if (dialog.failed(reason.trim() === '' ? [{ path: 'reason', code: 'required' }] : [])) {
      document.getElementById('retract-reason')?.focus();
      return;
    }
    const situation = t(`situations.${target.situation}`);
    retract.mutate(
      { episodeId: target.id, reason: reason.trim() },
      {
        onSuccess: () =>
          setNotice({ kind: 'success', key: 'citizen.episodes.retractedNotice', params: { situation } }),
        onError: (error) => setNotice({ kind: 'error', error }),
        onSettled: () => setTarget(null),
      },
    );
  };

  return (
    <Section id="citizen-episodes" heading={t('citizen.episodes.heading')}>
      <p>{t('citizen.episodes.intro')}</p>
      <NoticeArea notice={notice} />
      <EpisodeTable citizen={citizen} onRetract={open} />
      {citizen.abilities.write ? <AddEpisodeForm citizen={citizen} /> : null}
      <ConfirmDialog
        open={target !== null}
        heading={t('citizen.episodes.retractDialog.heading')}
        confirmLabel={t('citizen.episodes.retractDialog.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={confirm}
        onCancel={() => setTarget(null)}
        busy={retract.isPending}
      >
        <p>
          {target
            ? t('citizen.episodes.retractDialog.text', {
                situation: t(`situations.${target.situation}`),
                date: isoToDanishDate(target.fromDate),
              })
            : null}
        </p>
        <TextField {...dialog.field('reason')} autoComplete="off" widthClass="input-width-xl" />
      </ConfirmDialog>
    </Section>
  );
}
