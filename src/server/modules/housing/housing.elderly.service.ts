/** Elderly and handicap housing (issue 4 §7): the stock, beside the applicants in its target group. */
import { today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { reducedFunctionApplicants } from '../allocation';
import { canHousing } from './housing.policy';
import * as repo from './housing.repository';

export async function elderlyStock(trx: Tx, actor: Actor) {
  const departments = (await repo.listDepartments(trx, actor.municipalityId, today()))
    .filter((d) => d.units_elderly > 0)
    .map((d) => ({
      departmentId: d.id,
      organisationName: d.organisation_name,
      number: d.number,
      name: d.name,
      unitsElderly: d.units_elderly,
    }));
  // The family-housing list and the elderly/handicap stock are used together (issue 4 §7).
  // Names of applicants only for those who work with the waiting list.
  const applicants = canHousing(actor, 'view_applicants')
    ? await reducedFunctionApplicants(trx, actor.municipalityId)
    : undefined;
  return { departments, totalElderly: departments.reduce((s, d) => s + d.unitsElderly, 0), applicants };
}
