import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultPreparationTemplate } from '@daihoi/core';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../modules/files/fixtures.js';
import { notifications } from '../modules/notifications/tables.js';
import { allPages, failOnServerErrors, routeKey, rows, servedRoutes } from '../test/expect.js';
import { type Agent, orgIdByCode, startTestApp, TEST_PASSWORD, type TestApp } from '../test/harness.js';

/**
 * THE permission matrix: every route of the API, called as every role, against an organization inside the
 * actor's scope and one outside it, each with a valid body. A new route fails the enumeration tests below
 * until it has a row here.
 */

const ROLES = ['anonymous', 'admin', 'office', 'secretary', 'inspector', 'member'] as const;
type Role = (typeof ROLES)[number];
type Signed = Exclude<Role, 'anonymous'>;

const ACCOUNTS: Record<Signed, string> = {
  admin: 'admin',
  office: 'vanphong',
  secretary: 'bithu',
  inspector: 'kiemtra',
  member: 'dangvien',
};

/** Per role, an organization in its scope and one outside it (an administrator has no outside). */
const TARGETS: Record<Role, { in: string; out: string }> = {
  anonymous: { in: 'NA-DUK-SXD', out: 'NA-VINH-LELOI' },
  admin: { in: 'NA-DUK-SXD', out: 'NA-VINH-LELOI' },
  office: { in: 'NA-DUK-SXD', out: 'NA-VINH-LELOI' },
  secretary: { in: 'NA-DUK-SXD', out: 'NA-VINH-LELOI' },
  inspector: { in: 'NA-DUK-SXD', out: 'NA-VINH-LELOI' },
  member: { in: 'NA-DUK-STC-CB02', out: 'NA-DUK-STC-CB03' },
};

/** Statuses in the order of ROLES: anonymous, admin, office, secretary, inspector, member. */
type Statuses = readonly [number, number, number, number, number, number];
/** `any`: the route names no organization; `in`/`out`: the target lies inside/outside the actor's scope. */
type Expectation = { any: Statuses } | { in: Statuses; out: Statuses };

// biome-ignore format: a table, read by its columns
const MATRIX: Record<string, Expectation> = {
  //                                                          anon admin  office secr. insp. member
  'GET /healthz':                                   { any:   [200, 200,  200,   200,  200,  200] },
  'GET /api/openapi.json':                          { any:   [200, 200,  200,   200,  200,  200] },
  'GET /api/v1/system/info':                        { any:   [200, 200,  200,   200,  200,  200] },
  // Loopback only when no metrics token is set; a test request comes from 127.0.0.1.
  'GET /metrics':                                   { any:   [200, 200,  200,   200,  200,  200] },
  // The CLI's door while the server holds the database: absent without a control token.
  'POST /api/v1/system/control/backups':            { any:   [404, 404,  404,   404,  404,  404] },
  'GET /api/v1/system/status':                      { any:   [401, 200,  403,   403,  403,  403] },
  'POST /api/v1/system/backups':                    { any:   [401, 201,  403,   403,  403,  403] },
  'GET /api/v1/system/backups/{name}':              { any:   [401, 200,  403,   403,  403,  403] },
  'POST /api/v1/auth/login':                        { any:   [200, 200,  200,   200,  200,  200] },
  'POST /api/v1/auth/logout':                       { any:   [401, 204,  204,   204,  204,  204] },
  'GET /api/v1/auth/me':                            { any:   [401, 200,  200,   200,  200,  200] },
  'POST /api/v1/auth/password':                     { any:   [401, 204,  204,   204,  204,  204] },
  'GET /api/v1/organizations':                      { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/organizations':                     { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'GET /api/v1/organizations/{id}':                 { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'PATCH /api/v1/organizations/{id}':               { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/organizations/{id}/move':           { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/organizations/{id}/terms':          { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'PATCH /api/v1/organizations/{id}/terms/{termId}':{ in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/users':                              { any:   [401, 200,  403,   403,  403,  403] },
  'POST /api/v1/users':                             { any:   [401, 201,  403,   403,  403,  403] },
  'GET /api/v1/users/{id}':                         { any:   [401, 200,  403,   403,  403,  403] },
  'PATCH /api/v1/users/{id}':                       { any:   [401, 200,  403,   403,  403,  403] },
  'POST /api/v1/users/{id}/password-reset':         { any:   [401, 200,  403,   403,  403,  403] },
  'GET /api/v1/audit-events':                       { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/audit-events/verify':                { any:   [401, 200,  403,   403,  403,  403] },
  'POST /api/v1/files':                             { in:    [401, 201,  201,   201,  201,  201],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'GET /api/v1/files':                              { any:   [401, 200,  200,   200,  200,  200] },
  'GET /api/v1/files/limits':                       { any:   [401, 200,  200,   200,  200,  200] },
  'GET /api/v1/files/{id}':                         { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'DELETE /api/v1/files/{id}':                      { in:    [401, 204,  204,   204,  403,  403],
                                                      out:   [401, 204,  404,   404,  404,  404] },
  // Notifications belong to one account: `in` is one of the actor's own, `out` someone else's.
  'GET /api/v1/notifications':                      { any:   [401, 200,  200,   200,  200,  200] },
  'POST /api/v1/notifications/read-all':            { any:   [401, 200,  200,   200,  200,  200] },
  'POST /api/v1/notifications/{id}/read':           { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 404,  404,   404,  404,  404] },
  // Members: a member's `in` is their own record (own cell for lists); they read nothing else of anyone.
  'GET /api/v1/members':                            { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/members':                           { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'GET /api/v1/members/export.xlsx':                { in:    [401, 200,  200,   200,  200,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/members/statistics':                 { in:    [401, 200,  200,   200,  200,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/members/statistics.xlsx':            { in:    [401, 200,  200,   200,  200,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/members/{id}':                       { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'PATCH /api/v1/members/{id}':                     { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/members/{id}/transfers':            { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/organizations/{id}/committee':       { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/organizations/{id}/committee-seats':{ in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'DELETE /api/v1/committee-seats/{id}':            { in:    [401, 204,  204,   204,  403,  403],
                                                      out:   [401, 204,  404,   404,  404,  404] },
  // Imports: only their creator (or an administrator) sees one; `in` is the role's own where it may import.
  'GET /api/v1/member-imports/template.xlsx':       { any:   [401, 200,  200,   200,  403,  403] },
  'POST /api/v1/member-imports':                    { in:    [401, 202,  202,   202,  403,  403],
                                                      out:   [401, 202,  404,   404,  404,  404] },
  'GET /api/v1/member-imports/{id}':                { in:    [401, 200,  200,   200,  404,  404],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/member-imports/{id}/errors.xlsx':    { in:    [401, 200,  200,   200,  404,  404],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/member-imports/{id}/commit':        { in:    [401, 200,  200,   200,  404,  404],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  // Documents: `in` is a document registered by the target organization; a member reads its own cell's.
  'GET /api/v1/documents':                          { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/documents':                         { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'GET /api/v1/documents/{id}':                     { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'PATCH /api/v1/documents/{id}':                   { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/documents/{id}.docx':                { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/documents/{id}/files':              { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'POST /api/v1/document-numbers':                  { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'GET /api/v1/document-numbers':                   { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/document-numbers/{id}/cancel':      { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/documents/{id}/distributions':      { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'GET /api/v1/documents/{id}/distributions':       { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/documents/{id}/reminders':          { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  // Receipts: `in` is a document sent to the target; only the receiving committee itself confirms it.
  'GET /api/v1/document-distributions':             { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/document-distributions/{id}/receipt':{ in:   [401, 200,  403,   403,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/document-distributions/{id}/report':{ in:    [401, 200,  403,   403,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  // Dissemination: `in` is a session hosted by the target organization, studying one of its documents.
  'GET /api/v1/dissemination-sessions':             { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/dissemination-sessions':            { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'GET /api/v1/dissemination-sessions/{id}':        { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'PATCH /api/v1/dissemination-sessions/{id}':      { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/dissemination-sessions/{id}/attendance':{ in: [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'PUT /api/v1/dissemination-sessions/{id}/attendance':{ in: [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/dissemination-sessions/{id}/proposals':{ in: [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'PATCH /api/v1/dissemination-proposals/{id}':     { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/documents/{id}/coverage':            { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/documents/{id}/coverage.xlsx':       { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  // Congress plans: `in` is a plan of the target organization (a new cell below it for a new plan).
  'GET /api/v1/organizations/{id}/congress-rules':  { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'PUT /api/v1/organizations/{id}/congress-rules':  { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/organizations/{id}/congress-template': { in: [401, 200, 200, 200, 200, 200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'PUT /api/v1/organizations/{id}/congress-template': { in: [401, 200, 200, 200, 403, 403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/organizations/{id}/congress-template/publish': { in: [401, 200, 200, 200, 403, 403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'DELETE /api/v1/organizations/{id}/congress-template/draft': { in: [401, 200, 200, 200, 403, 403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'DELETE /api/v1/organizations/{id}/congress-template': { in: [401, 200, 200, 200, 403, 403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/calendar/{year}':                    { any:   [401, 200,  200,   200,  200,  200] },
  'PUT /api/v1/calendar/edits/{date}':              { any:   [401, 200,  403,   403,  403,  403] },
  'DELETE /api/v1/calendar/edits/{date}':           { any:   [401, 200,  403,   403,  403,  403] },
  'GET /api/v1/congress-dashboard':                 { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/congress-dashboard.xlsx':            { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/congress-plans':                     { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/congress-plans':                    { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'GET /api/v1/congress-plans/{id}':                { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'GET /api/v1/congress-plans/{id}.docx':           { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'PATCH /api/v1/congress-plans/{id}':              { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/congress-plans/{id}/tasks':         { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'PATCH /api/v1/congress-tasks/{id}':              { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/congress-plans/{id}/subcommittees': { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'PATCH /api/v1/congress-subcommittees/{id}':      { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'DELETE /api/v1/congress-subcommittees/{id}':     { in:    [401, 204,  204,   204,  403,  403],
                                                      out:   [401, 204,  404,   404,  404,  404] },
  'GET /api/v1/congress-plans/{id}/budget':         { in:    [401, 200,  200,   200,  200,  200],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'PUT /api/v1/congress-plans/{id}/budget':         { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/congress-plans/{id}/budget/versions':{ in:   [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  'POST /api/v1/congress-plans/{id}/submissions':   { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
  // Decided by the committees above the organization (the bloc's office and secretary are above NA-DUK-SXD).
  'POST /api/v1/congress-submissions/{id}/approve': { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/congress-submissions/{id}/return':  { in:    [401, 200,  200,   200,  403,  403],
                                                      out:   [401, 200,  404,   404,  404,  404] },
  'POST /api/v1/congress-tasks/{id}/files':         { in:    [401, 201,  201,   201,  403,  403],
                                                      out:   [401, 201,  404,   404,  404,  404] },
};

/** Routes kept out of the OpenAPI document on purpose. */
const UNDOCUMENTED = [
  'GET /healthz',
  'GET /api/openapi.json',
  'GET /metrics',
  'POST /api/v1/system/control/backups',
];

const SECRETS = /passwordHash|password_hash|\$argon2/i;
const VIETNAMESE_LETTER = /[ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
const TEMPORARY_PASSWORD = 'ma-tran-tam-thoi-1';

const serverErrors = failOnServerErrors();
let t: TestApp;
const agents = new Map<Signed, Agent>();
const orgIds = new Map<string, string>();
let targetUserId: string;
let backupDir: string;
let serial = 0;
const bodies: string[] = [];
/** Every route the router serves, as "METHOD /path/{param}". */
let served: string[];
/** An account whose notifications nobody else may touch. */
let outsider: string;
/** The member record linked to the member role's account. */
let ownMemberId: string;

beforeAll(async () => {
  backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-matrix-'));
  t = await startTestApp({ config: { backupDir } });
  serverErrors.watch(t.app);
  for (const role of ROLES) if (role !== 'anonymous') agents.set(role, await t.login(ACCOUNTS[role]));
  for (const { in: inside, out } of Object.values(TARGETS)) {
    for (const code of [inside, out]) orgIds.set(code, await orgIdByCode(t, code));
  }
  const user = await agents.get('admin')!.post('/api/v1/users', {
    username: 'ma.tran.muc.tieu',
    displayName: 'Tài khoản đích của ma trận',
    password: 'mat-khau-muc-tieu',
  });
  expect(user.statusCode, user.body).toBe(201);
  targetUserId = user.json().id;
  // Every target carries an event of its own, so that the audit lists below have something to hide.
  for (const code of new Set(Object.values(TARGETS).flatMap((x) => [x.in, x.out]))) {
    const orgId = orgIds.get(code)!;
    const res = await agents.get('admin')!.patch(`/api/v1/organizations/${orgId}`, {
      version: (await orgRow(orgId)).version,
      shortName: `Tên tắt ${code}`,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  outsider = (await t.login('vanphong.tu')).user.id;
  // The member role's account is linked to a record in its own cell.
  ownMemberId = await memberAsAdmin(orgIds.get(TARGETS.member.in)!, ++serial);
  const member = agents.get('member')!.user.id;
  const account = (await agents.get('admin')!.get(`/api/v1/users/${member}`)).json();
  const link = await agents.get('admin')!.patch(`/api/v1/users/${member}`, {
    version: account.version,
    memberId: ownMemberId,
  });
  expect(link.statusCode, link.body).toBe(200);
  served = servedRoutes(t.app);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

const orgRow = async (orgId: string) =>
  (await t.database.db.query.organizations.findFirst({ where: (o, { eq }) => eq(o.id, orgId) }))!;
const firstTerm = async (orgId: string) =>
  (await t.database.db.query.committeeTerms.findFirst({
    where: (x, { eq }) => eq(x.organizationId, orgId),
    orderBy: (x, { asc }) => asc(x.startsOn),
  }))!;

interface Call {
  url: string;
  body?: Record<string, unknown>;
  /** A multipart body, for uploads. */
  form?: FormData;
}
interface Context {
  role: Role;
  column: 'any' | 'in' | 'out';
  /** The target organization's id (routes that name none ignore it). */
  org: string;
  n: number;
}

const pdfForm = (organizationId: string, n: number) => {
  const form = new FormData();
  form.append('organizationId', organizationId);
  form.append('file', new Blob([new Uint8Array(pdf())], { type: 'application/pdf' }), `Quyết định ${n}.pdf`);
  return form;
};
/** A file of the organization, uploaded by the administrator (so that nobody else deletes it as its uploader). */
async function uploadAsAdmin(organizationId: string, n: number): Promise<string> {
  const admin = agents.get('admin')!;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    payload: pdfForm(organizationId, n),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const filesOf = new Map<string, string>();
async function fileOf(organizationId: string, n: number): Promise<string> {
  if (!filesOf.has(organizationId)) filesOf.set(organizationId, await uploadAsAdmin(organizationId, n));
  return filesOf.get(organizationId)!;
}
/** A fresh unread notification for the account. */
async function notificationFor(userId: string, n: number): Promise<string> {
  const [row] = await t.database.db
    .insert(notifications)
    .values({ userId, kind: 'matrix.test', title: `Thông báo ${n}` })
    .returning({ id: notifications.id });
  return row!.id;
}
let backup: string | undefined;
/** The name of a backup on disk, taken by the administrator the first time it is asked for. */
async function backupName(): Promise<string> {
  if (!backup) {
    const res = await agents.get('admin')!.post('/api/v1/system/backups');
    expect(res.statusCode, res.body).toBe(201);
    backup = res.json().name as string;
  }
  return backup;
}
const memberBody = (organizationId: string, n: number) => ({
  organizationId,
  fullName: `Đảng viên Ma trận ${n}`,
  // Ten digits: never one of the demo's eight-digit cards.
  cardNumber: String(8_000_000_000 + n),
  gender: 'female',
  birthDate: '1980-03-02',
  admittedOn: '2005-05-19',
  fullMemberOn: '2006-05-19',
  status: 'full',
});
/** A new member of the organization, recorded by the administrator. */
async function memberAsAdmin(organizationId: string, n: number): Promise<string> {
  const res = await agents.get('admin')!.post('/api/v1/members', memberBody(organizationId, n));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const membersOf = new Map<string, string>();
/** The member a role's call targets: its own record for a member inside, else one of the organization. */
async function memberFor({ role, column, org, n }: Context): Promise<string> {
  if (role === 'member' && column === 'in') return ownMemberId;
  if (!membersOf.has(org)) membersOf.set(org, await memberAsAdmin(org, n));
  return membersOf.get(org)!;
}
const memberRow = async (memberId: string) =>
  (await t.database.db.query.members.findFirst({ where: (m, { eq }) => eq(m.id, memberId) }))!;
/** A seat of the organization's committee, taken by the administrator for a new member. */
async function seatAsAdmin(org: string, n: number): Promise<string> {
  const res = await agents.get('admin')!.post(`/api/v1/organizations/${org}/committee-seats`, {
    termId: (await firstTerm(org)).id,
    memberId: await memberAsAdmin(org, n),
    position: 'committee_member',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A one-row CSV for an import into the organization (eleven-digit card: neither a demo card nor a member above). */
async function importForm(organizationId: string, n: number): Promise<FormData> {
  const { code } = await orgRow(organizationId);
  const csv =
    'Họ và tên,Giới tính,Ngày sinh,Số thẻ đảng viên,Ngày vào Đảng,Ngày chính thức,Mã tổ chức\r\n' +
    `Đảng viên Nhập ${n},Nữ,02/03/1980,${90_000_000_000 + n},19/05/2005,19/05/2006,${code}\r\n`;
  const form = new FormData();
  form.append('organizationId', organizationId);
  form.append('file', new Blob([csv], { type: 'text/csv' }), `Nhập ${n}.csv`);
  return form;
}
/** An import of the organization, read and waiting for confirmation: the role's own where it may import there. */
async function importFor({ role, column, org, n }: Context): Promise<string> {
  const own = column === 'in' && (role === 'admin' || role === 'office' || role === 'secretary');
  const agent = agents.get(own ? role : 'admin')!;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/member-imports',
    headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    payload: await importForm(org, n),
  });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  for (;;) {
    const job = (await agent.get(`/api/v1/member-imports/${id}`)).json();
    if (job.status !== 'parsing') {
      expect(job.status, JSON.stringify(job)).toBe('preview');
      return id;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** An incoming directive registered by the administrator in the organization's register (signed, for .docx). */
async function documentAsAdmin(organizationId: string, n: number): Promise<string> {
  const res = await agents.get('admin')!.post('/api/v1/documents', documentBody(organizationId, n));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const documentBody = (organizationId: string, n: number) => ({
  organizationId,
  direction: 'incoming',
  type: 'CT',
  number: `${n}-CT/TW`,
  issuerName: 'Bộ Chính trị',
  issuedOn: '2019-05-30',
  summary: `Chỉ thị ma trận ${n}`,
  signer: 'Trần Quốc Vượng',
  signerPosition: 'Thường trực Ban Bí thư',
});
const documentsOf = new Map<string, string>();
async function documentOf(organizationId: string, n: number): Promise<string> {
  if (!documentsOf.has(organizationId))
    documentsOf.set(organizationId, await documentAsAdmin(organizationId, n));
  return documentsOf.get(organizationId)!;
}
const documentRow = async (documentId: string) =>
  (await t.database.db.query.documents.findFirst({ where: (d, { eq }) => eq(d.id, documentId) }))!;
/** A number reserved by the administrator for the organization. */
async function numberAsAdmin(organizationId: string): Promise<string> {
  const res = await agents
    .get('admin')!
    .post('/api/v1/document-numbers', { issuerOrganizationId: organizationId, type: 'TB' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
/** A child to send to; a cell has none, and its calls are refused before the recipients are looked at. */
const firstChild = async (organizationId: string) =>
  (
    await t.database.db.query.organizations.findFirst({
      where: (o, { eq }) => eq(o.parentId, organizationId),
    })
  )?.id ?? organizationId;
/** A document of the organization's parent, sent by the administrator to the organization. */
async function distributionTo(organizationId: string, n: number): Promise<string> {
  const parent = (await orgRow(organizationId)).parentId!;
  const documentId = await documentAsAdmin(parent, n);
  const res = await agents
    .get('admin')!
    .post(`/api/v1/documents/${documentId}/distributions`, { organizationIds: [organizationId] });
  expect(res.statusCode, res.body).toBe(201);
  const [row] = await rows<{ id: string }>(
    t,
    sql`SELECT id FROM document_distributions WHERE document_id = ${documentId}`,
  );
  return row!.id;
}
const sessionBody = async (organizationId: string, n: number) => ({
  organizationId,
  title: `Hội nghị quán triệt ma trận ${n}`,
  startsAt: '2020-03-02T08:00:00+07:00',
  documentIds: [await documentOf(organizationId, n)],
});
const sessionsOf = new Map<string, string>();
/** A session hosted by the organization, created by the administrator. */
async function sessionOf(organizationId: string, n: number): Promise<string> {
  if (!sessionsOf.has(organizationId)) {
    const res = await agents
      .get('admin')!
      .post('/api/v1/dissemination-sessions', await sessionBody(organizationId, n));
    expect(res.statusCode, res.body).toBe(201);
    sessionsOf.set(organizationId, res.json().id);
  }
  return sessionsOf.get(organizationId)!;
}
async function proposalOf(organizationId: string, n: number): Promise<string> {
  const res = await agents
    .get('admin')!
    .post(`/api/v1/dissemination-sessions/${await sessionOf(organizationId, n)}/proposals`, {
      content: `Kiến nghị ${n}`,
    });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** The 2020–2025 term of an organization, made by the administrator when it has none (a new cell). */
async function term2020Of(organizationId: string): Promise<string> {
  const [found] = await rows<{ id: string }>(
    t,
    sql`SELECT id FROM committee_terms WHERE organization_id = ${organizationId} AND name = '2020–2025'`,
  );
  if (found) return found.id;
  const res = await agents.get('admin')!.post(`/api/v1/organizations/${organizationId}/terms`, {
    name: '2020–2025',
    startsOn: '2020-06-01',
    endsOn: '2025-05-31',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
/** Where a new plan goes: a fresh cell below the target, so that every call adopts a plan of its own. */
async function planTarget({ role, org, n }: Context): Promise<string> {
  const row = await orgRow(org);
  if (row.level === 'cell' || role === 'member' || role === 'inspector' || role === 'anonymous') return org;
  const res = await agents.get('admin')!.post('/api/v1/organizations', {
    parentId: org,
    code: `KH-DH-${n}`,
    name: `Chi bộ Kế hoạch ${n}`,
    level: 'cell',
    kind: 'subordinate_cell',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const planBody = async (organizationId: string) => ({
  organizationId,
  termId: await term2020Of(organizationId),
  // No date yet: the levels of the targets have different windows, and the matrix is about who may act.
  plannedOn: null,
  durationDays: 0.5,
});
const plansOf = new Map<string, string>();
/** The congress plan of the organization, adopted by the administrator. */
async function planOf(organizationId: string): Promise<string> {
  if (!plansOf.has(organizationId)) {
    // The demo already holds the plans of some organizations.
    const [seeded] = await rows<{ id: string }>(
      t,
      sql`SELECT id FROM congress_plans WHERE organization_id = ${organizationId}`,
    );
    if (seeded) plansOf.set(organizationId, seeded.id);
  }
  if (!plansOf.has(organizationId)) {
    const res = await agents.get('admin')!.post('/api/v1/congress-plans', await planBody(organizationId));
    expect(res.statusCode, res.body).toBe(201);
    plansOf.set(organizationId, res.json().id);
  }
  return plansOf.get(organizationId)!;
}
async function taskOf(organizationId: string) {
  const [task] = await rows<{ id: string; version: number }>(
    t,
    sql`SELECT id, version FROM congress_tasks WHERE plan_id = ${await planOf(organizationId)} ORDER BY position LIMIT 1`,
  );
  return task!;
}

/** A plan of its own for a call that changes its state: on a new cell below the target, or the target's. */
async function freshPlan(c: Context): Promise<string> {
  const organizationId = await planTarget(c);
  if (organizationId === c.org) return planOf(c.org);
  const res = await agents.get('admin')!.post('/api/v1/congress-plans', await planBody(organizationId));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
/** A committee's own template as a client sends it: the shipped steps under the committee's name. */
const templateBody = {
  ruleSetId: 'ct35-2019',
  nameVi: 'Mẫu của ma trận',
  steps: defaultPreparationTemplate('ct35-2019').steps.map(({ key, titleVi, owner, offset }) => ({
    key,
    titleVi,
    owner,
    offset,
  })),
};

async function templateVersion(org: string): Promise<{ version?: number }> {
  const [own] = await rows<{ version: number }>(
    t,
    sql`SELECT version FROM congress_templates WHERE organization_id = ${org} AND rule_set_id = 'ct35-2019'`,
  );
  return own ? { version: own.version } : {};
}

/** Saves a draft as the administrator and gives the row's version, for routes that need one. */
async function templateDraft(org: string): Promise<number> {
  const res = await agents.get('admin')!.request('PUT', `/api/v1/organizations/${org}/congress-template`, {
    ...templateBody,
    ...(await templateVersion(org)),
  });
  expect(res.statusCode).toBe(200);
  return res.json().own.version;
}

const budgetLines = [
  { category: 'other', description: 'Chi phí đại hội', quantity: 1, unit: 'trọn gói', unitPrice: 1_000_000 },
];
/** A plan whose budget the province's office has approved: the next version starts from it. */
async function approvedBudgetPlan(c: Context): Promise<string> {
  const planId = await freshPlan(c);
  if (planId === plansOf.get(c.org)) return planId;
  const admin = agents.get('admin')!;
  expect(
    (await admin.request('PUT', `/api/v1/congress-plans/${planId}/budget`, { lines: budgetLines }))
      .statusCode,
  ).toBe(200);
  const [sent] = (
    await admin.post(`/api/v1/congress-plans/${planId}/submissions`, { kind: 'budget' })
  ).json();
  const approved = await (await provinceOffice()).post(`/api/v1/congress-submissions/${sent.id}/approve`, {});
  expect(approved.statusCode, approved.body).toBe(200);
  return planId;
}
let province: Agent | undefined;
/** The province's office: it submits and decides for organizations below it without being a matrix role. */
async function provinceOffice(): Promise<Agent> {
  province ??= await t.login('vanphong.tu');
  return province;
}
const submissionsOf = new Map<string, string>();
/** A submission waiting for the committee above, sent by the province's office (so nobody decides their own). */
async function pendingSubmission(c: Context): Promise<string> {
  const planId = await freshPlan(c);
  const reused = planId === plansOf.get(c.org);
  if (reused && submissionsOf.has(c.org)) return submissionsOf.get(c.org)!;
  const res = await (await provinceOffice()).post(`/api/v1/congress-plans/${planId}/submissions`, {
    kind: 'plan',
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string; round: number }[]).at(-1)!.id;
  if (reused) submissionsOf.set(c.org, id);
  return id;
}

/** A subcommittee of the organization's plan, made by the administrator (a new one when it is to be deleted). */
async function subcommitteeOf(
  organizationId: string,
  fresh = false,
): Promise<{ id: string; version: number }> {
  const planId = await planOf(organizationId);
  const [found] = fresh
    ? []
    : await rows<{ id: string; version: number }>(
        t,
        sql`SELECT id, version FROM congress_subcommittees WHERE plan_id = ${planId} ORDER BY created_at LIMIT 1`,
      );
  if (found) return found;
  const res = await agents
    .get('admin')!
    .post(`/api/v1/congress-plans/${planId}/subcommittees`, { kind: 'other', name: 'Tiểu ban ma trận' });
  expect(res.statusCode, res.body).toBe(201);
  const list = res.json() as { id: string; version: number }[];
  return list.at(-1)!;
}

const userIdOf = (role: Role) => agents.get(role === 'anonymous' ? 'admin' : role)!.user.id;

/** A valid request for each route; the state it reads (versions, parents) is read just before the call. */
const REQUESTS: Record<string, (c: Context) => Promise<Call>> = {
  'GET /healthz': async () => ({ url: '/healthz' }),
  'GET /api/openapi.json': async () => ({ url: '/api/openapi.json' }),
  'GET /api/v1/system/info': async () => ({ url: '/api/v1/system/info' }),
  'GET /metrics': async () => ({ url: '/metrics' }),
  'POST /api/v1/system/control/backups': async () => ({ url: '/api/v1/system/control/backups', body: {} }),
  'GET /api/v1/system/status': async () => ({ url: '/api/v1/system/status' }),
  'POST /api/v1/system/backups': async () => ({ url: '/api/v1/system/backups', body: {} }),
  'GET /api/v1/system/backups/{name}': async () => ({ url: `/api/v1/system/backups/${await backupName()}` }),
  'POST /api/v1/auth/login': async ({ role }) => ({
    url: '/api/v1/auth/login',
    body: { username: role === 'anonymous' ? 'vanphong.tu' : ACCOUNTS[role], password: TEST_PASSWORD },
  }),
  'POST /api/v1/auth/logout': async () => ({ url: '/api/v1/auth/logout', body: {} }),
  'GET /api/v1/auth/me': async () => ({ url: '/api/v1/auth/me' }),
  'POST /api/v1/auth/password': async () => ({
    url: '/api/v1/auth/password',
    body: { currentPassword: TEST_PASSWORD, newPassword: TEMPORARY_PASSWORD },
  }),
  'GET /api/v1/organizations': async ({ org }) => ({ url: `/api/v1/organizations?under=${org}` }),
  'POST /api/v1/organizations': async ({ org, n }) => ({
    url: '/api/v1/organizations',
    body: {
      parentId: org,
      code: `MT-${n}`,
      name: `Chi bộ Ma trận ${n}`,
      level: 'cell',
      kind: 'subordinate_cell',
    },
  }),
  'GET /api/v1/organizations/{id}': async ({ org }) => ({ url: `/api/v1/organizations/${org}` }),
  'PATCH /api/v1/organizations/{id}': async ({ org, n }) => ({
    url: `/api/v1/organizations/${org}`,
    body: { version: (await orgRow(org)).version, placeName: `Địa danh ${n}` },
  }),
  'POST /api/v1/organizations/{id}/move': async ({ org }) => {
    const row = await orgRow(org);
    return {
      url: `/api/v1/organizations/${org}/move`,
      body: { parentId: row.parentId, version: row.version },
    };
  },
  'POST /api/v1/organizations/{id}/terms': async ({ org, n }) => {
    const year = 2100 + 5 * n;
    return {
      url: `/api/v1/organizations/${org}/terms`,
      body: { name: `${year}–${year + 5}`, startsOn: `${year}-01-01`, endsOn: `${year + 4}-12-31` },
    };
  },
  'PATCH /api/v1/organizations/{id}/terms/{termId}': async ({ org }) => {
    const term = await firstTerm(org);
    return { url: `/api/v1/organizations/${org}/terms/${term.id}`, body: { version: term.version } };
  },
  'GET /api/v1/users': async () => ({ url: '/api/v1/users' }),
  'POST /api/v1/users': async ({ n }) => ({
    url: '/api/v1/users',
    body: { username: `ma.tran.${n}`, displayName: `Ma trận ${n}`, password: 'mat-khau-ma-tran' },
  }),
  'GET /api/v1/users/{id}': async () => ({ url: `/api/v1/users/${targetUserId}` }),
  'PATCH /api/v1/users/{id}': async ({ n }) => {
    const user = (await t.database.db.query.users.findFirst({
      where: (u, { eq }) => eq(u.id, targetUserId),
    }))!;
    return {
      url: `/api/v1/users/${targetUserId}`,
      body: { version: user.version, displayName: `Đích ${n}` },
    };
  },
  'POST /api/v1/users/{id}/password-reset': async () => ({
    url: `/api/v1/users/${targetUserId}/password-reset`,
    body: {},
  }),
  'GET /api/v1/audit-events': async ({ org }) => ({ url: `/api/v1/audit-events?organizationId=${org}` }),
  'GET /api/v1/audit-events/verify': async () => ({ url: '/api/v1/audit-events/verify' }),
  'POST /api/v1/files': async ({ org, n }) => ({ url: '/api/v1/files', form: pdfForm(org, n) }),
  'GET /api/v1/files': async () => ({ url: '/api/v1/files' }),
  'GET /api/v1/files/limits': async () => ({ url: '/api/v1/files/limits' }),
  'GET /api/v1/files/{id}': async ({ org, n }) => ({ url: `/api/v1/files/${await fileOf(org, n)}` }),
  'DELETE /api/v1/files/{id}': async ({ org, n }) => ({
    url: `/api/v1/files/${await uploadAsAdmin(org, n)}`,
  }),
  'GET /api/v1/notifications': async () => ({ url: '/api/v1/notifications' }),
  'POST /api/v1/notifications/read-all': async () => ({ url: '/api/v1/notifications/read-all', body: {} }),
  'POST /api/v1/notifications/{id}/read': async ({ role, column, n }) => {
    const owner = column === 'out' ? outsider : userIdOf(role);
    return { url: `/api/v1/notifications/${await notificationFor(owner, n)}/read`, body: {} };
  },
  'GET /api/v1/members': async ({ org }) => ({ url: `/api/v1/members?organizationId=${org}` }),
  'POST /api/v1/members': async ({ org, n }) => ({ url: '/api/v1/members', body: memberBody(org, n) }),
  'GET /api/v1/members/export.xlsx': async ({ org }) => ({
    url: `/api/v1/members/export.xlsx?organizationId=${org}`,
  }),
  'GET /api/v1/members/statistics': async ({ org }) => ({
    url: `/api/v1/members/statistics?organizationId=${org}`,
  }),
  'GET /api/v1/members/statistics.xlsx': async ({ org }) => ({
    url: `/api/v1/members/statistics.xlsx?organizationId=${org}`,
  }),
  'GET /api/v1/members/{id}': async (c) => ({ url: `/api/v1/members/${await memberFor(c)}` }),
  'PATCH /api/v1/members/{id}': async (c) => {
    const memberId = await memberFor(c);
    return {
      url: `/api/v1/members/${memberId}`,
      body: { version: (await memberRow(memberId)).version, phone: `09${String(c.n).padStart(8, '0')}` },
    };
  },
  // A transfer out of the system dated after the business date stays pending: the member stays put.
  'POST /api/v1/members/{id}/transfers': async (c) => {
    const memberId = c.role === 'member' && c.column === 'in' ? ownMemberId : await memberAsAdmin(c.org, c.n);
    return {
      url: `/api/v1/members/${memberId}/transfers`,
      body: { destination: 'Đảng bộ tỉnh Hà Tĩnh', transferredOn: '2020-04-01' },
    };
  },
  'GET /api/v1/organizations/{id}/committee': async ({ org }) => ({
    url: `/api/v1/organizations/${org}/committee`,
  }),
  'POST /api/v1/organizations/{id}/committee-seats': async ({ org, n }) => ({
    url: `/api/v1/organizations/${org}/committee-seats`,
    body: {
      termId: (await firstTerm(org)).id,
      memberId: await memberAsAdmin(org, n),
      position: 'committee_member',
    },
  }),
  'DELETE /api/v1/committee-seats/{id}': async ({ org, n }) => ({
    url: `/api/v1/committee-seats/${await seatAsAdmin(org, n)}`,
  }),
  'GET /api/v1/member-imports/template.xlsx': async () => ({ url: '/api/v1/member-imports/template.xlsx' }),
  'POST /api/v1/member-imports': async ({ org, n }) => ({
    url: '/api/v1/member-imports',
    form: await importForm(org, n),
  }),
  'GET /api/v1/member-imports/{id}': async (c) => ({ url: `/api/v1/member-imports/${await importFor(c)}` }),
  'GET /api/v1/member-imports/{id}/errors.xlsx': async (c) => ({
    url: `/api/v1/member-imports/${await importFor(c)}/errors.xlsx`,
  }),
  'POST /api/v1/member-imports/{id}/commit': async (c) => ({
    url: `/api/v1/member-imports/${await importFor(c)}/commit`,
    body: {},
  }),
  'GET /api/v1/documents': async ({ org }) => ({ url: `/api/v1/documents?organizationId=${org}` }),
  'POST /api/v1/documents': async ({ org, n }) => ({ url: '/api/v1/documents', body: documentBody(org, n) }),
  'GET /api/v1/documents/{id}': async ({ org, n }) => ({
    url: `/api/v1/documents/${await documentOf(org, n)}`,
  }),
  'PATCH /api/v1/documents/{id}': async ({ org, n }) => {
    const documentId = await documentOf(org, n);
    return {
      url: `/api/v1/documents/${documentId}`,
      body: { version: (await documentRow(documentId)).version, summary: `Trích yếu ${n}` },
    };
  },
  'GET /api/v1/documents/{id}.docx': async ({ org, n }) => ({
    url: `/api/v1/documents/${await documentOf(org, n)}.docx`,
  }),
  'POST /api/v1/documents/{id}/files': async ({ org, n }) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf())], { type: 'application/pdf' }), `Chỉ thị ${n}.pdf`);
    return { url: `/api/v1/documents/${await documentOf(org, n)}/files`, form };
  },
  'POST /api/v1/document-numbers': async ({ org }) => ({
    url: '/api/v1/document-numbers',
    body: { issuerOrganizationId: org, type: 'KH' },
  }),
  'GET /api/v1/document-numbers': async ({ org }) => ({
    url: `/api/v1/document-numbers?issuerOrganizationId=${org}`,
  }),
  'POST /api/v1/document-numbers/{id}/cancel': async ({ org, n }) => ({
    url: `/api/v1/document-numbers/${await numberAsAdmin(org)}/cancel`,
    body: { reason: `Không ban hành ${n}` },
  }),
  'POST /api/v1/documents/{id}/distributions': async ({ org, n }) => ({
    url: `/api/v1/documents/${await documentOf(org, n)}/distributions`,
    body: { organizationIds: [await firstChild(org)] },
  }),
  'GET /api/v1/documents/{id}/distributions': async ({ org, n }) => ({
    url: `/api/v1/documents/${await documentOf(org, n)}/distributions`,
  }),
  'POST /api/v1/documents/{id}/reminders': async ({ org, n }) => ({
    url: `/api/v1/documents/${await documentOf(org, n)}/reminders`,
    body: {},
  }),
  'GET /api/v1/document-distributions': async ({ org }) => ({
    url: `/api/v1/document-distributions?organizationId=${org}`,
  }),
  'POST /api/v1/document-distributions/{id}/receipt': async ({ org, n }) => ({
    url: `/api/v1/document-distributions/${await distributionTo(org, n)}/receipt`,
    body: {},
  }),
  'POST /api/v1/document-distributions/{id}/report': async ({ org, n }) => ({
    url: `/api/v1/document-distributions/${await distributionTo(org, n)}/report`,
    body: { note: `Đã triển khai ${n}` },
  }),
  'GET /api/v1/dissemination-sessions': async ({ org }) => ({
    url: `/api/v1/dissemination-sessions?organizationId=${org}`,
  }),
  'POST /api/v1/dissemination-sessions': async ({ org, n }) => ({
    url: '/api/v1/dissemination-sessions',
    body: await sessionBody(org, n),
  }),
  'GET /api/v1/dissemination-sessions/{id}': async ({ org, n }) => ({
    url: `/api/v1/dissemination-sessions/${await sessionOf(org, n)}`,
  }),
  'PATCH /api/v1/dissemination-sessions/{id}': async ({ org, n }) => {
    const id = await sessionOf(org, n);
    const row = (await t.database.db.query.disseminationSessions.findFirst({
      where: (x, { eq }) => eq(x.id, id),
    }))!;
    return {
      url: `/api/v1/dissemination-sessions/${id}`,
      body: { version: row.version, place: `Hội trường ${n}` },
    };
  },
  'GET /api/v1/dissemination-sessions/{id}/attendance': async ({ org, n }) => ({
    url: `/api/v1/dissemination-sessions/${await sessionOf(org, n)}/attendance`,
  }),
  'PUT /api/v1/dissemination-sessions/{id}/attendance': async (c) => ({
    url: `/api/v1/dissemination-sessions/${await sessionOf(c.org, c.n)}/attendance`,
    body: { entries: [{ memberId: await memberFor(c), status: 'present' }] },
  }),
  'POST /api/v1/dissemination-sessions/{id}/proposals': async ({ org, n }) => ({
    url: `/api/v1/dissemination-sessions/${await sessionOf(org, n)}/proposals`,
    body: { content: `Đề xuất ${n}`, proposedBy: 'Đại biểu' },
  }),
  'PATCH /api/v1/dissemination-proposals/{id}': async ({ org, n }) => ({
    url: `/api/v1/dissemination-proposals/${await proposalOf(org, n)}`,
    body: { version: 1, answer: `Trả lời ${n}` },
  }),
  'GET /api/v1/documents/{id}/coverage': async ({ org, n }) => ({
    url: `/api/v1/documents/${await documentOf(org, n)}/coverage?organizationId=${org}`,
  }),
  'GET /api/v1/documents/{id}/coverage.xlsx': async ({ org, n }) => ({
    url: `/api/v1/documents/${await documentOf(org, n)}/coverage.xlsx?organizationId=${org}`,
  }),
  'POST /api/v1/congress-plans/{id}/subcommittees': async ({ org }) => ({
    url: `/api/v1/congress-plans/${await planOf(org)}/subcommittees`,
    body: { kind: 'logistics' },
  }),
  'PATCH /api/v1/congress-subcommittees/{id}': async ({ org }) => {
    const group = await subcommitteeOf(org);
    return {
      url: `/api/v1/congress-subcommittees/${group.id}`,
      body: { version: group.version, duties: 'Hậu cần' },
    };
  },
  'DELETE /api/v1/congress-subcommittees/{id}': async ({ org }) => ({
    url: `/api/v1/congress-subcommittees/${(await subcommitteeOf(org, true)).id}`,
  }),
  'GET /api/v1/congress-plans/{id}/budget': async ({ org }) => ({
    url: `/api/v1/congress-plans/${await planOf(org)}/budget`,
  }),
  'PUT /api/v1/congress-plans/{id}/budget': async ({ org }) => {
    const planId = await planOf(org);
    const [budget] = await rows<{ version: number }>(
      t,
      sql`SELECT version FROM congress_budgets WHERE plan_id = ${planId} ORDER BY version_no DESC LIMIT 1`,
    );
    return {
      url: `/api/v1/congress-plans/${planId}/budget`,
      body: { version: budget?.version, lines: budgetLines },
    };
  },
  'POST /api/v1/congress-plans/{id}/budget/versions': async (c) => ({
    url: `/api/v1/congress-plans/${await approvedBudgetPlan(c)}/budget/versions`,
    body: {},
  }),
  'POST /api/v1/congress-plans/{id}/submissions': async (c) => ({
    url: `/api/v1/congress-plans/${await freshPlan(c)}/submissions`,
    body: { kind: 'plan' },
  }),
  'POST /api/v1/congress-submissions/{id}/approve': async (c) => ({
    url: `/api/v1/congress-submissions/${await pendingSubmission(c)}/approve`,
    body: {},
  }),
  'POST /api/v1/congress-submissions/{id}/return': async (c) => ({
    url: `/api/v1/congress-submissions/${await pendingSubmission(c)}/return`,
    body: { comment: 'Đề nghị bổ sung' },
  }),
  'GET /api/v1/organizations/{id}/congress-rules': async ({ org }) => ({
    url: `/api/v1/organizations/${org}/congress-rules?ruleSetId=ct35-2019`,
  }),
  'PUT /api/v1/organizations/{id}/congress-rules': async ({ org }) => {
    const [own] = await rows<{ version: number }>(
      t,
      sql`SELECT version FROM congress_rule_tightenings WHERE organization_id = ${org}`,
    );
    return {
      url: `/api/v1/organizations/${org}/congress-rules`,
      body: {
        ruleSetId: 'ct35-2019',
        sourceDocument: 'Kế hoạch ma trận',
        sourceDate: '2019-11-01',
        levels: { cell: { maxDurationDays: 0.5 } },
        ...(own ? { version: own.version } : {}),
      },
    };
  },
  'GET /api/v1/organizations/{id}/congress-template': async ({ org }) => ({
    url: `/api/v1/organizations/${org}/congress-template?ruleSetId=ct35-2019`,
  }),
  'PUT /api/v1/organizations/{id}/congress-template': async ({ org }) => ({
    url: `/api/v1/organizations/${org}/congress-template`,
    body: { ...templateBody, ...(await templateVersion(org)) },
  }),
  'POST /api/v1/organizations/{id}/congress-template/publish': async ({ org }) => ({
    url: `/api/v1/organizations/${org}/congress-template/publish`,
    body: { ruleSetId: 'ct35-2019', version: await templateDraft(org) },
  }),
  'DELETE /api/v1/organizations/{id}/congress-template/draft': async ({ org }) => ({
    url: `/api/v1/organizations/${org}/congress-template/draft?ruleSetId=ct35-2019&version=${await templateDraft(org)}`,
  }),
  'DELETE /api/v1/organizations/{id}/congress-template': async ({ org }) => ({
    url: `/api/v1/organizations/${org}/congress-template?ruleSetId=ct35-2019&version=${await templateDraft(org)}`,
  }),
  'GET /api/v1/calendar/{year}': async () => ({ url: '/api/v1/calendar/2020' }),
  'PUT /api/v1/calendar/edits/{date}': async () => ({
    url: '/api/v1/calendar/edits/2031-12-31',
    body: { kind: 'day_off' },
  }),
  'DELETE /api/v1/calendar/edits/{date}': async () => {
    const admin = agents.get('admin')!;
    expect(
      (await admin.request('PUT', '/api/v1/calendar/edits/2031-12-30', { kind: 'day_off' })).statusCode,
    ).toBe(200);
    return { url: '/api/v1/calendar/edits/2031-12-30' };
  },
  'GET /api/v1/congress-dashboard': async ({ org }) => ({
    url: `/api/v1/congress-dashboard?organizationId=${org}`,
  }),
  'GET /api/v1/congress-dashboard.xlsx': async ({ org }) => ({
    url: `/api/v1/congress-dashboard.xlsx?organizationId=${org}`,
  }),
  'GET /api/v1/congress-plans': async ({ org }) => ({ url: `/api/v1/congress-plans?organizationId=${org}` }),
  'POST /api/v1/congress-plans': async (c) => ({
    url: '/api/v1/congress-plans',
    body: await planBody(await planTarget(c)),
  }),
  'GET /api/v1/congress-plans/{id}': async ({ org }) => ({
    url: `/api/v1/congress-plans/${await planOf(org)}`,
  }),
  'GET /api/v1/congress-plans/{id}.docx': async ({ org }) => ({
    url: `/api/v1/congress-plans/${await planOf(org)}.docx`,
  }),
  'PATCH /api/v1/congress-plans/{id}': async ({ org, n }) => {
    const id = await planOf(org);
    const [row] = await rows<{ version: number }>(
      t,
      sql`SELECT version FROM congress_plans WHERE id = ${id}`,
    );
    return { url: `/api/v1/congress-plans/${id}`, body: { version: row!.version, note: `Ghi chú ${n}` } };
  },
  'POST /api/v1/congress-plans/{id}/tasks': async ({ org, n }) => ({
    url: `/api/v1/congress-plans/${await planOf(org)}/tasks`,
    body: { title: `Việc ${n}`, ownerKind: 'office', dueOn: '2020-03-20' },
  }),
  'PATCH /api/v1/congress-tasks/{id}': async ({ org, n }) => {
    const task = await taskOf(org);
    return {
      url: `/api/v1/congress-tasks/${task.id}`,
      body: { version: task.version, note: `Ghi chú ${n}` },
    };
  },
  'POST /api/v1/congress-tasks/{id}/files': async ({ org, n }) => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(pdf())], { type: 'application/pdf' }),
      `Minh chứng ${n}.pdf`,
    );
    return { url: `/api/v1/congress-tasks/${(await taskOf(org)).id}/files`, form };
  },
};

/** Routes that end or replace the caller's session run in a session of their own. */
const OWN_SESSION = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
]);

async function send(role: Role, method: string, call: Call, agent?: Agent): Promise<LightMyRequestResponse> {
  const verb = method as 'GET';
  const signed = role !== 'anonymous' && agent;
  const headers = signed ? { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken } : {};
  const payload = call.form ?? call.body;
  return t.app.inject({ method: verb, url: call.url, headers, ...(payload ? { payload } : {}) });
}

async function perform(key: string, role: Role, column: Context['column'], org: string) {
  const [method] = key.split(' ') as [string];
  const call = await REQUESTS[key]!({ role, column, org, n: ++serial });
  if (role === 'anonymous') return send(role, method, call);
  if (!OWN_SESSION.has(key)) return send(role, method, call, agents.get(role));
  const own = await t.login(ACCOUNTS[role]);
  const res = await send(role, method, call, own);
  if (key === 'POST /api/v1/auth/password' && res.statusCode === 204) {
    // Puts the password back; a change ends the account's other sessions, so the role signs in again.
    const back = await own.post('/api/v1/auth/password', {
      currentPassword: TEMPORARY_PASSWORD,
      newPassword: TEST_PASSWORD,
    });
    expect(back.statusCode, back.body).toBe(204);
    agents.set(role, await t.login(ACCOUNTS[role]));
  }
  return res;
}

function checkAnswer(res: LightMyRequestResponse, where: string) {
  // JSON and text answers; downloads (files, backups) are the stored bytes themselves.
  if (/^(application\/json|text\/)/.test(String(res.headers['content-type']))) bodies.push(res.body);
  if (res.statusCode >= 400) {
    const error = res.json().error;
    expect(error?.code, where).toMatch(/^[A-Z_]+$/);
    expect(error?.message, where).toMatch(VIETNAMESE_LETTER);
  }
}

describe('permission matrix', () => {
  it.each(Object.keys(MATRIX))('%s', async (key) => {
    const expectation = MATRIX[key]!;
    const columns =
      'any' in expectation ? { any: expectation.any } : { in: expectation.in, out: expectation.out };
    const mismatches: string[] = [];
    for (const [column, statuses] of Object.entries(columns)) {
      for (const [i, role] of ROLES.entries()) {
        const target = column === 'out' ? TARGETS[role].out : TARGETS[role].in;
        const where = `${role} ${column}${column === 'any' ? '' : ` (${target})`}`;
        const column_ = column as Context['column'];
        const res = await perform(key, role, column_, orgIds.get(target)!);
        checkAnswer(res, `${key} as ${where}`);
        if (res.statusCode !== statuses[i]) {
          mismatches.push(
            `${where}: expected ${statuses[i]}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
        }
        const headKey = key.replace(/^GET /, 'HEAD ');
        if (headKey !== key && served.includes(headKey)) {
          // The HEAD twin of a GET answers the same status.
          const call = await REQUESTS[key]!({ role, column: column_, org: orgIds.get(target)!, n: ++serial });
          const head = await send(role, 'HEAD', call, role === 'anonymous' ? undefined : agents.get(role));
          if (head.statusCode !== res.statusCode) {
            mismatches.push(`${where}: HEAD ${head.statusCode} ≠ GET ${res.statusCode}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('no answer anywhere carries a password hash', () => {
    expect(bodies.length).toBeGreaterThan(200);
    const leaking = bodies.filter((b) => SECRETS.test(b));
    expect(leaking).toEqual([]);
  });
});

describe('lists never show what lies out of scope', () => {
  /** The ids of the organizations a role reaches, from the table: its subtree, or its own cell for a member. */
  async function reach(role: Signed): Promise<Set<string> | 'all'> {
    if (role === 'admin') return 'all';
    const code = { office: 'NA-DUK', secretary: 'NA-DUK', inspector: 'NA-DUK', member: 'NA-DUK-STC-CB02' }[
      role
    ];
    const found = await rows<{ id: string }>(
      t,
      role === 'member'
        ? sql`SELECT id FROM organizations WHERE code = ${code}`
        : sql`SELECT c.id FROM organizations c, organizations p WHERE p.code = ${code} AND c.path LIKE p.path || '%'`,
    );
    return new Set(found.map((r) => r.id));
  }

  it.each(['office', 'secretary', 'inspector', 'member'] as const)('as %s', async (role) => {
    const agent = agents.get(role)!;
    const scope = (await reach(role)) as Set<string>;
    const out = orgIds.get(TARGETS[role].out)!;
    const outName = (await orgRow(out)).name;
    const lists = [
      '/api/v1/organizations?limit=500',
      '/api/v1/organizations?limit=500&includeArchived=true',
      '/api/v1/organizations?scopeRoots=true',
      `/api/v1/organizations?q=${encodeURIComponent(outName)}`,
      `/api/v1/organizations?q=${encodeURIComponent(TARGETS[role].out)}`,
    ];
    for (const url of lists) {
      const items = await allPages<{ id: string; parentId: string | null }>(agent, url);
      for (const o of items) expect(scope.has(o.id), `${url} lists ${o.id}`).toBe(true);
      expect(items.map((o) => o.id)).not.toContain(out);
    }
    // The administrator wrote events on the out-of-scope organization above; none of them shows.
    const events = await allPages<{ organizationId: string | null; entityId: string }>(
      agent,
      '/api/v1/audit-events?limit=500',
    );
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(scope.has(e.organizationId ?? ''), JSON.stringify(e)).toBe(true);
    expect(events.map((e) => e.entityId)).not.toContain(out);
    const filtered = await agent.get(`/api/v1/audit-events?entity=organization&entityId=${out}`);
    expect(filtered.json().items).toEqual([]);
    // Files: the matrix uploaded some to the out-of-scope organization; none is listed.
    const stored = await rows<{ id: string; organization_id: string }>(
      t,
      sql`SELECT id, organization_id FROM files`,
    );
    const fileOrg = new Map(stored.map((f) => [f.id, f.organization_id]));
    expect(stored.some((f) => f.organization_id === out)).toBe(true);
    const listed = await allPages<{ id: string }>(agent, '/api/v1/files?limit=500');
    expect(listed.length).toBeGreaterThan(0);
    for (const f of listed) expect(scope.has(fileOrg.get(f.id) ?? ''), f.id).toBe(true);
    // Members: the matrix recorded some in the out-of-scope organization; none is listed or searchable.
    const recorded = await rows<{ id: string; full_name: string }>(
      t,
      sql`SELECT id, full_name FROM members WHERE organization_id = ${out}`,
    );
    expect(recorded.length).toBeGreaterThan(0);
    const people = await allPages<{ id: string; organizationId: string }>(agent, '/api/v1/members?limit=500');
    for (const m of people) expect(scope.has(m.organizationId), m.id).toBe(true);
    if (role === 'member') expect(people.map((m) => m.id)).toEqual([ownMemberId]);
    const found = await allPages<{ id: string }>(
      agent,
      `/api/v1/members?q=${encodeURIComponent(recorded[0]!.full_name)}`,
    );
    expect(found.map((m) => m.id)).not.toContain(recorded[0]!.id);
  });

  it('as admin, the out-of-scope targets of the others are there', async () => {
    const admin = agents.get('admin')!;
    const all = await allPages<{ id: string }>(admin, '/api/v1/organizations?limit=500');
    for (const role of ['office', 'member'] as const)
      expect(all.map((o) => o.id)).toContain(orgIds.get(TARGETS[role].out));
    const events = await allPages<{ entityId: string }>(admin, '/api/v1/audit-events?limit=500');
    expect(events.map((e) => e.entityId)).toContain(orgIds.get(TARGETS.office.out));
  });
});

describe('every route has a row', () => {
  it('the OpenAPI document lists exactly the documented rows', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => routeKey(method, path)),
    );
    const documentedRows = Object.keys(MATRIX).filter((k) => !UNDOCUMENTED.includes(k));
    expect(documented.sort()).toEqual(documentedRows.sort());
  });

  it('the router serves exactly the rows (each HEAD being the twin of a GET)', () => {
    const withoutHead = served.filter((r) => !r.startsWith('HEAD '));
    expect(withoutHead.sort()).toEqual(Object.keys(MATRIX).sort());
    for (const head of served.filter((r) => r.startsWith('HEAD '))) {
      expect(withoutHead).toContain(head.replace('HEAD', 'GET'));
    }
  });
});
