import type { Tx } from '../../db/database';
import { receivedUnits } from '../allocation';
import { agreedUnits } from '../housing';

/** Dwellings of the framework agreements in a period: agreed, received, used and returned unused. */
export interface AgreementSupply {
  /** Units the agreements promise over the period (quotas × turnover), one decimal. */
  agreed: number;
  received: number;
  used: number;
  returnedUnused: number;
}

/**
 * The housing supply of a period from the modules that own it: the housing module's agreed units
 * and the allocation module's received, used and returned vacancies (outcome indicator
 * `agreementUnits` and the economy dashboard, issue 18 §3–4). Dwellings, not people.
 */
export async function agreementSupply(
  trx: Tx,
  m: string,
  from: string,
  to: string,
): Promise<AgreementSupply> {
  const [agreed, received] = await Promise.all([
    agreedUnits(trx, m, from, to),
    receivedUnits(trx, m, null, from, to),
  ]);
  const units = { received: 0, used: 0, returnedUnused: 0 };
  for (const d of received.perDepartment.values()) {
    units.received += d.received;
    units.used += d.used;
    units.returnedUnused += d.returnedUnused;
  }
  const agreedTotal = [...agreed.values()].reduce((s, n) => s + n, 0);
  return { agreed: Math.round(agreedTotal * 10) / 10, ...units };
}
