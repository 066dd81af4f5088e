import { parseCpr } from '../../../shared/citizens/cpr';
import type { Executor, Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import * as repo from './citizens.repository';

/**
 * Live citizens by current CPR number (a merged record answers with its survivor), for modules that
 * link what they receive to the by-name list: eviction notices name the tenant by CPR.
 */
export function citizensByCpr(db: Executor, municipalityId: string, cprs: readonly string[]) {
  return repo.idsByCpr(db, municipalityId, cprs);
}

/** A tenant named on an eviction notice, by CPR number. */
export interface NoticeTenant {
  cpr: string;
  /** The name as the notice gives it: the last word is taken as the family name. */
  name: string;
  address: string;
}

/**
 * Registers tenants from eviction notices as citizens, in one statement however many (an import
 * brings thousands), and returns their ids by CPR number. The birth date and sex come from the CPR
 * number. The caller sends likely duplicates to the review queue (`flagDuplicatesOf`).
 */
export function registerCitizensFromNotices(
  trx: Tx,
  actor: Actor,
  tenants: readonly NoticeTenant[],
): Promise<Map<string, string>> {
  return repo.insertNoticeCitizens(
    trx,
    actor.municipalityId,
    tenants.map((t) => {
      const parsed = parseCpr(t.cpr);
      const words = t.name.trim().split(/\s+/);
      return {
        cpr: t.cpr,
        birth_date: parsed.ok ? parsed.birthDate : '1900-01-01',
        sex: parsed.ok ? parsed.sex : 'male',
        given_name: words.length > 1 ? words.slice(0, -1).join(' ') : null,
        family_name: words.at(-1) ?? null,
        address: t.address,
      };
    }),
    actor.userId,
  );
}
