import type { Generated, Selectable } from 'kysely';
import type { ViveSituation } from '../../../shared/citizens/whereabouts';
import type {
  Answer,
  CountCitizenship,
  CountSex,
  CountStatus,
  Duration,
  IncomeSource,
} from '../../../shared/count/model';

/** One municipality's count in one count year (ISO week 6, rule 5). */
export interface HomelessCountTable {
  id: Generated<string>;
  municipality_id: string;
  year: number;
  week_from: string;
  week_to: string;
  status: Generated<CountStatus>;
  created_by: string | null;
  created_at: Generated<Date>;
  closed_by: string | null;
  closed_at: Date | null;
}

/** One person registered in a count (VIVE's person form). */
export interface CountRegistrationTable {
  id: Generated<string>;
  municipality_id: string;
  count_id: string;
  /** The citizen of the by-name list; null for a person known only by initials and birth date. */
  citizen_id: string | null;
  initials: string | null;
  birth_date: string;
  sex: CountSex;
  situation: ViveSituation;
  duration: Duration;
  causes: string[];
  on_housing_list: Answer;
  has_action_plan: Answer;
  support_received: Answer;
  income_source: IncomeSource;
  citizenship: CountCitizenship;
  migrant_without_residence: boolean;
  /** The units that met the person in the week (shelter, street team, jobcenter, …). */
  units: string[];
  note: string | null;
  registered_by: string | null;
  registered_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Date | null;
}

export type HomelessCountRow = Selectable<HomelessCountTable>;
export type CountRegistrationRow = Selectable<CountRegistrationTable>;

declare module '../../db/schema' {
  /** The week-6 count's tables (migration 0031). */
  interface Database {
    homeless_count: HomelessCountTable;
    count_registration: CountRegistrationTable;
  }
}
