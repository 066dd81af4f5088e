import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCpr } from '../../../shared/citizens/cpr';
import { DateText } from '../../components/date-text';
import { Section } from '../../components/section';
import { i18n } from '../../i18n/index';
import type { CitizenDetail, TimelineItem } from './citizens.api';

/**
 * Parameters that are codes are shown in words; CPR numbers with their hyphen. A module names the
 * words of its own codes in its catalogue as `timelineParams.<parameter>.<code>` (e.g. the plans
 * module's departments); these groups are the older modules' lists.
 */
const PARAM_TRANSLATIONS: Record<string, string> = {
  situation: 'situations',
  purpose: 'consentPurposes',
  channel: 'contactChannels',
  status: 'statuses',
  action: 'prevention.actions',
  outcome: 'prevention.outcomes',
};

function displayParams(t: TFunction, params: TimelineItem['params']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === null) {
      out[key] = '';
      continue;
    }
    const group = PARAM_TRANSLATIONS[key];
    if (typeof value === 'string' && i18n.exists(`timelineParams.${key}.${value}`))
      out[key] = t(`timelineParams.${key}.${value}`);
    else if (group && typeof value === 'string' && i18n.exists(`${group}.${value}`))
      out[key] = t(`${group}.${value}`);
    else if ((key === 'oldCpr' || key === 'newCpr') && typeof value === 'string') out[key] = formatCpr(value);
    else out[key] = value;
  }
  return out;
}

/** The text of one event; kinds added by later modules that have no text yet show their code. */
export function timelineText(t: TFunction, item: TimelineItem): string {
  const key = `timeline.${item.kind}`;
  return i18n.exists(key) ? t(key, displayParams(t, item.params)) : item.kind;
}

/** Everything that has happened to the citizen, newest first. */
export function TimelineSection({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const items = citizen.timeline
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.date.localeCompare(a.item.date) || a.index - b.index)
    .map(({ item }) => item);
  return (
    <Section id="citizen-timeline" heading={t('citizen.timeline.heading')}>
      {items.length === 0 ? (
        <p>{t('citizen.timeline.none')}</p>
      ) : (
        <ol className="timeline nobullet-list">
          {items.map((item, index) => (
            // Events carry no id; date, kind and position identify them within this list.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on every change.
            <li key={`${item.date}-${item.kind}-${index}`}>
              <span className="timeline-date">
                <DateText value={item.date} />
              </span>{' '}
              <span className="timeline-text">{timelineText(t, item)}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
