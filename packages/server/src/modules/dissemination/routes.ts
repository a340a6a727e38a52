import { z } from 'zod';
import { pageOf } from '../../http/paging.js';
import { type App, ctxOf, type Deps } from '../../http/route.js';
import { documentParams } from '../documents/schema.js';
import { sendDownload } from '../files/routes.js';
import { XLSX_TYPE } from '../members/xlsx.js';
import { listAttendance, recordAttendance } from './attendance.js';
import { documentCoverage } from './coverage.js';
import { attendanceRowOut, coverageOut, proposalOut, sessionDetailOut, sessionOut } from './presenter.js';
import { addProposal, updateProposal } from './proposals.js';
import {
  attendanceBody,
  attendanceQuery,
  coverageQuery,
  createSessionBody,
  listSessionsQuery,
  proposalBody,
  sessionParams,
  updateProposalBody,
  updateSessionBody,
} from './schema.js';
import { createSession, getSession, listSessions, updateSession } from './service.js';
import { exportCoverage } from './xlsx.js';

const tags = ['Quán triệt'];

export function disseminationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/dissemination-sessions',
    {
      config: { action: 'dissemination.read' },
      schema: { tags, querystring: listSessionsQuery, response: { 200: pageOf(sessionOut) } },
    },
    (req) => listSessions(ctxOf(deps, req), req.query),
  );
  app.post(
    '/api/v1/dissemination-sessions',
    {
      config: { action: 'dissemination.manage' },
      schema: { tags, body: createSessionBody, response: { 201: sessionDetailOut } },
    },
    async (req, reply) => reply.code(201).send(await createSession(ctxOf(deps, req), req.body)),
  );
  app.get(
    '/api/v1/dissemination-sessions/:id',
    {
      config: { action: 'dissemination.read' },
      schema: { tags, params: sessionParams, response: { 200: sessionDetailOut } },
    },
    (req) => getSession(ctxOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/v1/dissemination-sessions/:id',
    {
      config: { action: 'dissemination.manage' },
      schema: { tags, params: sessionParams, body: updateSessionBody, response: { 200: sessionDetailOut } },
    },
    (req) => updateSession(ctxOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/dissemination-sessions/:id/attendance',
    {
      config: { action: 'dissemination.read' },
      schema: {
        tags,
        params: sessionParams,
        querystring: attendanceQuery,
        response: { 200: pageOf(attendanceRowOut) },
      },
    },
    (req) => listAttendance(ctxOf(deps, req), req.params.id, req.query),
  );
  app.put(
    '/api/v1/dissemination-sessions/:id/attendance',
    {
      config: { action: 'dissemination.manage' },
      schema: {
        tags,
        params: sessionParams,
        body: attendanceBody,
        response: { 200: z.object({ present: z.number(), absent: z.number(), cleared: z.number() }) },
      },
    },
    (req) => recordAttendance(ctxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/dissemination-sessions/:id/proposals',
    {
      config: { action: 'dissemination.manage' },
      schema: { tags, params: sessionParams, body: proposalBody, response: { 201: proposalOut } },
    },
    async (req, reply) => reply.code(201).send(await addProposal(ctxOf(deps, req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/dissemination-proposals/:id',
    {
      config: { action: 'dissemination.manage' },
      schema: { tags, params: sessionParams, body: updateProposalBody, response: { 200: proposalOut } },
    },
    (req) => updateProposal(ctxOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/documents/:id/coverage',
    {
      config: { action: 'dissemination.read' },
      schema: { tags, params: documentParams, querystring: coverageQuery, response: { 200: coverageOut } },
    },
    (req) => documentCoverage(ctxOf(deps, req), req.params.id, req.query.organizationId),
  );
  app.get(
    '/api/v1/documents/:id/coverage.xlsx',
    {
      exposeHeadRoute: false,
      config: { action: 'dissemination.read' },
      schema: { tags, params: documentParams, querystring: coverageQuery },
    },
    async (req, reply) => {
      const { stream, fileName } = await exportCoverage(
        ctxOf(deps, req),
        req.params.id,
        req.query.organizationId,
      );
      return sendDownload(reply, XLSX_TYPE, fileName, stream);
    },
  );
}
