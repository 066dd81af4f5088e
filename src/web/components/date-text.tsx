import { isoToDanishDate } from '../i18n/format';
import { NoValue } from './no-value';

/** A calendar date (åååå-mm-dd) shown as dd.mm.åååå, machine-readable too. */
export function DateText({ value }: { value: string | null | undefined }) {
  if (!value) return <NoValue />;
  return <time dateTime={value}>{isoToDanishDate(value)}</time>;
}
