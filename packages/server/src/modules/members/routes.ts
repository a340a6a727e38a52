import { z } from 'zod';
import { pageOf } from '../../http/paging.js';
import { type App, ctxOf, type Deps } from '../../http/route.js';
import { contentDisposition } from '../files/content.js';
import { organizationParams } from '../organizations/schema.js';
import { createSeat, deleteSeat, listCommittee } from './committee.js';
import { committeeSeatOut, memberDetailOut, memberOut, statisticsOut } from './presenter.js';
import {
  committeeQuery,
  createMemberBody,
  createSeatBody,
  createTransferBody,
  exportMembersQuery,
  listMembersQuery,
  memberParams,
  statisticsQuery,
  updateMemberBody,
} from './schema.js';
import { createMember, getMember, listMembers, transferMember, updateMember } from './service.js';
import { memberStatistics } from './statistics.js';
import { exportMembers, exportStatistics, XLSX_TYPE } from './xlsx.js';

const tags = ['Đảng viên'];
const committeeTags = ['Cấp ủy'];

export function memberRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/members',
    {
      config: { action: 'member.read' },
      schema: { tags, querystring: listMembersQuery, response: { 200: pageOf(memberOut) } },
    },
    (req) => listMembers(ctxOf(deps, req), req.query),
  );
  app.get(
    '/api/v1/members/export.xlsx',
    {
      // A HEAD would be an audited export without the file.
      exposeHeadRoute: false,
      config: { action: 'member.export' },
      schema: { tags, querystring: exportMembersQuery },
    },
    async (req, reply) => {
      const stream = await exportMembers(ctxOf(deps, req), req.query);
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition(`Danh sách đảng viên ${deps.config.clock.today()}.xlsx`),
        )
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  app.get(
    '/api/v1/members/statistics',
    {
      config: { action: 'member.read' },
      schema: { tags, querystring: statisticsQuery, response: { 200: statisticsOut } },
    },
    (req) => memberStatistics(ctxOf(deps, req), req.query),
  );
  app.get(
    '/api/v1/members/statistics.xlsx',
    {
      exposeHeadRoute: false,
      config: { action: 'member.export' },
      schema: { tags, querystring: statisticsQuery },
    },
    async (req, reply) => {
      const stream = await exportStatistics(ctxOf(deps, req), req.query);
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition(`Thống kê đảng viên ${deps.config.clock.today()}.xlsx`),
        )
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  app.post(
    '/api/v1/members',
    {
      config: { action: 'member.manage' },
      schema: { tags, body: createMemberBody, response: { 201: memberDetailOut } },
    },
    async (req, reply) => reply.code(201).send(await createMember(ctxOf(deps, req), req.body)),
  );
  app.get(
    '/api/v1/members/:id',
    {
      config: { action: 'member.read' },
      schema: { tags, params: memberParams, response: { 200: memberDetailOut } },
    },
    (req) => getMember(ctxOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/v1/members/:id',
    {
      config: { action: 'member.manage' },
      schema: { tags, params: memberParams, body: updateMemberBody, response: { 200: memberDetailOut } },
    },
    (req) => updateMember(ctxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/members/:id/transfers',
    {
      config: { action: 'member.manage' },
      schema: { tags, params: memberParams, body: createTransferBody, response: { 200: memberDetailOut } },
    },
    (req) => transferMember(ctxOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/organizations/:id/committee',
    {
      config: { action: 'organization.read' },
      schema: {
        tags: committeeTags,
        params: organizationParams,
        querystring: committeeQuery,
        response: { 200: z.object({ items: z.array(committeeSeatOut) }) },
      },
    },
    (req) => listCommittee(ctxOf(deps, req), req.params.id, req.query.termId),
  );
  app.post(
    '/api/v1/organizations/:id/committee-seats',
    {
      config: { action: 'member.manage' },
      schema: {
        tags: committeeTags,
        params: organizationParams,
        body: createSeatBody,
        response: { 201: committeeSeatOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createSeat(ctxOf(deps, req), req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/committee-seats/:id',
    { config: { action: 'member.manage' }, schema: { tags: committeeTags, params: memberParams } },
    async (req, reply) => {
      await deleteSeat(ctxOf(deps, req), req.params.id);
      return reply.code(204).send();
    },
  );
}
