import type { ViveSituation } from '../citizens/whereabouts';
import type { ReportedCountAt } from '../suppression';
import type { Answer, Cause, CountCitizenship, CountSex, CountStatus, Duration, IncomeSource } from './model';
import type { ReportedFigures } from './report';

export interface CountSummary {
  year: number;
  weekFrom: string;
  weekTo: string;
  status: CountStatus;
  /** Suppressed (rule 33) for those who may not read the registrations. */
  registered: ReportedCountAt;
}

/** The answers of the person form. */
export interface RegistrationAnswers {
  sex: CountSex;
  situation: ViveSituation;
  duration: Duration;
  causes: Cause[];
  onHousingList: Answer;
  hasActionPlan: Answer;
  supportReceived: Answer;
  incomeSource: IncomeSource;
  citizenship: CountCitizenship;
  migrantWithoutResidence: boolean;
  units: string[];
  note?: string | null;
}

/** A registration: a citizen of the by-name list, or initials and a birth date. */
export interface RegistrationInput extends RegistrationAnswers {
  citizenId?: string | null;
  initials?: string | null;
  birthDate?: string | null;
}

export interface CountRegistration extends RegistrationAnswers {
  id: string;
  citizenId: string | null;
  name: string | null;
  initials: string | null;
  birthDate: string;
  age: number;
  note: string | null;
}

/** A person of the by-name list active in the week and not yet registered, with answers prefilled. */
export interface CountCandidate {
  citizenId: string;
  name: string | null;
  initials: string | null;
  birthDate: string;
  age: number;
  prefill: RegistrationAnswers;
}

export interface CountDetail {
  year: number;
  weekFrom: string;
  weekTo: string;
  countDay: string;
  status: CountStatus;
  started: boolean;
  canRegister: boolean;
  canManage: boolean;
  registrations: CountRegistration[];
  toRegister: CountCandidate[];
}

export interface CountReport {
  year: number;
  countDay: string;
  status: CountStatus;
  figures: ReportedFigures;
  /** Every count of the municipality, oldest first, beside the national total of the year (rule 9). */
  years: { year: number; total: ReportedCountAt; youth18to29: ReportedCountAt; national: number | null }[];
}
