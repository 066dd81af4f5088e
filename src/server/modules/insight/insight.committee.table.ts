import type { Generated } from 'kysely';

/** The introduction to one period's committee report (migration 0035). */
export interface CommitteeIntroductionTable {
  municipality_id: string;
  period_from: string;
  period_to: string;
  text: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

declare module '../../db/schema' {
  interface Database {
    committee_introduction: CommitteeIntroductionTable;
  }
}
