import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../../shared/dates';
import type { AuthContext } from '../../platform/actor';
import { importReportSchema } from '../../platform/import/report.schema';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import { readUpload } from '../../plugins/upload';
import * as agreements from './housing.agreements.service';
import * as departments from './housing.departments.service';
import { elderlyStock } from './housing.elderly.service';
import { renderExportXlsx } from './housing.export.files';
import { exportData } from './housing.export.service';
import { importDepartments } from './housing.import';
import * as organisations from './housing.organisations.service';
import * as pipeline from './housing.pipeline.service';
import { HOUSING_PERMISSION } from './housing.policy';
import * as pools from './housing.pools.service';
import { renderReportPdf, renderReportXlsx } from './housing.report.files';
import { dialogueReport } from './housing.report.service';
import {
  agreementBody,
  agreementResponse,
  agreementsResponse,
  areaStatusBody,
  areaStatusOnResponse,
  contactsResponse,
  createdResponse as created,
  departmentBody,
  departmentDetailResponse,
  departmentPatch,
  departmentsQuery,
  departmentsResponse,
  dialogueReportResponse,
  elderlyResponse,
  endUnitBody,
  expectedResponse,
  idParams,
  onQuery,
  organisationBody,
  organisationResponse,
  organisationsResponse,
  periodQuery,
  pipelineBody,
  pipelineResponse,
  poolBody,
  poolsResponse,
  poolUnitBody,
  yearQuery,
} from './housing.schema';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Housing supply: organisations, departments, area status, agreements, expected units, reports, pools, pipeline. */
export async function housingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['housing'];
  const read = { access: HOUSING_PERMISSION.view };
  const manage = { access: HOUSING_PERMISSION.manage };
  const fileName = (s: string) => s.replace(/[^\p{L}\p{N}_-]+/gu, '-');

  r.get(
    '/api/housing/organisations',
    {
      config: read,
      schema: { tags, summary: 'Housing organisations', response: { 200: organisationsResponse } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => organisations.listOrganisations(trx, actor)) };
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
      const id = await tenant(actor, (trx) => organisations.saveOrganisation(trx, actor, null, request.body));
      return reply.status(201).send({ id });
    },
  );

  r.patch(
    '/api/housing/organisations/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a housing organisation',
        params: idParams,
        body: organisationBody,
        response: { 200: organisationResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        organisations.updateOrganisation(trx, actor, request.params.id, request.body),
      );
    },
  );

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
      return { items: await tenant(actor, (trx) => organisations.listPartnerUsers(trx, actor)) };
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
      return {
        items: await tenant(actor, (trx) => organisations.listContacts(trx, actor, request.params.id)),
      };
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
          organisations.setContacts(trx, actor, request.params.id, request.body.userIds),
        ),
      };
    },
  );

  r.get(
    '/api/housing/departments',
    {
      config: read,
      schema: {
        tags,
        summary: 'Departments with their area status today',
        querystring: departmentsQuery,
        response: { 200: departmentsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return {
        items: await tenant(actor, (trx) =>
          departments.listDepartments(trx, actor, request.query.organisationId),
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
      const id = await tenant(actor, (trx) =>
        departments.createDepartment(trx, actor, organisationId, input),
      );
      return reply.status(201).send({ id });
    },
  );

  r.post(
    '/api/housing/departments/import',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Import departments from CSV or XLSX (multipart: file, mode, dryRun)',
        response: { 200: importReportSchema },
      },
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
      schema: {
        tags,
        summary: 'A department with its area-status history',
        params: idParams,
        response: { 200: departmentDetailResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => departments.getDepartment(trx, actor, request.params.id));
    },
  );

  r.patch(
    '/api/housing/departments/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a department',
        params: idParams,
        body: departmentPatch,
        response: { 200: departmentDetailResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        departments.updateDepartment(trx, actor, request.params.id, request.body),
      );
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
        departments.addAreaStatus(trx, actor, request.params.id, request.body),
      );
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/api/housing/area-status',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every department’s area status on a date',
        querystring: onQuery,
        response: { 200: areaStatusOnResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const on = request.query.on ?? today();
      return { on, items: await tenant(actor, (trx) => departments.areaStatusOn(trx, actor, on)) };
    },
  );

  r.get(
    '/api/housing/agreements',
    {
      config: read,
      schema: { tags, summary: 'Framework agreements', response: { 200: agreementsResponse } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => agreements.listAgreements(trx, actor)) };
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
      const saved = await tenant(actor, (trx) => agreements.saveAgreement(trx, actor, null, request.body));
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
        response: { 200: agreementResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => agreements.saveAgreement(trx, actor, request.params.id, request.body));
    },
  );

  r.get(
    '/api/housing/expected',
    {
      config: read,
      schema: {
        tags,
        summary: 'Expected units per year and quarter',
        querystring: yearQuery,
        response: { 200: expectedResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const year = request.query.year ?? Number(today().slice(0, 4));
      return tenant(actor, (trx) => agreements.expectedUnits(trx, actor, year));
    },
  );

  const report = (actor: AuthContext, id: string, q: { from: string; to: string }) =>
    tenant(actor, (trx) => dialogueReport(trx, actor, id, q.from, q.to));

  r.get(
    '/api/housing/organisations/:id/report',
    {
      config: read,
      schema: {
        tags,
        summary: 'Dialogue-meeting report',
        params: idParams,
        querystring: periodQuery,
        response: { 200: dialogueReportResponse },
      },
    },
    async (request) => report(requireAuth(request), request.params.id, request.query),
  );

  r.get(
    '/api/housing/organisations/:id/report.xlsx',
    {
      config: { ...read, file: true },
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
      config: { ...read, file: true },
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
    { config: { ...read, file: true }, schema: { tags, summary: 'Everything as XLSX' } },
    async (request, reply) => {
      const actor = requireAuth(request);
      const data = await tenant(actor, (trx) => exportData(trx, actor));
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="boliger-${today()}.xlsx"`)
        .send(await renderExportXlsx(data));
    },
  );

  r.get(
    '/api/housing/pools',
    { config: read, schema: { tags, summary: 'Rent-subsidy pools', response: { 200: poolsResponse } } },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => pools.listPools(trx, actor)) };
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
        .send({ id: await tenant(actor, (trx) => pools.createPool(trx, actor, request.body)) });
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
        id: await tenant(actor, (trx) => pools.bindPoolUnit(trx, actor, request.params.id, request.body)),
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
        response: { 204: z.undefined().describe('No content') },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) =>
        pools.endPoolUnit(trx, actor, request.params.poolId, request.params.unitId, request.body.boundTo),
      );
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/housing/pipeline',
    {
      config: read,
      schema: { tags, summary: 'New-build and conversion projects', response: { 200: pipelineResponse } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => pipeline.listPipeline(trx, actor)) };
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
        .send({ id: await tenant(actor, (trx) => pipeline.createProject(trx, actor, request.body)) });
    },
  );

  r.delete(
    '/api/housing/pipeline/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a project',
        params: idParams,
        response: { 204: z.undefined().describe('No content') },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => pipeline.deleteProject(trx, actor, request.params.id));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/housing/elderly',
    {
      config: read,
      schema: { tags, summary: 'Elderly and handicap housing stock', response: { 200: elderlyResponse } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => elderlyStock(trx, actor));
    },
  );
}
