import { z } from 'zod';
import {
  CONTACT_KINDS,
  CTI_PHASES,
  END_REASONS,
  LEGAL_BASES,
  METHODS,
  RETENTION_MONTHS,
} from '../../../shared/support/model';
import { reportedCount } from '../../platform/reported';

const date = z.iso.date();
const nullableDate = date.nullish().transform((v) => v ?? null);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const reported = reportedCount;

export const idParams = z.object({ id: z.uuid() });
export const methodParams = z.object({ method: z.enum(METHODS) });

// --- Catalogue --------------------------------------------------------------------------------

const methodSettings = z.object({
  method: z.enum(METHODS),
  validFrom: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  caseloadNorm: z.number().nullable(),
  contactBuildingDays: z.number().nullable(),
  phaseIntervalDays: z.tuple([z.number(), z.number(), z.number()]).nullable(),
  leaseRequired: z.boolean(),
  monthlyCost: z.number().nullable(),
});
const gap = z.object({ validFrom: z.string(), days: z.number() });

export const catalogueResponse = z.object({
  methods: z.array(
    z.object({ method: z.enum(METHODS), current: methodSettings, history: z.array(methodSettings) }),
  ),
  contactGap: z.object({ current: gap, history: z.array(gap) }),
});

const days = z.number().int().min(1).max(365);
export const methodSettingsBody = z.strictObject({
  validFrom: date,
  legalBasis: z.enum(LEGAL_BASES),
  caseloadNorm: z.number().positive().max(1000).nullable(),
  contactBuildingDays: z.number().int().min(0).max(365).nullable(),
  phaseIntervalDays: z.tuple([days, days, days]).nullable(),
  leaseRequired: z.boolean(),
  monthlyCost: z.number().min(0).max(10_000_000).nullable(),
});
export const contactGapBody = z.strictObject({ validFrom: date, days });

// --- Teams and workers ------------------------------------------------------------------------

const team = z.object({
  id: z.string(),
  name: z.string(),
  sharedCaseload: z.boolean(),
  members: z.number(),
  fte: z.number(),
});
export const teamResponse = team;
export const teamsResponse = z.object({ items: z.array(team) });
export const teamBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  sharedCaseload: z.boolean(),
});

const worker = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  fte: z.number(),
  active: z.boolean(),
});
export const workerResponse = worker;
export const workersResponse = z.object({
  workers: z.array(worker),
  candidates: z.array(z.object({ userId: z.string(), name: z.string() })),
});
const fte = z.number().gt(0).max(1);
const teamId = z
  .uuid()
  .nullish()
  .transform((v) => v ?? null);
export const workerBody = z.strictObject({ userId: z.uuid(), teamId, fte });
export const workerUpdateBody = z.strictObject({ teamId, fte, active: z.boolean() });

// --- Enrollments ------------------------------------------------------------------------------

export const enrollmentBody = z.strictObject({
  citizenId: z.uuid(),
  method: z.enum(METHODS),
  workerId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  teamId,
  decisionOn: date,
  legalBasis: z.enum(LEGAL_BASES),
  providerWish: optionalText(300),
  providerWishFollowed: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  providerWishReason: optionalText(2000),
  startOn: date,
  plannedEndOn: nullableDate,
});
export const created = z.object({ id: z.string() });

const summary = z.object({
  id: z.string(),
  citizenId: z.string(),
  citizenName: z.string(),
  method: z.enum(METHODS),
  workerName: z.string().nullable(),
  teamName: z.string().nullable(),
  startOn: z.string(),
  plannedEndOn: z.string().nullable(),
  endOn: z.string().nullable(),
  phase: z.enum(CTI_PHASES).nullable(),
  lastContactOn: z.string().nullable(),
  daysWithoutContact: z.number().nullable(),
  contactGapDays: z.number(),
});

const phasePattern = z.object({
  phase: z.enum(['phase1', 'phase2', 'phase3']),
  from: z.string(),
  to: z.string(),
  days: z.number(),
  contacts: z.number(),
  daysPerContact: z.number().nullable(),
  plannedDays: z.number(),
});
const warnings = z.array(z.enum(['phase1_below_weekly', 'not_falling']));
const phaseItem = z.object({ phase: z.enum(CTI_PHASES), fromOn: z.string() });

export const enrollmentDetail = summary.extend({
  workerId: z.string().nullable(),
  teamId: z.string().nullable(),
  decisionOn: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  providerWish: z.string().nullable(),
  providerWishFollowed: z.boolean().nullable(),
  providerWishReason: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  phases: z.array(phaseItem),
  plannedPhases: z.array(phaseItem),
  contacts: z.array(
    z.object({
      id: z.string(),
      contactOn: z.string(),
      kind: z.enum(CONTACT_KINDS),
      byName: z.string(),
      note: z.string().nullable(),
    }),
  ),
  pattern: z.object({ phases: z.array(phasePattern), warnings }).nullable(),
  notesVisible: z.boolean(),
});

export const contactBody = z.strictObject({
  contactOn: date,
  kind: z.enum(CONTACT_KINDS),
  note: optionalText(4000),
});
export const phaseBody = z.strictObject({ phase: z.enum(CTI_PHASES), fromOn: date });
export const endBody = z.strictObject({ endOn: date, endReason: z.enum(END_REASONS) });

export const caseloadResponse = z.object({
  worker: worker.nullable(),
  team: team.nullable(),
  lines: z.array(z.object({ method: z.enum(METHODS), active: z.number(), capacity: z.number().nullable() })),
  load: z.number().nullable(),
  overNorm: z.boolean(),
  enrollments: z.array(summary),
  patternWarnings: z.array(z.object({ enrollmentId: z.string(), citizenName: z.string(), warnings })),
});

// --- Reports ----------------------------------------------------------------------------------

export const fidelityResponse = z.object({
  onDate: z.string(),
  units: z.array(
    z.object({
      kind: z.enum(['team', 'worker']),
      id: z.string(),
      name: z.string(),
      teamName: z.string().nullable(),
      fte: z.number(),
      active: reported,
      load: z.number().nullable(),
      overNorm: z.boolean(),
    }),
  ),
  methods: z.array(z.object({ method: z.enum(METHODS), active: reported, capacity: z.number().nullable() })),
  ctiPatternWarnings: reported,
  months: z.array(z.object({ month: z.string(), active: reported, started: reported, ended: reported })),
});

const cell = z.object({ due: reported, housed: reported, percent: z.number().nullable() });
export const retentionResponse = z.object({
  onDate: z.string(),
  rows: z.array(
    z.object({
      group: z.enum(['all', 'method', 'team']),
      key: z.string(),
      tenancies: reported,
      cells: z.object(
        Object.fromEntries(RETENTION_MONTHS.map((m) => [`m${m}`, cell])) as Record<
          'm3' | 'm6' | 'm12' | 'm24',
          typeof cell
        >,
      ),
    }),
  ),
});
