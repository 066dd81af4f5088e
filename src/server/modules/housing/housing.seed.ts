import type { AreaStatus } from '../../../shared/housing/supply';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { saveAgreement } from './housing.agreements.service';
import { addAreaStatus, createDepartment } from './housing.departments.service';
import { saveOrganisation } from './housing.organisations.service';
import { createProject } from './housing.pipeline.service';
import { bindPoolUnit, createPool } from './housing.pools.service';
import { firstOrganisationId, insertOrganisationContact } from './housing.repository';

/**
 * The demo municipality's housing supply, shaped on the plan (seeds/000, domain.md §0): a framework
 * agreement in force from 1 January 2023 that yields about 79 family and 6 youth units a year from
 * turnover, 16 units with a rent subsidy (4,500–5,000 kr., about 1,250 kr. a month off), 10 new
 * units in Fløng in 2024 with 100 % allocation, and most of the stock under the parallel-society
 * rules. Organisation and department names are fictitious.
 */
interface DemoDepartment {
  org: 0 | 1 | 2;
  number: string;
  name: string;
  family: number;
  youth: number;
  elderly: number;
  alternative: number;
  turnover: number;
  status: AreaStatus;
  statusFrom: string;
  familyQuota?: number;
}

const ORGANISATIONS = [
  'Taastrup Almene Boliger (demo)',
  'Hedehusene Boligselskab (demo)',
  'Vestegnens Boligforening (demo)',
];

const DEPARTMENTS: DemoDepartment[] = [
  {
    org: 0,
    number: '1',
    name: 'Centrumparken',
    family: 950,
    youth: 0,
    elderly: 40,
    alternative: 0,
    turnover: 6.5,
    status: 'omdannelse',
    statusFrom: '2018-12-01',
  },
  {
    org: 0,
    number: '2',
    name: 'Stationsbyen',
    family: 700,
    youth: 0,
    elderly: 0,
    alternative: 0,
    turnover: 8,
    status: 'parallelsamfund',
    statusFrom: '2019-12-01',
  },
  {
    org: 0,
    number: '3',
    name: 'Engparken',
    family: 450,
    youth: 0,
    elderly: 60,
    alternative: 0,
    turnover: 8,
    status: 'parallelsamfund',
    statusFrom: '2021-12-01',
  },
  {
    org: 1,
    number: '11',
    name: 'Søhaven',
    family: 600,
    youth: 0,
    elderly: 0,
    alternative: 0,
    turnover: 10,
    status: 'normal',
    statusFrom: '2018-12-01',
  },
  {
    org: 1,
    number: '12',
    name: 'Bakkegården',
    family: 380,
    youth: 0,
    elderly: 0,
    alternative: 0,
    turnover: 8.5,
    status: 'parallelsamfund',
    statusFrom: '2021-12-01',
  },
  {
    org: 1,
    number: '13',
    name: 'Lindehøj',
    family: 300,
    youth: 0,
    elderly: 80,
    alternative: 0,
    turnover: 6,
    status: 'normal',
    statusFrom: '2018-12-01',
  },
  {
    org: 2,
    number: '21',
    name: 'Kirkeengen',
    family: 420,
    youth: 0,
    elderly: 0,
    alternative: 0,
    turnover: 7.5,
    status: 'forebyggelse',
    statusFrom: '2021-12-01',
  },
  {
    org: 2,
    number: '22',
    name: 'Vænget',
    family: 250,
    youth: 0,
    elderly: 0,
    alternative: 0,
    turnover: 8,
    status: 'normal',
    statusFrom: '2018-12-01',
  },
  {
    org: 2,
    number: '23',
    name: 'Fløng Nye Boliger',
    family: 10,
    youth: 0,
    elderly: 0,
    alternative: 0,
    turnover: 5,
    status: 'normal',
    statusFrom: '2024-08-01',
    familyQuota: 100,
  },
  {
    org: 2,
    number: '24',
    name: 'Ungdomsboligerne',
    family: 0,
    youth: 240,
    elderly: 0,
    alternative: 0,
    turnover: 10,
    status: 'normal',
    statusFrom: '2018-12-01',
  },
];

export async function seedDemoHousing(trx: Tx, actor: Actor): Promise<void> {
  const orgIds: string[] = [];
  for (const name of ORGANISATIONS) {
    orgIds.push(
      await saveOrganisation(trx, actor, null, {
        name,
        address: null,
        contactEmail: null,
        contactPhone: null,
      }),
    );
  }
  const departmentIds: string[] = [];
  for (const d of DEPARTMENTS) {
    const id = await createDepartment(trx, actor, orgIds[d.org] ?? '', {
      number: d.number,
      name: d.name,
      address: null,
      units: { family: d.family, youth: d.youth, elderly: d.elderly, alternative: d.alternative },
      turnoverPercent: d.turnover,
    });
    departmentIds.push(id);
    await addAreaStatus(trx, actor, id, {
      status: d.status,
      validFrom: d.statusFrom,
      combinedLetting: d.status === 'parallelsamfund' || d.status === 'omdannelse',
      section51c: d.status === 'omdannelse',
    });
  }
  for (const [org, orgId] of orgIds.entries()) {
    const quotas = DEPARTMENTS.flatMap((d, i) => {
      if (d.org !== org) return [];
      const departmentId = departmentIds[i] ?? '';
      return [
        ...(d.family
          ? [
              {
                departmentId,
                unitType: 'family' as const,
                quotaPercent: d.familyQuota ?? 25,
                rehousingPercent: 0,
              },
            ]
          : []),
        ...(d.youth
          ? [{ departmentId, unitType: 'youth' as const, quotaPercent: 25, rehousingPercent: 0 }]
          : []),
      ];
    });
    await saveAgreement(trx, actor, null, {
      organisationId: orgId,
      name: 'Rammeaftale 2023',
      validFrom: '2023-01-01',
      validTo: null,
      quotas,
    });
  }
  const pool = await createPool(trx, actor, {
    name: 'Pulje til nedsættelse af husleje 2022–2023',
    validFrom: '2022-12-01',
    validTo: '2023-12-31',
    budget: 16 * 1250 * 13,
    amountPerUnit: 16_965,
    monthlyReduction: 1250,
    rentMin: 4500,
    rentMax: 5000,
  });
  for (let i = 0; i < 16; i++) {
    const department = departmentIds[i % 2 === 0 ? 3 : 6] ?? '';
    await bindPoolUnit(trx, actor, pool, {
      departmentId: department,
      address: `${i % 2 === 0 ? 'Søhaven' : 'Kirkeengen'} ${10 + i}, st.`,
      rent: 4500 + (i % 6) * 100,
      boundFrom: '2022-12-01',
      boundTo: '2023-12-31',
    });
  }
  await createProject(trx, actor, {
    organisationId: orgIds[2] ?? null,
    name: 'Fløng, 10 almene boliger',
    kind: 'new_build',
    unitType: 'family',
    units: 10,
    readyDate: '2024-08-01',
    allocationPercent: 100,
    note: 'Fuld kommunal anvisning (planen 2023–2027).',
  });
  await createProject(trx, actor, {
    organisationId: null,
    name: '50 billige almene boliger (kommunal grundkapital)',
    kind: 'new_build',
    unitType: 'family',
    units: 50,
    readyDate: '2027-06-01',
    allocationPercent: 25,
    note: 'Klar-dato og anvisningsandel er antaget i demodata.',
  });
}

/** The demo housing-organisation user reports vacancies and notices for the first organisation. */
export async function linkDemoPartner(trx: Tx, municipalityId: string, userId: string): Promise<void> {
  const organisationId = await firstOrganisationId(trx, municipalityId);
  if (organisationId && userId)
    await insertOrganisationContact(trx, { municipalityId, organisationId, userId });
}
