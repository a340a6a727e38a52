import { z } from 'zod';
import { can } from '../../auth/policy.js';
import { DOCX_TYPE } from '../../exports/party-document.js';
import { forbidden } from '../../http/errors.js';
import { pageOf } from '../../http/paging.js';
import { type App, ctxOf, type Deps } from '../../http/route.js';
import { uploadedFileOut } from '../files/presenter.js';
import { sendDownload, uploadToRecord } from '../files/routes.js';
import { findVisibleDocument } from './access.js';
import {
  confirmReceipt,
  distribute,
  listDocumentDistributions,
  listInbox,
  remindLate,
  reportImplementation,
} from './distributions.js';
import { documentDocx } from './docx.js';
import { cancelNumber, listNumbers, reserveNumber } from './numbers.js';
import { distributionOut, documentDetailOut, documentNumberOut, documentOut } from './presenter.js';
import {
  cancelNumberBody,
  createDocumentBody,
  distributeBody,
  documentParams,
  listDistributionsQuery,
  listDocumentsQuery,
  listNumbersQuery,
  reportBody,
  reserveNumberBody,
  updateDocumentBody,
} from './schema.js';
import { createDocument, getDocument, listDocuments, updateDocument } from './service.js';

const tags = ['Văn bản'];

export function documentRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/documents',
    {
      config: { action: 'document.read' },
      schema: { tags, querystring: listDocumentsQuery, response: { 200: pageOf(documentOut) } },
    },
    (req) => listDocuments(ctxOf(deps, req), req.query),
  );
  app.post(
    '/api/v1/documents',
    {
      config: { action: 'document.manage' },
      schema: { tags, body: createDocumentBody, response: { 201: documentDetailOut } },
    },
    async (req, reply) => reply.code(201).send(await createDocument(ctxOf(deps, req), req.body)),
  );
  app.get(
    '/api/v1/documents/:id.docx',
    { config: { action: 'document.read' }, schema: { tags, params: documentParams } },
    async (req, reply) => {
      const { buffer, fileName } = await documentDocx(ctxOf(deps, req), req.params.id);
      return sendDownload(reply, DOCX_TYPE, fileName, buffer);
    },
  );
  app.get(
    '/api/v1/documents/:id',
    {
      config: { action: 'document.read' },
      schema: { tags, params: documentParams, response: { 200: documentDetailOut } },
    },
    (req) => getDocument(ctxOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/v1/documents/:id',
    {
      config: { action: 'document.manage' },
      schema: {
        tags,
        params: documentParams,
        body: updateDocumentBody,
        response: { 200: documentDetailOut },
      },
    },
    (req) => updateDocument(ctxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/documents/:id/files',
    {
      config: { action: 'document.manage' },
      schema: {
        tags,
        params: documentParams,
        consumes: ['multipart/form-data'],
        description: 'The part `file`: PDF, DOCX, XLSX (or a scan as PNG, JPEG).',
        response: { 201: uploadedFileOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const { organization } = await findVisibleDocument(ctx.db, ctx.actor, req.params.id);
      if (!can(ctx.actor, 'document.manage', organization)) throw forbidden();
      const record = { organizationId: organization.id, entity: 'document', entityId: req.params.id };
      return reply.code(201).send(await uploadToRecord(req, ctx, deps.config.fileMaxBytes, record));
    },
  );
  app.post(
    '/api/v1/document-numbers',
    {
      config: { action: 'document.manage' },
      schema: { tags, body: reserveNumberBody, response: { 201: documentNumberOut } },
    },
    async (req, reply) => reply.code(201).send(await reserveNumber(ctxOf(deps, req), req.body)),
  );
  app.get(
    '/api/v1/document-numbers',
    {
      config: { action: 'document.read' },
      schema: { tags, querystring: listNumbersQuery, response: { 200: pageOf(documentNumberOut) } },
    },
    (req) => listNumbers(ctxOf(deps, req), req.query),
  );
  app.post(
    '/api/v1/document-numbers/:id/cancel',
    {
      config: { action: 'document.manage' },
      schema: { tags, params: documentParams, body: cancelNumberBody, response: { 200: documentNumberOut } },
    },
    (req) => cancelNumber(ctxOf(deps, req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/v1/documents/:id/distributions',
    {
      config: { action: 'document.manage' },
      schema: {
        tags,
        params: documentParams,
        body: distributeBody,
        response: { 201: z.object({ sent: z.number(), alreadySent: z.number() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await distribute(ctxOf(deps, req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/documents/:id/distributions',
    {
      config: { action: 'document.read' },
      schema: {
        tags,
        params: documentParams,
        response: { 200: z.object({ items: z.array(distributionOut) }) },
      },
    },
    (req) => listDocumentDistributions(ctxOf(deps, req), req.params.id),
  );
  app.post(
    '/api/v1/documents/:id/reminders',
    {
      config: { action: 'document.manage' },
      schema: { tags, params: documentParams, response: { 200: z.object({ reminded: z.number() }) } },
    },
    (req) => remindLate(ctxOf(deps, req), req.params.id),
  );
  app.get(
    '/api/v1/document-distributions',
    {
      config: { action: 'document.read' },
      schema: { tags, querystring: listDistributionsQuery, response: { 200: pageOf(distributionOut) } },
    },
    (req) => listInbox(ctxOf(deps, req), req.query),
  );
  app.post(
    '/api/v1/document-distributions/:id/receipt',
    {
      config: { action: 'document.receive' },
      schema: { tags, params: documentParams, response: { 200: distributionOut } },
    },
    (req) => confirmReceipt(ctxOf(deps, req), req.params.id),
  );
  app.post(
    '/api/v1/document-distributions/:id/report',
    {
      config: { action: 'document.receive' },
      schema: { tags, params: documentParams, body: reportBody, response: { 200: distributionOut } },
    },
    (req) => reportImplementation(ctxOf(deps, req), req.params.id, req.body),
  );
}
