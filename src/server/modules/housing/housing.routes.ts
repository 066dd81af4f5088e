import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../../shared/dates';
import type { AuthContext } from '../../platform/actor';
import { tenantTransactions } from '../../platform/tenant';
import { requireAuth } from '../../plugins/auth';
import { readUpload } from '../../plugins/upload';
import { renderExportXlsx, renderReportPdf, renderReportXlsx } from './housing.files';
import { importDepartments } from './housing.import';
import {
  agreementBody,
  areaStatusBody,
  departmentBody,
  departmentPatch,
  departmentsQuery,
  endUnitBody,
  idParams,
  onQuery,
  organisationBody,
  periodQuery,
  pipelineBody,
  poolBody,
  poolUnitBody,
  yearQuery,
} from './housing.schema';
import * as housing from './housing.service';

const created = z.object({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Housing supply: organisations, departments, area status, agreements, expected units, reports, pools, pipeline. */
export async function housingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['housing'];
  const read = { access: 'housing.read' } as const;
  const manage = { access: 'housing.manage' } as const;
  const fileName = (s: string) => s.replace(/[^\p{L}\p{N}_-]+/gu, '-');

  r.get(
    '/api/housing/organisations',
    { config: read, schema: { tags, summary: 'Housing organisations' } },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => housing.listOrganisations(trx, actor)) };
    },
  );

  r.post(
    '/api/housing/organisations',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a housing organisation',
        body: organisationBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const id = await tenant(actor, (trx) => housing.saveOrganisation(trx, actor, null, request.body));
      return reply.status(201).send({ id });
    },
  );

  r.patch(
    '/api/housing/organisations/:id',
    {
      config: manage,
      schema: { tags, summary: 'Change a housing organisation', params: idParams, body: organisationBody },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, async (trx) => {
        await housing.saveOrganisation(trx, actor, request.params.id, request.body);
        return (await housing.listOrganisations(trx, actor)).find((o) => o.id === request.params.id);
      });
    },
  );

  const contactsResponse = z.object({
    items: z.array(z.object({ userId: z.uuid(), username: z.string(), displayName: z.string() })),
  });

  r.get(
    '/api/housing/partner-users',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Users who can act for a housing organisation',
        response: { 200: contactsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => housing.listPartnerUsers(trx, actor)) };
    },
  );

  r.get(
    '/api/housing/organisations/:id/contacts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Partner users who act for the organisation',
        params: idParams,
        response: { 200: contactsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => housing.listContacts(trx, actor, request.params.id)) };
    },
  );

  r.put(
    '/api/housing/organisations/:id/contacts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set the partner users who act for the organisation',
        params: idParams,
        body: z.strictObject({ userIds: z.array(z.uuid()).max(100) }),
        response: { 200: contactsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return {
        items: await tenant(actor, (trx) =>
          housing.setContacts(trx, actor, request.params.id, request.body.userIds),
        ),
      };
    },
  );

  r.get(
    '/api/housing/departments',
    {
      config: read,
      schema: { tags, summary: 'Departments with their area status today', querystring: departmentsQuery },
    },
    async (request) => {
      const actor = requireAuth(request);
      return {
        items: await tenant(actor, (trx) =>
          housing.listDepartments(trx, actor, request.query.organisationId),
        ),
      };
    },
  );

  r.post(
    '/api/housing/departments',
    {
      config: manage,
      schema: { tags, summary: 'Create a department', body: departmentBody, response: { 201: created } },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { organisationId, ...input } = request.body;
      const id = await tenant(actor, (trx) => housing.createDepartment(trx, actor, organisationId, input));
      return reply.status(201).send({ id });
    },
  );

  r.post(
    '/api/housing/departments/import',
    {
      config: manage,
      schema: { tags, summary: 'Import departments from CSV or XLSX (multipart: file, mode, dryRun)' },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { file, mode, dryRun } = await readUpload(request);
      return importDepartments(app.db.app, actor, file, { mode, dryRun });
    },
  );

  r.get(
    '/api/housing/departments/:id',
    {
      config: read,
      schema: { tags, summary: 'A department with its area-status history', params: idParams },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => housing.getDepartment(trx, actor, request.params.id));
    },
  );

  r.patch(
    '/api/housing/departments/:id',
    {
      config: manage,
      schema: { tags, summary: 'Change a department', params: idParams, body: departmentPatch },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => housing.updateDepartment(trx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/housing/departments/:id/area-status',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add an area status from a date',
        params: idParams,
        body: areaStatusBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const id = await tenant(actor, (trx) =>
        housing.addAreaStatus(trx, actor, request.params.id, request.body),
      );
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/api/housing/area-status',
    {
      config: read,
      schema: { tags, summary: 'Every department’s area status on a date', querystring: onQuery },
    },
    async (request) => {
      const actor = requireAuth(request);
      const on = request.query.on ?? today();
      return { on, items: await tenant(actor, (trx) => housing.areaStatusOn(trx, actor, on)) };
    },
  );

  r.get(
    '/api/housing/agreements',
    { config: read, schema: { tags, summary: 'Framework agreements' } },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => housing.listAgreements(trx, actor)) };
    },
  );

  r.post(
    '/api/housing/agreements',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a framework agreement with quotas',
        body: agreementBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const saved = await tenant(actor, (trx) => housing.saveAgreement(trx, actor, null, request.body));
      return reply.status(201).send({ id: saved.id });
    },
  );

  r.put(
    '/api/housing/agreements/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Replace a framework agreement and its quotas',
        params: idParams,
        body: agreementBody,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => housing.saveAgreement(trx, actor, request.params.id, request.body));
    },
  );

  r.get(
    '/api/housing/expected',
    {
      config: read,
      schema: { tags, summary: 'Expected units per year and quarter', querystring: yearQuery },
    },
    async (request) => {
      const actor = requireAuth(request);
      const year = request.query.year ?? Number(today().slice(0, 4));
      return tenant(actor, (trx) => housing.expectedUnits(trx, actor, year));
    },
  );

  const report = (actor: AuthContext, id: string, q: { from: string; to: string }) =>
    tenant(actor, (trx) => housing.dialogueReport(trx, actor, id, q.from, q.to));

  r.get(
    '/api/housing/organisations/:id/report',
    {
      config: read,
      schema: { tags, summary: 'Dialogue-meeting report', params: idParams, querystring: periodQuery },
    },
    async (request) => report(requireAuth(request), request.params.id, request.query),
  );

  r.get(
    '/api/housing/organisations/:id/report.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'Dialogue-meeting report as XLSX',
        params: idParams,
        querystring: periodQuery,
      },
    },
    async (request, reply) => {
      const data = await report(requireAuth(request), request.params.id, request.query);
      const name = `dialogmoede-${fileName(data.organisation.name)}-${data.from}-${data.to}.xlsx`;
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(await renderReportXlsx(data));
    },
  );

  r.get(
    '/api/housing/organisations/:id/report.pdf',
    {
      config: read,
      schema: { tags, summary: 'Dialogue-meeting report as PDF', params: idParams, querystring: periodQuery },
    },
    async (request, reply) => {
      const data = await report(requireAuth(request), request.params.id, request.query);
      const name = `dialogmoede-${fileName(data.organisation.name)}-${data.from}-${data.to}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(await renderReportPdf(data));
    },
  );

  r.get(
    '/api/housing/export.xlsx',
    { config: read, schema: { tags, summary: 'Everything as XLSX' } },
    async (request, reply) => {
      const actor = requireAuth(request);
      const data = await tenant(actor, (trx) => housing.exportData(trx, actor));
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="boliger-${today()}.xlsx"`)
        .send(await renderExportXlsx(data));
    },
  );

  r.get(
    '/api/housing/pools',
    { config: read, schema: { tags, summary: 'Rent-subsidy pools' } },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => housing.listPools(trx, actor)) };
    },
  );

  r.post(
    '/api/housing/pools',
    {
      config: manage,
      schema: { tags, summary: 'Create a rent-subsidy pool', body: poolBody, response: { 201: created } },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send({ id: await tenant(actor, (trx) => housing.createPool(trx, actor, request.body)) });
    },
  );

  r.post(
    '/api/housing/pools/:id/units',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Bind a unit to a pool',
        params: idParams,
        body: poolUnitBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply.status(201).send({
        id: await tenant(actor, (trx) => housing.bindPoolUnit(trx, actor, request.params.id, request.body)),
      });
    },
  );

  r.post(
    '/api/housing/pools/:poolId/units/:unitId/end',
    {
      config: manage,
      schema: {
        tags,
        summary: 'End a unit’s subsidy',
        params: z.strictObject({ poolId: z.uuid(), unitId: z.uuid() }),
        body: endUnitBody,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) =>
        housing.endPoolUnit(trx, actor, request.params.poolId, request.params.unitId, request.body.boundTo),
      );
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/housing/pipeline',
    { config: read, schema: { tags, summary: 'New-build and conversion projects' } },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => housing.listPipeline(trx, actor)) };
    },
  );

  r.post(
    '/api/housing/pipeline',
    {
      config: manage,
      schema: { tags, summary: 'Add a project', body: pipelineBody, response: { 201: created } },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send({ id: await tenant(actor, (trx) => housing.createProject(trx, actor, request.body)) });
    },
  );

  r.delete(
    '/api/housing/pipeline/:id',
    { config: manage, schema: { tags, summary: 'Remove a project', params: idParams } },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => housing.deleteProject(trx, actor, request.params.id));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/housing/elderly',
    { config: read, schema: { tags, summary: 'Elderly and handicap housing stock' } },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => housing.elderlyStock(trx, actor));
    },
  );
}
