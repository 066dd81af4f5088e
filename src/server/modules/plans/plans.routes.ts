import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importReportSchema } from '../../platform/import/report.schema';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import { readUpload } from '../../plugins/upload';
import * as alerts from './plans.alerts.service';
import { importSanctions } from './plans.import';
import {
  actionBody,
  actionParams,
  citizenParams,
  citizenPlanResponse,
  closeBody,
  createdResponse,
  decisionBody,
  depositBody,
  depositQuery,
  depositResponse,
  doneBody,
  goalBody,
  handleBody,
  heldBody,
  idParams,
  listQuery,
  participationBody,
  planBody,
  planDetail,
  planSummaries,
  reviewBody,
  reviewParams,
  sanctionBody,
  sanctionsQuery,
  sanctionsResponse,
  settingsBody,
  settingsResponse,
  shareBody,
  staffResponse,
} from './plans.schema';
import * as plans from './plans.service';

const noContent = { 204: z.undefined().describe('No content') };

/** Coherent plans (sammenhængende borgerforløb) and cross-sector alerts. */
export async function plansRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['plans'];
  const read = { access: 'plans.read' } as const;
  const write = { access: 'plans.write' } as const;
  const alertsAccess = { access: 'plans.alerts' } as const;

  r.get(
    '/api/plans',
    {
      config: read,
      schema: {
        tags,
        summary: 'The active plans the user has need-to-know of',
        querystring: listQuery,
        response: { 200: planSummaries },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => plans.listPlans(trx, actor, request.query.scope));
    },
  );

  r.get(
    '/api/plans/staff',
    {
      config: read,
      schema: { tags, summary: 'Users who may coordinate or own actions', response: { 200: staffResponse } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => plans.listStaff(trx, actor));
    },
  );

  r.get(
    '/api/plans/citizens/:citizenId',
    {
      config: read,
      schema: {
        tags,
        summary: "The citizen's active plan (null if none)",
        params: citizenParams,
        response: { 200: citizenPlanResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return {
        plan: await tenant(actor, (trx) => plans.planOfCitizen(trx, actor, request.params.citizenId)),
      };
    },
  );

  r.post(
    '/api/plans',
    {
      config: write,
      schema: {
        tags,
        summary: 'Make a coherent plan with its coordinator',
        body: planBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply.status(201).send(await tenant(actor, (trx) => plans.createPlan(trx, actor, request.body)));
    },
  );

  r.get(
    '/api/plans/:id',
    { config: read, schema: { tags, summary: 'One plan', params: idParams, response: { 200: planDetail } } },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => plans.getPlan(trx, actor, request.params.id));
    },
  );

  r.post(
    '/api/plans/:id/goals',
    {
      config: write,
      schema: {
        tags,
        summary: "A goal in the citizen's words",
        params: idParams,
        body: goalBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => plans.addGoal(trx, actor, request.params.id, request.body.text)));
    },
  );

  r.post(
    '/api/plans/:id/actions',
    {
      config: write,
      schema: {
        tags,
        summary: 'An action owned by a department',
        params: idParams,
        body: actionBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => plans.addAction(trx, actor, request.params.id, request.body)));
    },
  );

  r.post(
    '/api/plans/:id/actions/:actionId/done',
    {
      config: write,
      schema: { tags, summary: 'An action done', params: actionParams, body: doneBody, response: noContent },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { id, actionId } = request.params;
      await tenant(actor, (trx) => plans.completeAction(trx, actor, id, actionId, request.body.doneOn));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/plans/:id/reviews',
    {
      config: write,
      schema: {
        tags,
        summary: 'A review date',
        params: idParams,
        body: reviewBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) => plans.addReview(trx, actor, request.params.id, request.body.reviewOn)),
        );
    },
  );

  r.post(
    '/api/plans/:id/reviews/:reviewId/held',
    {
      config: write,
      schema: { tags, summary: 'A review held', params: reviewParams, body: heldBody, response: noContent },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { id, reviewId } = request.params;
      await tenant(actor, (trx) =>
        plans.holdReview(trx, actor, id, reviewId, request.body.heldOn, request.body.note),
      );
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/plans/:id/close',
    {
      config: write,
      schema: {
        tags,
        summary: 'Close the plan, with the reason',
        params: idParams,
        body: closeBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => plans.closePlan(trx, actor, request.params.id, request.body));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/plans/:id/participation',
    {
      config: write,
      schema: {
        tags,
        summary: "The citizen's participation",
        params: idParams,
        body: participationBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) =>
            plans.recordParticipation(trx, actor, request.params.id, request.body),
          ),
        );
    },
  );

  r.post(
    '/api/plans/:id/shares',
    {
      config: write,
      schema: {
        tags,
        summary: 'Share the plan with a department (needs consent)',
        params: idParams,
        body: shareBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) =>
            plans.sharePlan(trx, actor, request.params.id, request.body.department),
          ),
        );
    },
  );

  // ---- cross-sector alerts ----

  r.get(
    '/api/plans/sanctions',
    {
      config: alertsAccess,
      schema: {
        tags,
        summary: 'Benefit sanctions and stops',
        querystring: sanctionsQuery,
        response: { 200: sanctionsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => alerts.listSanctions(trx, actor, request.query.status));
    },
  );

  r.post(
    '/api/plans/sanctions',
    {
      config: alertsAccess,
      schema: {
        tags,
        summary: 'Record a benefit sanction or stop',
        body: sanctionBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => alerts.recordSanction(trx, actor, request.body)));
    },
  );

  r.post(
    '/api/plans/sanctions/import',
    {
      config: alertsAccess,
      schema: {
        tags,
        summary:
          "Import the benefits office's list of sanctions and stops (CSV/XLSX, multipart: file, mode, dryRun)",
        response: { 200: importReportSchema },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { file, mode, dryRun } = await readUpload(request);
      return importSanctions(app.db.app, actor, file, { mode, dryRun });
    },
  );

  r.post(
    '/api/plans/sanctions/:id/handle',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Acknowledge a sanction alert with a note',
        params: idParams,
        body: handleBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => alerts.handleSanction(trx, actor, request.params.id, request.body.note));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/plans/deposit-cases',
    {
      config: alertsAccess,
      schema: {
        tags,
        summary: 'Deposit-loan and § 81 cases',
        querystring: depositQuery,
        response: { 200: depositResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => alerts.listDepositCases(trx, actor, request.query.status));
    },
  );

  r.post(
    '/api/plans/deposit-cases',
    {
      config: alertsAccess,
      schema: {
        tags,
        summary: 'Open a deposit-loan or § 81 case',
        body: depositBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => alerts.createDepositCase(trx, actor, request.body)));
    },
  );

  r.post(
    '/api/plans/deposit-cases/:id/decision',
    {
      config: alertsAccess,
      schema: {
        tags,
        summary: 'Decide a deposit-loan or § 81 case',
        params: idParams,
        body: decisionBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => alerts.decideDepositCase(trx, actor, request.params.id, request.body));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/plans/deposit-cases/:id/handle',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Acknowledge a deposit-loan alert with a note',
        params: idParams,
        body: handleBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) =>
        alerts.handleDepositCase(trx, actor, request.params.id, request.body.note),
      );
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/plans/settings',
    {
      // The administrator keeps it (the alert users see the limit on each deposit case).
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'The fast-track limit (working days), dated',
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => alerts.fastTrackSettings(trx, actor));
    },
  );

  r.put(
    '/api/plans/settings',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Set the fast-track limit from a date',
        body: settingsBody,
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => alerts.setFastTrackLimit(trx, actor, request.body));
    },
  );
}
