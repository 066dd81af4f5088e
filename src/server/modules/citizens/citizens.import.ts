import type { FastifyRequest } from 'fastify';
import { SITUATIONS, type Situation } from '../../../shared/citizens/whereabouts';
import { today } from '../../../shared/dates';
import type { ImportProblem, ImportReport } from '../../../shared/import';
import { parseDate } from '../../../shared/parse';
import type { Db, Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import {
  type ImportDefinition,
  type ImportFile,
  type ImportOptions,
  runImport,
  type ValidRow,
} from '../../platform/import/pipeline';
import { readUpload } from '../../plugins/upload';
import * as repo from './citizens.repository';
import { episodeFieldProblems, type FieldProblem, resolveIdentity } from './citizens.rules';
import { type CitizenInput, citizenInput } from './citizens.schema';
import { createCitizen, DUPLICATE_THRESHOLD } from './citizens.service';

/** Rows one file may hold. */
export const MAX_IMPORT_ROWS = 10_000;

/** The columns a list may have (Danish headers as municipalities write them), and the field each fills. */
const COLUMNS: Record<string, string> = {
  cpr: 'cpr',
  'cpr-nummer': 'cpr',
  fødselsdato: 'birthDate',
  køn: 'sex',
  initialer: 'initials',
  fornavn: 'givenName',
  efternavn: 'familyName',
  telefon: 'phone',
  email: 'email',
  'e-mail': 'email',
  adresse: 'address',
  handlekommune: 'handlekommune',
  opholdssted: 'situation',
  fra_dato: 'fromDate',
  løsladelsesdato: 'releaseDate',
  boligløsning: 'housingSolution',
  kontrakt: 'hasContract',
  pga_hjemløshed: 'becauseOfHomelessness',
};

const SITUATION_WORDS: Record<string, Situation> = {
  gadesovende: 'street',
  natvarmestue: 'night_shelter',
  herberg: 'shelter',
  forsorgshjem: 'shelter',
  hotel: 'hotel',
  vandrehjem: 'hotel',
  'familie/venner': 'family_friends',
  sofasurfer: 'family_friends',
  udslusningsbolig: 'transitional',
  fængsel: 'prison',
  hospital: 'hospital',
  andet: 'other',
  'egen bolig': 'housed',
  'i risiko': 'at_risk',
  institution: 'institution',
  ukendt: 'unknown',
};

export type { ImportProblem, ImportReport };

type Cells = Partial<Record<string, string>>;

/** The cells that describe the first whereabouts, with the situation they belong to. */
const EPISODE_CELLS = ['fromDate', 'releaseDate', 'housingSolution', 'hasContract', 'becauseOfHomelessness'];

const yes = (v: string) =>
  v === ''
    ? undefined
    : ['ja', 'j', 'yes', 'true', '1', 'x'].includes(v.toLowerCase())
      ? true
      : ['nej', 'n', 'no', 'false', '0'].includes(v.toLowerCase())
        ? false
        : null;

/** One row to a citizen input, or the row's problems. */
export function rowToInput(cells: Cells): { input?: CitizenInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const date = (field: string) => {
    const v = cells[field] ?? '';
    if (!v) return undefined;
    const d = parseDate(v);
    if (!d) problems.push({ path: field, code: 'date' });
    return d;
  };
  const bool = (field: string) => {
    const v = yes(cells[field] ?? '');
    if (v === null) problems.push({ path: field, code: 'invalid' });
    return v ?? undefined;
  };
  const sexText = (cells.sex ?? '').toLowerCase();
  const sex =
    sexText === ''
      ? undefined
      : ['m', 'mand', 'male'].includes(sexText)
        ? 'male'
        : ['k', 'kvinde', 'female', 'f'].includes(sexText)
          ? 'female'
          : null;
  if (sex === null) problems.push({ path: 'sex', code: 'invalid_enum' });
  const situationText = (cells.situation ?? '').toLowerCase();
  const situation =
    situationText === ''
      ? undefined
      : (SITUATIONS as readonly string[]).includes(situationText)
        ? (situationText as Situation)
        : SITUATION_WORDS[situationText];
  if (situationText && !situation) problems.push({ path: 'situation', code: 'invalid_enum' });
  const fromDate = date('fromDate');
  // Whereabouts are a situation from a date: either without the other is reported, never dropped
  // (also when the situation is misspelt, so that one round of corrections is enough).
  if (situationText && !cells.fromDate) problems.push({ path: 'fromDate', code: 'required' });
  if (!situationText && EPISODE_CELLS.some((f) => cells[f]))
    problems.push({ path: 'situation', code: 'required' });
  // Whereabouts are facts that have happened (the registration refuses a later date).
  if (fromDate && fromDate > today()) problems.push({ path: 'fromDate', code: 'future_date' });
  const candidate = {
    cpr: cells.cpr || undefined,
    birthDate: date('birthDate'),
    sex: sex ?? undefined,
    initials: cells.initials || undefined,
    givenName: cells.givenName || undefined,
    familyName: cells.familyName || undefined,
    phone: cells.phone || undefined,
    email: cells.email || undefined,
    address: cells.address || undefined,
    handlekommune: cells.handlekommune || undefined,
    firstEpisode:
      situation && fromDate
        ? {
            situation,
            fromDate,
            releaseDate: date('releaseDate'),
            housingSolution: bool('housingSolution'),
            hasContract: bool('hasContract'),
            temporary: situation === 'family_friends' ? true : undefined,
            becauseOfHomelessness: bool('becauseOfHomelessness'),
          }
        : undefined,
  };
  const parsed = citizenInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({
        path: String(issue.path.at(-1) ?? ''),
        code: issue.code === 'invalid_format' ? 'invalid' : 'invalid',
      });
  }
  if (problems.length || !parsed.success) return { problems };
  const identity = resolveIdentity(parsed.data);
  if (!identity.ok) problems.push(...identity.problems);
  if (parsed.data.firstEpisode) problems.push(...episodeFieldProblems(parsed.data.firstEpisode));
  return problems.length ? { problems } : { input: parsed.data, problems };
}

type CitizenField = (typeof COLUMNS)[string];

/** The answers the yes/no columns accept, as the list offers them. */
const YES_NO = ['ja', 'nej'];

/** A valid row as the check for people already known sees it (identity as the registration resolves it). */
function importedPerson(line: number, input: CitizenInput): repo.ImportedPerson | undefined {
  const identity = resolveIdentity(input);
  if (!identity.ok) return undefined;
  const name = `${input.givenName ?? ''} ${input.familyName ?? ''} ${input.initials ?? ''}`.toLowerCase();
  return {
    line,
    cpr: identity.cpr,
    birthDate: identity.birthDate,
    initials: input.initials ?? null,
    nameSearch: name,
  };
}

/** The field a problem of a person already known is named by. */
const KNOWN_FIELD: Record<repo.KnownPerson, string> = {
  cpr_exists: 'cpr',
  citizen_exists: 'initials',
  duplicate_person: 'initials',
};

/**
 * The lines naming a person the registry already has, or an earlier line of the file has: by CPR,
 * and without one by birth date with initials or a name alike (domain.md rule 6). One query.
 */
async function knownLines(trx: Tx, actor: Actor, rows: ValidRow<CitizenInput>[]): Promise<ImportProblem[]> {
  const people = rows.flatMap(({ line, value }) => importedPerson(line, value) ?? []);
  const known = await repo.knownPeople(trx, actor.municipalityId, people, DUPLICATE_THRESHOLD);
  return known.map(({ line, reason }) => ({ line, field: KNOWN_FIELD[reason], code: reason }));
}

const citizenImport: ImportDefinition<CitizenField, CitizenInput> = {
  columns: COLUMNS,
  allowed: {
    sex: ['m', 'k'],
    situation: Object.keys(SITUATION_WORDS),
    housingSolution: YES_NO,
    hasContract: YES_NO,
    becauseOfHomelessness: YES_NO,
  },
  formats: {
    cpr: 'cpr',
    birthDate: 'date',
    fromDate: 'date',
    releaseDate: 'date',
    email: 'email',
    handlekommune: 'kommunekode',
  },
  maxRows: MAX_IMPORT_ROWS,
  extensions: ['.csv', '.txt', '.xlsx'],
  audit: { action: 'citizen.import', entityType: 'citizen' },
  parse({ line, fields }) {
    const result = rowToInput(fields);
    return {
      value: result.input,
      problems: result.problems.map((p) => ({ line, field: p.path, code: p.code })),
    };
  },
  duplicates: { key: (input) => cprKey(input), field: 'cpr', code: 'duplicate_cpr' },
  check: (trx, actor, rows) => knownLines(trx, actor, rows),
  async write(trx, actor, rows, run) {
    // Checked again under the import lock: an import that ran meanwhile may have registered them.
    const known = new Set((await knownLines(trx, actor, rows)).map((p) => p.line));
    let imported = 0;
    for (const row of rows) {
      if (known.has(row.line)) continue;
      await createCitizen(trx, actor, row.value);
      imported++;
    }
    return { imported, details: { rejected: run.problems, alreadyRegistered: known.size } };
  },
};

/** A CPR number without its hyphen, the way the registry keys it. */
const cprKey = (input: CitizenInput) => input.cpr?.replace('-', '') || undefined;

/**
 * Validates a whole file and, unless it is a dry run, imports it in one transaction: all rows, or
 * (mode `valid_only`) the valid ones. With mode `all` a single bad row imports nothing.
 */
export function validateAndImport(
  db: Db,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions,
): Promise<ImportReport> {
  return runImport(db, actor, citizenImport, file, options);
}

/** The multipart route's work: reads file, mode and dryRun, then validates and imports. */
export async function importCitizens(db: Db, actor: Actor, request: FastifyRequest): Promise<ImportReport> {
  const { file, mode, dryRun } = await readUpload(request);
  return validateAndImport(db, actor, file, { mode, dryRun });
}
