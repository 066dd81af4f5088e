import { type Db, isUniqueViolation } from '../../db/database';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import { findMunicipalityByCode, insertMunicipality } from './access.repository';
import type { MunicipalityRow } from './access.table';

/** Creates a municipality (owner handle: a new tenant is a system act, done from the CLI). */
export async function createMunicipality(
  owner: Db,
  input: {
    code: string;
    name: string;
    authority: string;
    contactEmail?: string | null;
    inhabitants?: number | null;
  },
): Promise<MunicipalityRow> {
  return owner.transaction().execute(async (trx) => {
    if (await findMunicipalityByCode(trx, input.code)) throw new AppError('MUNICIPALITY_CODE_TAKEN');
    // Two creations of one code at the same moment: both pass the look-up, the unique index decides.
    const row = await insertMunicipality(trx, input).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError('MUNICIPALITY_CODE_TAKEN') : error;
    });
    await recordAudit(trx, null, row.id, {
      action: 'municipality.create',
      entityType: 'municipality',
      entityId: row.id,
    });
    return row;
  });
}
