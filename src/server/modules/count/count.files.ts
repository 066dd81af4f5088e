import { VIVE_SITUATIONS } from '../../../shared/citizens/whereabouts';
import { danishDate } from '../../platform/documents';

/** One registration as the export writes it. */
export interface ExportRow {
  cpr: string | null;
  initials: string | null;
  birthDate: string;
  sex: string;
  situation: (typeof VIVE_SITUATIONS)[number];
  duration: string;
  causes: readonly string[];
  onHousingList: string;
  hasActionPlan: string;
  supportReceived: string;
  incomeSource: string;
  citizenship: string;
  migrantWithoutResidence: boolean;
  units: readonly string[];
}

const HEADER = [
  'cpr',
  'initialer',
  'foedselsdato',
  'koen',
  'situation_nr',
  'situation',
  'varighed',
  'aarsager',
  'paa_venteliste',
  'handleplan',
  'stoette',
  'indkomstgrundlag',
  'statsborgerskab',
  'migrant_uden_ophold',
  'enheder',
];

/** A field of a semicolon-separated file: quoted when it holds a separator, a quote or a line break. */
function field(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The count's answers for transfer to VIVE (issue 18 §1), one line per person: semicolon-separated
 * UTF-8 with a byte-order mark (Danish spreadsheet programs open it as it is), the situation as
 * VIVE's number 1–9 beside its code, several causes or units separated by "|".
 */
export function countExportFile(rows: readonly ExportRow[]): string {
  const lines = [HEADER.join(';')];
  for (const r of rows)
    lines.push(
      [
        r.cpr ?? '',
        r.initials ?? '',
        danishDate(r.birthDate),
        r.sex,
        String(VIVE_SITUATIONS.indexOf(r.situation) + 1),
        r.situation,
        r.duration,
        r.causes.join('|'),
        r.onHousingList,
        r.hasActionPlan,
        r.supportReceived,
        r.incomeSource,
        r.citizenship,
        r.migrantWithoutResidence ? 'ja' : 'nej',
        r.units.join('|'),
      ]
        .map(field)
        .join(';'),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
