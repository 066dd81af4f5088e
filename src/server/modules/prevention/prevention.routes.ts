import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { today } from '../../../shared/dates';
import { importReportSchema } from '../../platform/import/report.schema';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import { readUpload } from '../../plugins/upload';
import { renderHelpLetter, renderMonitoringXlsx } from './prevention.files';
import { importNotices } from './prevention.import';
import { monitoring } from './prevention.monitoring.service';
import { PREVENTION_STEPS } from './prevention.policy';
import {
  actionBody,
  caseDetail,
  casesPage,
  casesQuery,
  decisionBody,
  idParams,
  monitoringReport,
  noticeBody,
  noticeCreated,
  outcomeBody,
  partnerNoticesResponse,
  periodQuery,
  respondBody,
  settingsBody,
  settingsResponse,
} from './prevention.schema';
import * as prevention from './prevention.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Eviction prevention: notices, the inbox, cases with duties and actions, outcomes, monitoring, the partner view. */
export async function preventionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['prevention'];
  // Each route demands the permission its step needs (prevention.policy.ts).
  const read = { access: PREVENTION_STEPS.readCases } as const;
  const manage = { access: PREVENTION_STEPS.recordAction } as const;
  const reports = { access: PREVENTION_STEPS.readMonitoring } as const;
  const partner = { access: PREVENTION_STEPS.reportNotice } as const;
  const period = (q: { from?: string | undefined; to?: string | undefined }) => {
    const to = q.to ?? today();
    const d = new Date(`${to}T00:00:00Z`);
    const from =
      q.from ??
      new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate() + 1))
        .toISOString()
        .slice(0, 10);
    return { from, to };
  };

  r.get(
    '/api/prevention/cases',
    {
      config: read,
      schema: {
        tags,
        summary: 'The inbox: a page of cases by urgency, with counts',
        querystring: casesQuery,
        response: { 200: casesPage },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { status, page } = request.query;
      return tenant(actor, (trx) => prevention.listCases(trx, actor, status, page));
    },
  );

  r.post(
    '/api/prevention/notices',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a notice of rent arrears',
        body: noticeBody,
        response: { 201: noticeCreated },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => prevention.createNotice(trx, actor, request.body, 'form')));
    },
  );

  r.post(
    '/api/prevention/notices/import',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Import notices from CSV or XLSX (multipart: file, mode, dryRun)',
        response: { 200: importReportSchema },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { file, mode, dryRun } = await readUpload(request);
      return importNotices(app.db.app, actor, file, { mode, dryRun });
    },
  );

  r.get(
    '/api/prevention/cases/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One case with notices, duties and actions',
        params: idParams,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => prevention.getCase(trx, actor, request.params.id));
    },
  );

  r.post(
    '/api/prevention/cases/:id/actions',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record an action',
        params: idParams,
        body: actionBody,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => prevention.addAction(trx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/prevention/actions/:id/response',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The benefits office answered a fast-track request',
        params: idParams,
        body: respondBody,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        prevention.respondFastTrack(trx, actor, request.params.id, request.body.respondedOn),
      );
    },
  );

  r.post(
    '/api/prevention/cases/:id/decision',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record the § 5 a decision that no help is given',
        params: idParams,
        body: decisionBody,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => prevention.decideNoHelp(trx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/prevention/cases/:id/outcome',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Close the case with its outcome',
        params: idParams,
        body: outcomeBody,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => prevention.setOutcome(trx, actor, request.params.id, request.body));
    },
  );

  r.get(
    '/api/prevention/cases/:id/letter',
    {
      config: { ...read, file: true },
      schema: { tags, summary: 'The letter offering help, as PDF', params: idParams },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const detail = await tenant(actor, (trx) => prevention.letterData(trx, actor, request.params.id));
      const pdf = await renderHelpLetter({
        municipality: { name: actor.municipality.name, authority: actor.municipality.authority },
        citizen: { name: detail.tenantName, address: detail.address },
        date: today(),
        workerName: actor.displayName,
        arrearsAmount: detail.arrearsAmount,
        evictionDate: detail.evictionDate,
        childrenUnder18: detail.childrenUnder18,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="tilbud-om-hjaelp.pdf"')
        .send(pdf);
    },
  );

  r.get(
    '/api/prevention/monitoring',
    {
      config: reports,
      schema: {
        tags,
        summary: 'Notices and outcomes per month, organisation and department',
        querystring: periodQuery,
        response: { 200: monitoringReport },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { from, to } = period(request.query);
      return tenant(actor, (trx) => monitoring(trx, actor, from, to));
    },
  );

  r.get(
    '/api/prevention/monitoring.xlsx',
    {
      config: { ...reports, file: true },
      schema: { tags, summary: 'Monitoring as XLSX', querystring: periodQuery },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { from, to } = period(request.query);
      const report = await tenant(actor, (trx) => monitoring(trx, actor, from, to));
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="udsaettelser-${from}-${to}.xlsx"`)
        .send(await renderMonitoringXlsx({ municipality: { name: actor.municipality.name }, report }));
    },
  );

  r.get(
    '/api/prevention/settings',
    {
      config: read,
      schema: { tags, summary: 'Deposit-loan limits per year', response: { 200: settingsResponse } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => prevention.getSettings(trx, actor));
    },
  );

  r.put(
    '/api/prevention/settings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the deposit-loan limits',
        body: settingsBody,
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => prevention.saveSettings(trx, actor, request.body));
    },
  );

  r.post(
    '/api/partner/notices',
    {
      config: partner,
      schema: {
        tags,
        summary: "Report a notice for one of the organisation's departments",
        body: noticeBody,
        response: { 201: noticeCreated },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => prevention.createNotice(trx, actor, request.body, 'partner')));
    },
  );

  r.get(
    '/api/partner/notices',
    {
      config: partner,
      schema: {
        tags,
        summary: "Notices reported for the organisation's departments",
        response: { 200: partnerNoticesResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => prevention.partnerNotices(trx, actor)) };
    },
  );
}
