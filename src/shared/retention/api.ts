import type { DataCategory, DataSubject, LegalBasis, Recipient, RetentionRule } from './model';

export interface RetentionPolicy {
  years: number;
  updatedAt: string | null;
}

/** A citizen the run would erase (or erased), for the administrator to review. */
export interface DueCitizen {
  id: string;
  name: string;
  birthYear: number;
  lastActivityOn: string;
}

export interface TableCount {
  module: string;
  table: string;
  rows: number;
  erase: 'delete' | 'anonymise';
}

export interface RetentionRunView {
  id: string;
  kind: 'dry_run' | 'deletion';
  ranAt: string;
  ranBy: string | null;
  years: number;
  cutoff: string;
  citizens: number;
  failed: number;
  /** Audit rows whose citizen was replaced by a pseudonym. */
  auditPseudonymised: number;
  /** Audit rows written before migration 0042 that still hash the clear citizen id (ADR 0021). */
  auditKeptClear: number;
  tables: TableCount[];
  /** A dry run that a deletion run confirmed (or that is too old to confirm). */
  used: boolean;
}

export interface DryRunView extends RetentionRunView {
  due: DueCitizen[];
}

export interface RegisterActivity {
  module: string;
  subjects: DataSubject[];
  categories: DataCategory[];
  legalBases: LegalBasis[];
  recipients: Recipient[];
  retention: RetentionRule;
  tables: string[];
}

export interface ProcessingRegister {
  retentionYears: number;
  activities: RegisterActivity[];
}
