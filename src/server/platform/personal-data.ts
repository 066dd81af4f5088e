import type {
  DataCategory,
  DataSubject,
  LegalBasis,
  Recipient,
  RetentionRule,
} from '../../shared/retention/model';

/**
 * When a row means the citizen's case is still open: a citizen with an open row in any declared
 * table is never due for deletion, whatever the dates.
 * - `{ column, when: 'null' }`: open while the column is empty (a stay not yet discharged);
 * - `{ column, when: 'null_or_future' }`: open while the date is empty or today or later;
 * - `{ column, in: [...] }`: open while the column holds one of the values (an application on the
 *   waiting list).
 */
export type OpenCase =
  | { column: string; when: 'null' | 'null_or_future' }
  | { column: string; in: readonly string[] };

/** How a due citizen's rows of a table are erased: deleted, or kept with these columns anonymised. */
export type Erasure =
  | 'delete'
  | {
      /** `null`: emptied; `year`: a date kept as 1 January of its year; `dash`: the text '–'. */
      anonymise: Record<string, 'null' | 'year' | 'dash'>;
    };

/** One table that holds a citizen's personal data. */
export interface PersonalDataTable {
  table: string;
  /**
   * Where the citizen's id is: a column (or several, e.g. both sides of a duplicate pair), or a
   * foreign key `column` to the rows of a `via` table declared too (a contact of an enrollment).
   */
  citizen: string | readonly string[] | { via: string; column: string };
  /** Date or time columns whose latest value is activity about the citizen. */
  activity?: readonly string[];
  open?: readonly OpenCase[];
  erase: Erasure;
}

/**
 * A module's declaration of the personal data it processes (GDPR art. 30(1)) and how a citizen's
 * rows are erased when the retention policy says so (art. 5(1)(e), 17). The retention module
 * builds the register of processing and its deletion from these; an architecture test fails when
 * a table with a `citizen_id` column, or a foreign key to a declared table, is declared by no module.
 */
export interface PersonalDataDeclaration {
  subjects: readonly DataSubject[];
  categories: readonly DataCategory[];
  legalBases: readonly LegalBasis[];
  recipients: readonly Recipient[];
  /** How long: by the municipality's retention policy (the default), or another rule. */
  retention?: RetentionRule;
  tables: readonly PersonalDataTable[];
}
