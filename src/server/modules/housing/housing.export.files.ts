/**
 * The whole housing module as one XLSX workbook (issue 4 §8), a sheet per subject. A pure function
 * of its input: no database, no network, no DOM.
 */
import {
  DATE_FORMAT,
  excelDate,
  INTEGER_FORMAT,
  MONEY_FORMAT,
  newWorkbook,
  sheetTitle,
  styleHeaderRow,
  toBuffer,
  writeTable,
} from '../../platform/documents';
import {
  AREA_STATUS_LABEL,
  areaStatusLabel,
  KIND_LABEL,
  ONE_DECIMAL_FORMAT,
  UNIT_TYPE_LABEL,
  yesNo,
} from './housing.labels';
import type { HousingExport } from './housing.types';

type Cell = string | number | Date | null;

/** Everything the housing module holds, as one XLSX workbook with a sheet per subject. */
export async function renderExportXlsx(data: HousingExport): Promise<Buffer> {
  const workbook = await newWorkbook(`Boliger – ${data.municipality.name}`);

  writeTable(
    workbook.addWorksheet('Organisationer'),
    [
      { header: 'Boligorganisation', width: 34 },
      { header: 'Adresse', width: 36 },
      { header: 'E-mail', width: 30 },
      { header: 'Telefon', width: 16 },
    ],
    data.organisations.map((o) => [o.name, o.address, o.contactEmail, o.contactPhone]),
  );

  writeTable(
    workbook.addWorksheet('Afdelinger'),
    [
      { header: 'Boligorganisation', width: 30 },
      { header: 'Afdelingsnr.', width: 13 },
      { header: 'Afdeling', width: 30 },
      { header: 'Adresse', width: 32 },
      { header: 'Familieboliger', width: 14, numFmt: INTEGER_FORMAT },
      { header: 'Ungdomsboliger', width: 15, numFmt: INTEGER_FORMAT },
      { header: 'Ældre- og handicapboliger', width: 16, numFmt: INTEGER_FORMAT },
      { header: 'Skæve boliger', width: 13, numFmt: INTEGER_FORMAT },
      { header: 'Boliger i alt', width: 13, numFmt: INTEGER_FORMAT },
      { header: 'Fraflytningsprocent', width: 18 },
      { header: 'Områdestatus', width: 24 },
    ],
    data.departments.map((d) => [
      d.organisation,
      d.number,
      d.name,
      d.address,
      d.units.family,
      d.units.youth,
      d.units.elderly,
      d.units.alternative,
      d.units.family + d.units.youth + d.units.elderly + d.units.alternative,
      d.turnoverPercent,
      areaStatusLabel(d.areaStatus),
    ]),
  );

  writeTable(
    workbook.addWorksheet('Områdestatus'),
    [
      { header: 'Boligorganisation', width: 30 },
      { header: 'Afdelingsnr.', width: 13 },
      { header: 'Områdestatus', width: 24 },
      { header: 'Gældende fra', width: 13, numFmt: DATE_FORMAT },
      { header: 'Kombineret udlejning', width: 20 },
      { header: '§ 51 c', width: 9 },
    ],
    data.areaStatuses.map((s) => [
      s.organisation,
      s.number,
      AREA_STATUS_LABEL[s.status],
      excelDate(s.validFrom),
      yesNo(s.combinedLetting),
      yesNo(s.section51c),
    ]),
  );

  writeTable(
    workbook.addWorksheet('Rammeaftaler'),
    [
      { header: 'Boligorganisation', width: 30 },
      { header: 'Rammeaftale', width: 30 },
      { header: 'Gyldig fra', width: 12, numFmt: DATE_FORMAT },
      { header: 'Gyldig til', width: 12, numFmt: DATE_FORMAT },
      { header: 'Afdelingsnr.', width: 13 },
      { header: 'Boligtype', width: 26 },
      { header: 'Kommunal anvisning (%)', width: 16 },
      { header: 'Genhusning (%)', width: 15 },
    ],
    data.agreements.flatMap((a): Cell[][] => {
      const agreement: Cell[] = [a.organisation, a.name, excelDate(a.validFrom), excelDate(a.validTo)];
      // An agreement without quotas still gets its row, so it is not lost from the export.
      if (a.quotas.length === 0) return [[...agreement, null, null, null, null]];
      return a.quotas.map((q) => [
        ...agreement,
        q.number,
        UNIT_TYPE_LABEL[q.unitType],
        q.quotaPercent,
        q.rehousingPercent,
      ]);
    }),
  );

  const expectedSheet = workbook.addWorksheet('Forventede boliger');
  sheetTitle(
    expectedSheet,
    `Forventede boliger i ${data.expected.year} – kommunens andel af fraflytningerne`,
    { size: 13 },
  );
  writeTable(
    expectedSheet,
    [
      { header: 'Boligorganisation', width: 30 },
      { header: 'Afdelingsnr.', width: 13 },
      { header: 'Boligtype', width: 26 },
      { header: 'Boliger', width: 10, numFmt: INTEGER_FORMAT },
      { header: 'Fraflytningsprocent', width: 18 },
      { header: 'Kommunal anvisning (%)', width: 16 },
      { header: `Forventet i ${data.expected.year}`, width: 16, numFmt: ONE_DECIMAL_FORMAT },
    ],
    data.expected.lines.map((l) => [
      l.organisation,
      l.number,
      UNIT_TYPE_LABEL[l.unitType],
      l.units,
      l.turnoverPercent,
      l.quotaPercent,
      l.perYear,
    ]),
    { headerRow: 2 },
  );
  expectedSheet.autoFilter = undefined;
  if (data.expected.lines.length > 0) {
    const total = expectedSheet.getRow(3 + data.expected.lines.length);
    total.getCell(1).value = 'I alt';
    total.getCell(4).value = data.expected.lines.reduce((s, l) => s + l.units, 0);
    total.getCell(4).numFmt = INTEGER_FORMAT;
    total.getCell(7).value = data.expected.lines.reduce((s, l) => s + l.perYear, 0);
    total.getCell(7).numFmt = ONE_DECIMAL_FORMAT;
    total.font = { bold: true };
  }

  const subsidy = workbook.addWorksheet('Huslejetilskud');
  writeTable(
    subsidy,
    [
      { header: 'Pulje', width: 30 },
      { header: 'Gyldig fra', width: 12, numFmt: DATE_FORMAT },
      { header: 'Gyldig til', width: 12, numFmt: DATE_FORMAT },
      { header: 'Budget (kr.)', width: 15, numFmt: MONEY_FORMAT },
      { header: 'Nedskrivning pr. måned (kr.)', width: 16, numFmt: MONEY_FORMAT },
      { header: 'Husleje min. (kr.)', width: 15, numFmt: MONEY_FORMAT },
      { header: 'Husleje maks. (kr.)', width: 15, numFmt: MONEY_FORMAT },
      { header: 'Restbeløb (kr.)', width: 15, numFmt: MONEY_FORMAT },
    ],
    data.pools.map((p) => [
      p.name,
      excelDate(p.validFrom),
      excelDate(p.validTo),
      p.budget,
      p.monthlyReduction,
      p.rentMin,
      p.rentMax,
      p.remaining,
    ]),
  );
  subsidy.autoFilter = undefined;
  const unitsTitleRow = data.pools.length + 3;
  sheetTitle(subsidy, 'Boliger bundet til puljerne', { row: unitsTitleRow, size: 12 });
  const unitColumns: { header: string; numFmt?: string }[] = [
    { header: 'Pulje' },
    { header: 'Adresse' },
    { header: 'Afdeling' },
    { header: 'Husleje (kr.)', numFmt: MONEY_FORMAT },
    { header: 'Bundet fra', numFmt: DATE_FORMAT },
    { header: 'Bundet til', numFmt: DATE_FORMAT },
  ];
  const unitHeader = subsidy.getRow(unitsTitleRow + 1);
  unitHeader.values = unitColumns.map((c) => c.header);
  styleHeaderRow(unitHeader, { wrap: true });
  // Both tables share the columns: widen the two that hold the units' address and department.
  subsidy.getColumn(2).width = 34;
  subsidy.getColumn(3).width = 26;
  let unitRow = unitsTitleRow + 2;
  for (const p of data.pools)
    for (const u of p.units) {
      const row = subsidy.getRow(unitRow++);
      row.values = [p.name, u.address, u.department, u.rent, excelDate(u.boundFrom), excelDate(u.boundTo)];
      unitColumns.forEach((c, i) => {
        if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
      });
    }

  writeTable(
    workbook.addWorksheet('Nybyggeri'),
    [
      { header: 'Projekt', width: 30 },
      { header: 'Boligorganisation', width: 30 },
      { header: 'Type', width: 13 },
      { header: 'Boligtype', width: 26 },
      { header: 'Boliger', width: 10, numFmt: INTEGER_FORMAT },
      { header: 'Klar til indflytning', width: 18, numFmt: DATE_FORMAT },
      { header: 'Kommunal anvisning (%)', width: 16 },
    ],
    data.pipeline.map((p) => [
      p.name,
      p.organisation,
      KIND_LABEL[p.kind] ?? p.kind,
      UNIT_TYPE_LABEL[p.unitType],
      p.units,
      excelDate(p.readyDate),
      p.allocationPercent,
    ]),
  );

  return toBuffer(workbook);
}
