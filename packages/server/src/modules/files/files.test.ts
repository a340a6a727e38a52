import { createHash } from 'node:crypto';
import { and, count, eq, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/tables.js';
import { resolveSession } from '../../auth/sessions.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../../test/harness.js';
import { docx, exe, fakeDocx, jpeg, pdf, plainZip, png, xlsx } from './fixtures.js';
import { attachFiles, listAttachments } from './service.js';
import { files } from './tables.js';

const MAX_BYTES = 4096;
const DECISION = 'Quyết định số 12.pdf';

let t: TestApp;
let office: Agent; // office of NA-DUK
let secretarySTC: Agent; // secretary of NA-DUK-STC
let inspector: Agent; // inspector of NA-DUK
let member: Agent; // member of NA-DUK-STC-CB02
let provincialOffice: Agent; // office of NA
let admin: Agent;
let duk: string;
let stc: string;
let cb02: string;
let dkdn: string;

beforeAll(async () => {
  t = await startTestApp({ config: { fileMaxBytes: MAX_BYTES } });
  [office, secretarySTC, inspector, member, provincialOffice, admin] = (await Promise.all(
    ['vanphong', 'bithu.stc', 'kiemtra', 'dangvien', 'vanphong.tu', 'admin'].map((u) => t.login(u)),
  )) as [Agent, Agent, Agent, Agent, Agent, Agent];
  [duk, stc, cb02, dkdn] = (await Promise.all(
    ['NA-DUK', 'NA-DUK-STC', 'NA-DUK-STC-CB02', 'NA-DKDN'].map((c) => orgIdByCode(t, c)),
  )) as [string, string, string, string];
});
afterAll(() => t.close());

interface FilePart {
  name: string;
  bytes: Buffer | string;
  type?: string;
}

function form(fields: Record<string, string>, ...parts: FilePart[]): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const p of parts) {
    const bytes = typeof p.bytes === 'string' ? Buffer.from(p.bytes) : p.bytes;
    body.append(
      'file',
      new Blob([new Uint8Array(bytes)], { type: p.type ?? 'application/octet-stream' }),
      p.name,
    );
  }
  return body;
}

const upload = (agent: Agent, fields: Record<string, string>, ...parts: FilePart[]) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    payload: form(fields, ...parts),
  });

const remove = (agent: Agent, id: string) => agent.request('DELETE', `/api/v1/files/${id}`);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function uploadOk(
  agent: Agent,
  organizationId: string,
  part: FilePart,
  extra: Record<string, string> = {},
) {
  const res = await upload(agent, { organizationId, ...extra }, part);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; size: number; sha256: string; type: string };
}

async function auditCount(action: string, entityId?: string) {
  const [row] = await t.database.db
    .select({ c: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), entityId ? eq(auditEvents.entityId, entityId) : undefined));
  return Number(row?.c);
}

/** The number of stored files and the last audit event: what a refused request must leave alone. */
async function snapshot() {
  const [[f], [a]] = await Promise.all([
    t.database.db.select({ c: count() }).from(files),
    t.database.db.select({ seq: max(auditEvents.seq) }).from(auditEvents),
  ]);
  return { files: Number(f?.c), lastAudit: a?.seq ?? 0 };
}

async function ctxOf(agent: Agent): Promise<Ctx> {
  const token = agent.cookie.slice(agent.cookie.indexOf('=') + 1);
  const session = await resolveSession(t.database.db, token, new Date());
  return { db: t.database.db, actor: session!.actor, clock: t.config.clock };
}

describe('upload and download', () => {
  it('gives back the same bytes, checksum and Vietnamese name', async () => {
    const bytes = pdf();
    const up = await uploadOk(
      office,
      stc,
      { name: DECISION, bytes, type: 'application/pdf' },
      {
        entity: 'organization',
        entityId: stc,
      },
    );
    expect(up).toMatchObject({ name: DECISION, size: bytes.length, type: 'application/pdf' });
    expect(up.sha256).toBe(sha256(bytes));
    expect(Object.keys(up).sort()).toEqual(['id', 'name', 'sha256', 'size', 'type']);

    const res = await office.get(`/api/v1/files/${up.id}`);
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, bytes)).toBe(0);
    expect(sha256(res.rawPayload)).toBe(up.sha256);
    expect(res.headers['content-type']).toBe('application/pdf');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain('filename="Quyet dinh so 12.pdf"');
    const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    expect(star).toBe('Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2012.pdf');
    expect(decodeURIComponent(star!)).toBe(DECISION);
    expect(await auditCount('file.upload', up.id)).toBe(1);
  });

  it('keeps the name in composed form when the client sends it decomposed (macOS)', async () => {
    const up = await uploadOk(office, stc, { name: DECISION.normalize('NFD'), bytes: pdf() });
    expect(up.name).toBe(DECISION);
  });

  it('accepts DOCX, XLSX, PNG and JPEG by their content', async () => {
    const cases: [string, Buffer, string][] = [
      [
        'Báo cáo chính trị.docx',
        docx(),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        'Danh sách đảng viên.xlsx',
        xlsx(),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      ['Ảnh hội nghị.png', png(), 'image/png'],
      ['Ảnh đại hội.JPG', jpeg(), 'image/jpeg'],
      ['Chân dung.jpeg', jpeg(), 'image/jpeg'],
    ];
    for (const [name, bytes, type] of cases) {
      const up = await uploadOk(secretarySTC, stc, { name, bytes });
      expect(up.type, name).toBe(type);
      const back = await secretarySTC.get(`/api/v1/files/${up.id}`);
      expect(Buffer.compare(back.rawPayload, bytes), name).toBe(0);
      expect(back.headers['content-type']).toContain(type);
    }
  });

  it('lists a record’s files with their metadata, never their bytes, page by page', async () => {
    const res = await office.get(`/api/v1/files?entity=organization&entityId=${stc}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(1);
    const [item] = body.items;
    expect(Object.keys(item).sort()).toEqual(
      ['createdAt', 'id', 'name', 'restricted', 'sha256', 'size', 'type', 'uploadedBy'].sort(),
    );
    expect(item).toMatchObject({
      name: DECISION,
      restricted: false,
      type: 'application/pdf',
      uploadedBy: { id: office.user.id, displayName: 'Nguyễn Thị Thanh Hương' },
    });

    const first = (await office.get('/api/v1/files?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await office.get(`/api/v1/files?limit=2&cursor=${first.nextCursor}`)).json();
    const ids = [...first.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await office.get('/api/v1/files?cursor=nonsense')).statusCode).toBe(400);
  });

  it('tells the client the limits it checks before sending', async () => {
    const res = await member.get('/api/v1/files/limits');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      maxBytes: MAX_BYTES,
      extensions: expect.arrayContaining(['.pdf', '.docx']),
    });
  });
});

describe('scope', () => {
  let provincialFile: string;
  let stcFile: string;

  beforeAll(async () => {
    provincialFile = (
      await uploadOk(
        provincialOffice,
        dkdn,
        { name: 'Kế hoạch.pdf', bytes: pdf() },
        {
          entity: 'organization',
          entityId: dkdn,
        },
      )
    ).id;
    stcFile = (await uploadOk(office, stc, { name: 'Tờ trình.pdf', bytes: pdf() })).id;
  });

  it('answers 404 for a file outside the actor’s organizations', async () => {
    const res = await office.get(`/api/v1/files/${provincialFile}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('FILE_NOT_FOUND');
    expect((await member.get(`/api/v1/files/${stcFile}`)).statusCode).toBe(404);
    expect((await office.get('/api/v1/files/0190a4e2-0000-7000-8000-000000000000')).statusCode).toBe(404);
    // Above both: the provincial office reads either.
    expect((await provincialOffice.get(`/api/v1/files/${stcFile}`)).statusCode).toBe(200);
    expect((await inspector.get(`/api/v1/files/${stcFile}`)).statusCode).toBe(200);
  });

  it('never lists what the actor may not read', async () => {
    const foreign = await office.get(`/api/v1/files?entity=organization&entityId=${dkdn}`);
    expect(foreign.json().items).toEqual([]);
    const all = (await office.get('/api/v1/files?limit=500')).json().items.map((i: { id: string }) => i.id);
    expect(all).toContain(stcFile);
    expect(all).not.toContain(provincialFile);
    const mine = (await member.get('/api/v1/files?limit=500')).json().items.map((i: { id: string }) => i.id);
    expect(mine).not.toContain(stcFile);
    expect(mine).not.toContain(provincialFile);
  });

  it('a member uploads to their own organization only', async () => {
    const own = await upload(member, { organizationId: cb02 }, { name: 'Bản cam kết.pdf', bytes: pdf() });
    expect(own.statusCode).toBe(201);
    const parent = await upload(member, { organizationId: stc }, { name: 'Bản cam kết.pdf', bytes: pdf() });
    expect(parent.statusCode).toBe(404);
    expect(parent.json().error.code).toBe('ORG_NOT_FOUND');
  });
});

describe('restricted files', () => {
  it('audits every download of a restricted file, and only of those', async () => {
    const secret = await uploadOk(
      office,
      duk,
      { name: 'Hồ sơ nhân sự.pdf', bytes: pdf() },
      { restricted: 'true' },
    );
    const open = await uploadOk(office, duk, { name: 'Thông báo.pdf', bytes: pdf() });
    const listed = (await office.get('/api/v1/files?limit=500')).json().items;
    expect(listed.find((i: { id: string }) => i.id === secret.id).restricted).toBe(true);

    expect(await auditCount('file.download', secret.id)).toBe(0);
    expect((await inspector.get(`/api/v1/files/${secret.id}`)).statusCode).toBe(200);
    expect((await office.get(`/api/v1/files/${secret.id}`)).statusCode).toBe(200);
    expect(await auditCount('file.download', secret.id)).toBe(2);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'file.download'), eq(auditEvents.actorId, inspector.user.id)));
    expect(event).toMatchObject({ entity: 'file', entityId: secret.id, organizationId: duk });

    expect((await office.get(`/api/v1/files/${open.id}`)).statusCode).toBe(200);
    expect(await auditCount('file.download', open.id)).toBe(0);

    // Out of scope: no bytes and nothing recorded.
    expect((await member.get(`/api/v1/files/${secret.id}`)).statusCode).toBe(404);
    expect(await auditCount('file.download', secret.id)).toBe(2);
  });
});

describe('deletion', () => {
  it('the uploader deletes their own file; audited with what was deleted', async () => {
    const up = await uploadOk(member, cb02, { name: 'Bản tự kiểm điểm.docx', bytes: docx() });
    const res = await remove(member, up.id);
    expect(res.statusCode).toBe(204);
    expect((await member.get(`/api/v1/files/${up.id}`)).statusCode).toBe(404);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'file.delete'), eq(auditEvents.entityId, up.id)));
    expect(event).toMatchObject({ actorId: member.user.id, organizationId: cb02 });
    expect(event!.before).toMatchObject({ name: 'Bản tự kiểm điểm.docx', sha256: up.sha256 });
  });

  it('office or secretary over the organization may delete what others uploaded; others may not', async () => {
    const up = await uploadOk(member, cb02, { name: 'Phiếu góp ý.pdf', bytes: pdf() });
    const before = await snapshot();
    const refused = await remove(inspector, up.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    const outside = await remove(provincialOffice, up.id);
    expect(outside.statusCode).toBe(204);
    expect((await snapshot()).files).toBe(before.files - 1);
    expect(await auditCount('file.delete', up.id)).toBe(1);
  });

  it('a file out of scope answers 404 and stays', async () => {
    const up = await uploadOk(provincialOffice, dkdn, { name: 'Biên bản.pdf', bytes: pdf() });
    const res = await remove(office, up.id);
    expect(res.statusCode).toBe(404);
    expect((await provincialOffice.get(`/api/v1/files/${up.id}`)).statusCode).toBe(200);
    expect(await auditCount('file.delete', up.id)).toBe(0);
  });
});

describe('bad input: a clear refusal, nothing stored', () => {
  const refuse = async (
    res: Promise<Awaited<ReturnType<typeof upload>>>,
    status: number,
    code: string,
  ): Promise<{ message: string; details?: unknown }> => {
    const before = await snapshot();
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    const error = r.json().error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[ăâđêôơưàáảãạếềểễệ]/i);
    expect(await snapshot()).toEqual(before);
    return error;
  };
  const ok = (part: FilePart) => upload(office, { organizationId: stc }, part);

  it('a .pdf that is a PNG', async () => {
    const e = await refuse(ok({ name: 'a.pdf', bytes: png() }), 400, 'FILE_TYPE_MISMATCH');
    expect(e.details).toMatchObject({ expected: 'application/pdf', detected: 'image/png' });
  });

  it('a .docx that is plain text', async () => {
    await refuse(ok({ name: 'Biên bản.docx', bytes: 'Biên bản họp chi bộ' }), 400, 'FILE_TYPE_MISMATCH');
  });

  it('a ZIP that claims to be a Word document but has no word/ part', async () => {
    await refuse(ok({ name: 'Nghị quyết.docx', bytes: fakeDocx() }), 400, 'FILE_TYPE_MISMATCH');
  });

  it('an XLSX named .docx', async () => {
    await refuse(ok({ name: 'Bảng.docx', bytes: xlsx() }), 400, 'FILE_TYPE_MISMATCH');
  });

  it('an empty file', async () => {
    await refuse(ok({ name: 'rong.pdf', bytes: Buffer.alloc(0) }), 400, 'FILE_EMPTY');
  });

  it('a file over the limit: 413', async () => {
    const big = Buffer.concat([pdf(), Buffer.alloc(MAX_BYTES, 0x20)]);
    const e = await refuse(ok({ name: 'lon.pdf', bytes: big }), 413, 'FILE_TOO_LARGE');
    expect(e.details).toEqual({ maxBytes: MAX_BYTES });
    const exact = Buffer.concat([pdf(), Buffer.alloc(MAX_BYTES - pdf().length, 0x20)]);
    expect((await ok({ name: 'vua.pdf', bytes: exact })).statusCode).toBe(201);
  });

  it('a name with a path or control characters', async () => {
    for (const name of [
      '../a.pdf',
      'a\\b.pdf',
      'thu-muc/a.pdf',
      'a\u0001b.pdf',
      'a\tb.pdf',
      'hoso\u202Efdp.pdf',
    ]) {
      await refuse(ok({ name, bytes: pdf() }), 400, 'FILE_NAME_INVALID');
    }
    await refuse(ok({ name: `${'a'.repeat(200)}.pdf`, bytes: pdf() }), 400, 'FILE_NAME_INVALID');
  });

  it('an unsupported type: a program, a plain ZIP, a ZIP named .docx', async () => {
    await refuse(ok({ name: 'setup.exe', bytes: exe() }), 415, 'FILE_TYPE_UNSUPPORTED');
    await refuse(ok({ name: 'setup.pdf', bytes: exe() }), 415, 'FILE_TYPE_UNSUPPORTED');
    await refuse(ok({ name: 'ho-so.zip', bytes: plainZip() }), 415, 'FILE_TYPE_UNSUPPORTED');
    await refuse(ok({ name: 'ho-so.docx', bytes: plainZip() }), 415, 'FILE_TYPE_UNSUPPORTED');
    await refuse(ok({ name: 'khong-duoi', bytes: pdf() }), 415, 'FILE_TYPE_UNSUPPORTED');
  });

  it('no file part, or two files', async () => {
    await refuse(upload(office, { organizationId: stc }), 400, 'FILE_REQUIRED');
    await refuse(upload(office, { organizationId: stc }, { name: '', bytes: '' }), 400, 'FILE_REQUIRED');
    await refuse(
      upload(
        office,
        { organizationId: stc },
        { name: 'a.pdf', bytes: pdf() },
        { name: 'b.pdf', bytes: pdf() },
      ),
      400,
      'FILE_ONE_ONLY',
    );
  });

  it('a missing, malformed, unknown or out-of-scope organization', async () => {
    const part = { name: 'a.pdf', bytes: pdf() };
    const missing = await refuse(upload(office, {}, part), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(missing.details)).toContain('body.organizationId');
    await refuse(upload(office, { organizationId: 'STC' }, part), 400, 'VALIDATION_FAILED');
    await refuse(
      upload(office, { organizationId: '0190a4e2-0000-7000-8000-000000000000' }, part),
      404,
      'ORG_NOT_FOUND',
    );
    await refuse(upload(office, { organizationId: dkdn }, part), 404, 'ORG_NOT_FOUND');
  });

  it('a record it cannot be attached to at upload, and odd fields', async () => {
    const part = { name: 'a.pdf', bytes: pdf() };
    await refuse(
      upload(office, { organizationId: stc, entity: 'organization', entityId: duk }, part),
      400,
      'FILE_ENTITY_INVALID',
    );
    await refuse(
      upload(office, { organizationId: stc, entity: 'congress', entityId: stc }, part),
      400,
      'FILE_ENTITY_INVALID',
    );
    await refuse(
      upload(office, { organizationId: stc, entity: 'organization' }, part),
      400,
      'VALIDATION_FAILED',
    );
    await refuse(
      upload(office, { organizationId: stc, restricted: 'maybe' }, part),
      400,
      'VALIDATION_FAILED',
    );
    await refuse(upload(office, { organizationId: stc, other: 'x' }, part), 400, 'VALIDATION_FAILED');
  });

  it('a body that is not multipart, or a request without the CSRF header', async () => {
    await refuse(office.post('/api/v1/files', { organizationId: stc }), 415, 'FILE_NOT_MULTIPART');
    const forged = t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { cookie: office.cookie },
      payload: form({ organizationId: stc }, { name: 'a.pdf', bytes: pdf() }),
    });
    await refuse(forged, 403, 'CSRF_INVALID');
  });
});

describe('attaching from other modules', () => {
  it('attachFiles ties uploaded files to a record; listAttachments shows them within scope', async () => {
    const a = await uploadOk(secretarySTC, stc, { name: 'Phụ lục 1.pdf', bytes: pdf() });
    const b = await uploadOk(secretarySTC, stc, { name: 'Phụ lục 2.xlsx', bytes: xlsx() });
    const record = { entity: 'review', entityId: 'review-2019-stc' };
    const n = await inTransaction(t.database.db, (tx) =>
      attachFiles(tx, { ...record, fileIds: [a.id, b.id, a.id], organizationId: stc }),
    );
    expect(n).toBe(2);
    const seen = await listAttachments(await ctxOf(office), record.entity, record.entityId);
    expect(seen.map((f) => f.name)).toEqual(['Phụ lục 1.pdf', 'Phụ lục 2.xlsx']);
    expect(await listAttachments(await ctxOf(member), record.entity, record.entityId)).toEqual([]);
    const listed = await office.get(`/api/v1/files?entity=review&entityId=review-2019-stc`);
    expect(listed.json().items).toHaveLength(2);
  });

  it('refuses, all or nothing, a file of another organization or one attached elsewhere', async () => {
    const mine = await uploadOk(secretarySTC, stc, { name: 'Tờ trình.pdf', bytes: pdf() });
    const foreign = await uploadOk(provincialOffice, dkdn, { name: 'Khác.pdf', bytes: pdf() });
    const attach = (fileIds: string[], entityId: string) =>
      inTransaction(t.database.db, (tx) =>
        attachFiles(tx, { entity: 'review', entityId, fileIds, organizationId: stc }),
      );
    await expect(attach([mine.id, foreign.id], 'r-1')).rejects.toMatchObject({
      code: 'FILE_ATTACH_INVALID',
      details: { fileIds: [foreign.id] },
    });
    const [row] = await t.database.db.select().from(files).where(eq(files.id, mine.id));
    expect(row!.entity).toBeNull();
    expect(await attach([mine.id], 'r-1')).toBe(1);
    expect(await attach([mine.id], 'r-1')).toBe(1);
    await expect(attach([mine.id], 'r-2')).rejects.toMatchObject({ code: 'FILE_ATTACH_INVALID' });
  });
});

describe('the audit chain', () => {
  it('still verifies after every upload, download and deletion', async () => {
    const res = await admin.get('/api/v1/audit-events/verify');
    expect(res.json()).toMatchObject({ ok: true });
    expect(await auditCount('file.upload')).toBeGreaterThan(10);
  });
});
