import { pageOf } from '../../http/paging.js';
import { type App, ctxOf, type Deps } from '../../http/route.js';
import { organizationDetailOut, organizationOut, termOut } from './presenter.js';
import {
  createOrganizationBody,
  createTermBody,
  listOrganizationsQuery,
  moveOrganizationBody,
  organizationParams,
  termParams,
  updateOrganizationBody,
  updateTermBody,
} from './schema.js';
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  moveOrganization,
  updateOrganization,
} from './service.js';
import { createTerm, updateTerm } from './terms.js';

const tags = ['Tổ chức đảng'];

export function organizationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/organizations',
    {
      config: { action: 'organization.read' },
      schema: { tags, querystring: listOrganizationsQuery, response: { 200: pageOf(organizationOut) } },
    },
    (req) => listOrganizations(ctxOf(deps, req), req.query),
  );
  app.post(
    '/api/v1/organizations',
    {
      config: { action: 'organization.create' },
      schema: { tags, body: createOrganizationBody, response: { 201: organizationDetailOut } },
    },
    async (req, reply) => reply.code(201).send(await createOrganization(ctxOf(deps, req), req.body)),
  );
  app.get(
    '/api/v1/organizations/:id',
    {
      config: { action: 'organization.read' },
      schema: { tags, params: organizationParams, response: { 200: organizationDetailOut } },
    },
    (req) => getOrganization(ctxOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/v1/organizations/:id',
    {
      config: { action: 'organization.update' },
      schema: {
        tags,
        params: organizationParams,
        body: updateOrganizationBody,
        response: { 200: organizationDetailOut },
      },
    },
    (req) => updateOrganization(ctxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/organizations/:id/move',
    {
      config: { action: 'organization.move' },
      schema: {
        tags,
        params: organizationParams,
        body: moveOrganizationBody,
        response: { 200: organizationDetailOut },
      },
    },
    (req) => moveOrganization(ctxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/organizations/:id/terms',
    {
      config: { action: 'term.manage' },
      schema: { tags, params: organizationParams, body: createTermBody, response: { 201: termOut } },
    },
    async (req, reply) => reply.code(201).send(await createTerm(ctxOf(deps, req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/organizations/:id/terms/:termId',
    {
      config: { action: 'term.manage' },
      schema: { tags, params: termParams, body: updateTermBody, response: { 200: termOut } },
    },
    (req) => updateTerm(ctxOf(deps, req), req.params.id, req.params.termId, req.body),
  );
}
