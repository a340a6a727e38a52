import { z } from 'zod';
import { can } from '../../auth/policy.js';
import { DOCX_TYPE } from '../../exports/party-document.js';
import { forbidden, notFound } from '../../http/errors.js';
import { pageOf } from '../../http/paging.js';
import { type App, ctxOf, type Deps } from '../../http/route.js';
import { uploadedFileOut } from '../files/presenter.js';
import { sendDownload, uploadToRecord } from '../files/routes.js';
import { XLSX_TYPE } from '../members/xlsx.js';
import { organizationParams } from '../organizations/schema.js';
import { findVisiblePlan } from './access.js';
import { newBudgetVersion, presentBudget, putBudget } from './budget.js';
import { congressDashboard } from './dashboard.js';
import { dashboardOut, dashboardQuery } from './dashboard-schema.js';
import { planDocx } from './docx.js';
import {
  budgetOut,
  planDetailOut,
  planOut,
  subcommitteeOut,
  submissionOut,
  taskOut,
  templateOut,
} from './presenter.js';
import {
  approveBody,
  createPlanBody,
  createSubcommitteeBody,
  createTaskBody,
  listPlansQuery,
  planParams,
  publishTemplateBody,
  putBudgetBody,
  putTemplateBody,
  putTighteningBody,
  returnBody,
  submitBody,
  templateQuery,
  templateVersionQuery,
  tighteningQuery,
  updatePlanBody,
  updateSubcommitteeBody,
  updateTaskBody,
} from './schema.js';
import { createPlan, getPlan, listPlans, updatePlan } from './service.js';
import { createSubcommittee, deleteSubcommittee, updateSubcommittee } from './subcommittees.js';
import { decide, submit } from './submissions.js';
import { addTask, planIdOfTask, updateTask } from './tasks.js';
import {
  discardTemplateDraft,
  getTemplate,
  publishTemplate,
  saveTemplateDraft,
  withdrawTemplate,
} from './templates.js';
import { getTightening, putTightening } from './tightenings.js';
import { exportDashboard } from './xlsx.js';

const tags = ['Đại hội'];

export function congressRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/congress-dashboard',
    {
      config: { action: 'congress.read' },
      schema: { tags, querystring: dashboardQuery, response: { 200: dashboardOut } },
    },
    (req) => congressDashboard(ctxOf(deps, req), req.query),
  );
  app.get(
    '/api/v1/congress-dashboard.xlsx',
    {
      exposeHeadRoute: false,
      config: { action: 'congress.read' },
      schema: { tags, querystring: dashboardQuery },
    },
    async (req, reply) => {
      const { stream, fileName } = await exportDashboard(ctxOf(deps, req), req.query);
      return sendDownload(reply, XLSX_TYPE, fileName, stream);
    },
  );
  app.get(
    '/api/v1/organizations/:id/congress-rules',
    {
      config: { action: 'congress.read' },
      schema: { tags, params: organizationParams, querystring: tighteningQuery },
    },
    (req) => getTightening(ctxOf(deps, req), req.params.id, req.query.ruleSetId),
  );
  app.put(
    '/api/v1/organizations/:id/congress-rules',
    {
      config: { action: 'congress.manage' },
      schema: { tags, params: organizationParams, body: putTighteningBody },
    },
    (req) => putTightening(ctxOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/organizations/:id/congress-template',
    {
      config: { action: 'congress.read' },
      schema: {
        tags,
        params: organizationParams,
        querystring: templateQuery,
        response: { 200: templateOut },
      },
    },
    (req) => getTemplate(ctxOf(deps, req), req.params.id, req.query.ruleSetId),
  );
  app.put(
    '/api/v1/organizations/:id/congress-template',
    {
      config: { action: 'congress.manage' },
      schema: { tags, params: organizationParams, body: putTemplateBody, response: { 200: templateOut } },
    },
    (req) => saveTemplateDraft(ctxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/organizations/:id/congress-template/publish',
    {
      config: { action: 'congress.manage' },
      schema: { tags, params: organizationParams, body: publishTemplateBody, response: { 200: templateOut } },
    },
    (req) => publishTemplate(ctxOf(deps, req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/organizations/:id/congress-template/draft',
    {
      config: { action: 'congress.manage' },
      schema: {
        tags,
        params: organizationParams,
        querystring: templateVersionQuery,
        response: { 200: templateOut },
      },
    },
    (req) => discardTemplateDraft(ctxOf(deps, req), req.params.id, req.query.ruleSetId, req.query.version),
  );
  app.delete(
    '/api/v1/organizations/:id/congress-template',
    {
      config: { action: 'congress.manage' },
      schema: {
        tags,
        params: organizationParams,
        querystring: templateVersionQuery,
        response: { 200: templateOut },
      },
    },
    (req) => withdrawTemplate(ctxOf(deps, req), req.params.id, req.query.ruleSetId, req.query.version),
  );
  app.get(
    '/api/v1/congress-plans',
    {
      config: { action: 'congress.read' },
      schema: { tags, querystring: listPlansQuery, response: { 200: pageOf(planOut) } },
    },
    (req) => listPlans(ctxOf(deps, req), req.query),
  );
  app.post(
    '/api/v1/congress-plans',
    {
      config: { action: 'congress.manage' },
      schema: { tags, body: createPlanBody, response: { 201: planDetailOut } },
    },
    async (req, reply) => reply.code(201).send(await createPlan(ctxOf(deps, req), req.body)),
  );
  app.get(
    '/api/v1/congress-plans/:id.docx',
    { config: { action: 'congress.read' }, schema: { tags, params: planParams } },
    async (req, reply) => {
      const { buffer, fileName } = await planDocx(ctxOf(deps, req), req.params.id);
      return sendDownload(reply, DOCX_TYPE, fileName, buffer);
    },
  );
  app.get(
    '/api/v1/congress-plans/:id',
    {
      config: { action: 'congress.read' },
      schema: { tags, params: planParams, response: { 200: planDetailOut } },
    },
    (req) => getPlan(ctxOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/v1/congress-plans/:id',
    {
      config: { action: 'congress.manage' },
      schema: { tags, params: planParams, body: updatePlanBody, response: { 200: planDetailOut } },
    },
    (req) => updatePlan(ctxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/congress-plans/:id/tasks',
    {
      config: { action: 'congress.manage' },
      schema: { tags, params: planParams, body: createTaskBody, response: { 201: taskOut } },
    },
    async (req, reply) => reply.code(201).send(await addTask(ctxOf(deps, req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/congress-tasks/:id',
    {
      config: { action: 'congress.manage' },
      schema: { tags, params: planParams, body: updateTaskBody, response: { 200: taskOut } },
    },
    (req) => updateTask(ctxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/congress-plans/:id/subcommittees',
    {
      config: { action: 'congress.manage' },
      schema: {
        tags,
        params: planParams,
        body: createSubcommitteeBody,
        response: { 201: z.array(subcommitteeOut) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createSubcommittee(ctxOf(deps, req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/congress-subcommittees/:id',
    {
      config: { action: 'congress.manage' },
      schema: {
        tags,
        params: planParams,
        body: updateSubcommitteeBody,
        response: { 200: z.array(subcommitteeOut) },
      },
    },
    (req) => updateSubcommittee(ctxOf(deps, req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/congress-subcommittees/:id',
    { config: { action: 'congress.manage' }, schema: { tags, params: planParams } },
    async (req, reply) => {
      await deleteSubcommittee(ctxOf(deps, req), req.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/congress-plans/:id/budget',
    {
      config: { action: 'congress.read' },
      schema: { tags, params: planParams, response: { 200: budgetOut } },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      await findVisiblePlan(ctx.db, ctx.actor, req.params.id);
      return presentBudget(ctx.db, req.params.id);
    },
  );
  app.put(
    '/api/v1/congress-plans/:id/budget',
    {
      config: { action: 'congress.manage' },
      schema: { tags, params: planParams, body: putBudgetBody, response: { 200: budgetOut } },
    },
    (req) => putBudget(ctxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/congress-plans/:id/budget/versions',
    {
      config: { action: 'congress.manage' },
      schema: { tags, params: planParams, response: { 201: budgetOut } },
    },
    async (req, reply) => reply.code(201).send(await newBudgetVersion(ctxOf(deps, req), req.params.id)),
  );
  app.post(
    '/api/v1/congress-plans/:id/submissions',
    {
      config: { action: 'congress.manage' },
      schema: { tags, params: planParams, body: submitBody, response: { 201: z.array(submissionOut) } },
    },
    async (req, reply) => reply.code(201).send(await submit(ctxOf(deps, req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/congress-submissions/:id/approve',
    {
      config: { action: 'congress.approve' },
      schema: { tags, params: planParams, body: approveBody, response: { 200: z.array(submissionOut) } },
    },
    (req) => decide(ctxOf(deps, req), req.params.id, 'approved', req.body.comment ?? null),
  );
  app.post(
    '/api/v1/congress-submissions/:id/return',
    {
      config: { action: 'congress.approve' },
      schema: { tags, params: planParams, body: returnBody, response: { 200: z.array(submissionOut) } },
    },
    (req) => decide(ctxOf(deps, req), req.params.id, 'returned', req.body.comment),
  );
  app.post(
    '/api/v1/congress-tasks/:id/files',
    {
      config: { action: 'congress.manage' },
      schema: {
        tags,
        params: planParams,
        consumes: ['multipart/form-data'],
        description: 'Evidence of a task: the part `file` (PDF, DOCX, XLSX, PNG, JPEG).',
        response: { 201: uploadedFileOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const planId = await planIdOfTask(ctx.db, req.params.id);
      if (!planId) throw notFound('CONGRESS_TASK_NOT_FOUND');
      const { organization } = await findVisiblePlan(ctx.db, ctx.actor, planId).catch(() => {
        throw notFound('CONGRESS_TASK_NOT_FOUND');
      });
      if (!can(ctx.actor, 'congress.manage', organization)) throw forbidden();
      const record = { organizationId: organization.id, entity: 'congress_task', entityId: req.params.id };
      return reply.code(201).send(await uploadToRecord(req, ctx, deps.config.fileMaxBytes, record));
    },
  );
}
