import type { TFunction } from 'i18next';
import { formatCpr, parseCpr } from '../../../shared/citizens/cpr';
import type { FieldError } from '../../api';
import { NoValue } from '../../components/no-value';

/** What a citizen is called on screen: the name, else the initials, else "Borger uden navn". */
export function citizenName(t: TFunction, citizen: { name: string | null; initials: string | null }): string {
  return citizen.name ?? citizen.initials ?? t('citizens.unnamed');
}

/** A CPR number shown as DDMMYY-SSSS, or a dash when the citizen has none. */
export function CprText({ value }: { value: string | null | undefined }) {
  if (!value) return <NoValue />;
  return <span className="nowrap">{formatCpr(value)}</span>;
}

/**
 * Reads a typed CPR number: the precise reason it is wrong (`cpr_format` / `cpr_date`, the codes the
 * server uses too) goes to `problems`. Returns the ten digits, or undefined when empty or wrong.
 */
export function readCpr(
  text: string,
  path: string,
  problems: FieldError[],
  required = false,
): string | undefined {
  const value = text.trim();
  if (value === '') {
    if (required) problems.push({ path, code: 'required' });
    return undefined;
  }
  const result = parseCpr(value);
  if (!result.ok) {
    problems.push({ path, code: `cpr_${result.problem}` });
    return undefined;
  }
  return result.cpr;
}

/** Whether a kommunekode looks right: three digits (e.g. 169). */
export function isKommunekode(text: string): boolean {
  return /^\d{3}$/.test(text.trim());
}
