import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPages, expectError, expectValidation, failOnServerErrors, rows } from '../test/expect.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../test/harness.js';
import { auditEvents } from './tables.js';

interface Event {
  id: string;
  seq: number;
  action: string;
  entity: string;
  entityId: string;
  organizationId: string | null;
  actor: { username: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const serverErrors = failOnServerErrors();
let t: TestApp;
let admin: Agent;
let vanphong: Agent;
let kiemtra: Agent;
let dangvien: Agent;
let bithuStc: Agent;
const org = new Map<string, string>();
const id = (code: string) => org.get(code)!;

/** A small change to an organization, as `agent`: one audit event. */
async function touch(agent: Agent, code: string, placeName: string) {
  const current = await admin.get(`/api/v1/organizations/${id(code)}`);
  const res = await agent.patch(`/api/v1/organizations/${id(code)}`, {
    version: current.json().version,
    placeName,
  });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  [admin, vanphong, kiemtra, dangvien, bithuStc] = (await Promise.all(
    ['admin', 'vanphong', 'kiemtra', 'dangvien', 'bithu.stc'].map((u) => t.login(u)),
  )) as [Agent, Agent, Agent, Agent, Agent];
  for (const code of [
    'NA-DUK',
    'NA-DUK-SXD',
    'NA-DUK-STC-CB02',
    'NA-DUK-STC-CB03',
    'NA-VINH-LELOI',
    'NA-DKDN',
  ]) {
    org.set(code, await orgIdByCode(t, code));
  }
  await touch(vanphong, 'NA-DUK-SXD', 'Thành phố Vinh');
  await touch(admin, 'NA-VINH-LELOI', 'Phường Lê Lợi');
  await touch(admin, 'NA-DKDN', 'TP Vinh');
  await touch(bithuStc, 'NA-DUK-STC-CB02', 'Tầng 2');
  await touch(bithuStc, 'NA-DUK-STC-CB03', 'Tầng 3');
  const term = await bithuStc.post(`/api/v1/organizations/${id('NA-DUK-STC-CB02')}/terms`, {
    name: '2025–2030',
    startsOn: '2026-01-01',
    endsOn: '2030-12-31',
  });
  expect(term.statusCode, term.body).toBe(201);
  const user = await admin.post('/api/v1/users', {
    username: 'nhat.ky',
    displayName: 'Người xem nhật ký',
    password: 'mat-khau-nhat-ky',
    roles: [{ role: 'office', organizationId: id('NA-DUK') }],
  });
  expect(user.statusCode, user.body).toBe(201);
  await touch(vanphong, 'NA-DUK-SXD', 'Vinh');
});
afterAll(() => t.close());

const storedCount = async () =>
  Number((await rows<{ n: string | number }>(t, sql`SELECT count(*) AS n FROM audit_events`))[0]!.n);
const verify = async () => {
  const res = await admin.get('/api/v1/audit-events/verify');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const subtreeIds = async (code: string) =>
  new Set(
    (
      await rows<{ id: string }>(
        t,
        sql`SELECT c.id FROM organizations c, organizations p WHERE p.code = ${code} AND c.path LIKE p.path || '%'`,
      )
    ).map((r) => r.id),
  );

describe('the chain', () => {
  it('verifies, counting every stored event', async () => {
    const n = await storedCount();
    expect(n).toBeGreaterThan(10);
    expect(await verify()).toEqual({ ok: true, events: n });
    expect(await allPages<Event>(admin, '/api/v1/audit-events?limit=500')).toHaveLength(n);
  });

  it('is for administrators only', async () => {
    for (const agent of [vanphong, kiemtra, dangvien, bithuStc, await t.login('vanphong.tu')]) {
      expectError(await agent.get('/api/v1/audit-events/verify'), 403, 'FORBIDDEN');
    }
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/v1/audit-events/verify' }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

describe('list', () => {
  it('answers newest first, and a walk by cursor gives the same events once each', async () => {
    const whole = (await admin.get('/api/v1/audit-events?limit=500')).json();
    expect(whole.nextCursor).toBeNull();
    const seqs = whole.items.map((e: Event) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs[0]).toBe(await storedCount());
    expect(whole.items.at(-1)).toMatchObject({ seq: 1, action: 'demo.seed', actor: null });
    const walked = await allPages<Event>(admin, '/api/v1/audit-events?limit=3');
    expect(walked.map((e) => e.seq)).toEqual(seqs);
    const first = (await admin.get('/api/v1/audit-events?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(String(first.items[1].seq));
  });

  it('filters by entity, entity id and organization', async () => {
    const sxd = await allPages<Event>(
      admin,
      `/api/v1/audit-events?entity=organization&entityId=${id('NA-DUK-SXD')}&limit=500`,
    );
    expect(sxd.map((e) => [e.action, e.actor?.username, e.after?.placeName])).toEqual([
      ['organization.update', 'vanphong', 'Vinh'],
      ['organization.update', 'vanphong', 'Thành phố Vinh'],
    ]);
    expect(sxd[0]!.before).toMatchObject({ placeName: 'Thành phố Vinh' });
    const cb02 = await allPages<Event>(admin, `/api/v1/audit-events?organizationId=${id('NA-DUK-STC-CB02')}`);
    expect(cb02.map((e) => e.action)).toEqual(['term.create', 'organization.update']);
    const terms = await allPages<Event>(admin, '/api/v1/audit-events?entity=term');
    expect(terms.map((e) => e.organizationId)).toEqual([id('NA-DUK-STC-CB02')]);
  });

  it('refuses bad parameters with 400', async () => {
    expectValidation(await admin.get('/api/v1/audit-events?cursor=abc'), 'querystring.cursor');
    expectValidation(await admin.get('/api/v1/audit-events?limit=501'), 'querystring.limit');
    expectValidation(
      await admin.get('/api/v1/audit-events?organizationId=NA-DUK'),
      'querystring.organizationId',
    );
    expectValidation(await admin.get('/api/v1/audit-events?entity=%00'), 'querystring.entity');
    expectValidation(await admin.get('/api/v1/audit-events?since=2020-01-01'), 'querystring');
  });
});

describe('scope', () => {
  it('an office sees the events of its subtree, not of other blocs nor of accounts', async () => {
    const bloc = await subtreeIds('NA-DUK');
    for (const agent of [vanphong, kiemtra]) {
      const seen = await allPages<Event>(agent, '/api/v1/audit-events?limit=500');
      expect(seen.length).toBeGreaterThanOrEqual(5);
      for (const e of seen) expect(bloc.has(e.organizationId ?? '')).toBe(true);
      const ids = seen.map((e) => e.entityId);
      expect(ids).toContain(id('NA-DUK-SXD'));
      expect(ids).toContain(id('NA-DUK-STC-CB03'));
      expect(ids).not.toContain(id('NA-VINH-LELOI'));
      expect(ids).not.toContain(id('NA-DKDN'));
      expect(seen.some((e) => e.entity === 'user' || e.entity === 'system')).toBe(false);
    }
    const filtered = await vanphong.get(
      `/api/v1/audit-events?entity=organization&entityId=${id('NA-VINH-LELOI')}`,
    );
    expect(filtered.json().items).toEqual([]);
    expectError(
      await vanphong.get(`/api/v1/audit-events?organizationId=${id('NA-VINH-LELOI')}`),
      404,
      'ORG_NOT_FOUND',
    );
  });

  it('a member sees only their own organization’s events', async () => {
    const seen = await allPages<Event>(dangvien, '/api/v1/audit-events?limit=500');
    expect(seen.map((e) => e.action)).toEqual(['term.create', 'organization.update']);
    for (const e of seen) expect(e.organizationId).toBe(id('NA-DUK-STC-CB02'));
    expectError(
      await dangvien.get(`/api/v1/audit-events?organizationId=${id('NA-DUK-STC-CB03')}`),
      404,
      'ORG_NOT_FOUND',
    );
  });

  it('an administrator sees everything, accounts and system events included', async () => {
    const seen = await allPages<Event>(admin, '/api/v1/audit-events?limit=500');
    const entities = new Set(seen.map((e) => e.entity));
    expect([...entities].sort()).toEqual(['organization', 'system', 'term', 'user']);
    expect(seen.find((e) => e.action === 'user.create')?.after).toMatchObject({ username: 'nhat.ky' });
    expect(JSON.stringify(seen)).not.toMatch(/password_?hash|\$argon2|mat-khau-nhat-ky/i);
  });
});

describe('append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE through ordinary statements, and the chain stays whole', async () => {
    /** The database's own refusal, under the driver's "Failed query" wrapper. */
    const refusal = (statement: ReturnType<typeof sql>) =>
      t.database.db.execute(statement).then(
        () => 'accepted',
        (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
      );
    const [before] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.seq, 2));
    expect(await refusal(sql`UPDATE audit_events SET action = 'x' WHERE seq = 2`)).toMatch(/append-only/);
    expect(await refusal(sql`UPDATE audit_events SET after = '{}'::jsonb`)).toMatch(/append-only/);
    expect(await refusal(sql`DELETE FROM audit_events WHERE seq = 2`)).toMatch(/append-only/);
    expect(await refusal(sql`TRUNCATE audit_events`)).toMatch(/append-only/);
    const [after] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.seq, 2));
    expect(after).toEqual(before);
    expect(await verify()).toEqual({ ok: true, events: await storedCount() });
  });
});

describe('tampering', () => {
  /** What someone with the database's superuser could do: switch the trigger off, write, switch it on. */
  async function asSuperuser(statement: ReturnType<typeof sql>) {
    await t.database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    try {
      await t.database.db.execute(statement);
    } finally {
      await t.database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    }
  }

  it('a changed `after` breaks the chain exactly at that event; restoring it mends the chain', async () => {
    const events = await allPages<Event>(
      admin,
      `/api/v1/audit-events?entity=organization&entityId=${id('NA-DKDN')}`,
    );
    const target = events[0]!;
    const n = await storedCount();
    expect(target.seq).toBeLessThan(n);
    const [{ original }] = (await rows<{ original: string }>(
      t,
      sql`SELECT after::text AS original FROM audit_events WHERE seq = ${target.seq}`,
    )) as [{ original: string }];
    await asSuperuser(
      sql`UPDATE audit_events SET after = jsonb_set(after, '{placeName}', '"Giả mạo"') WHERE seq = ${target.seq}`,
    );
    const listed = await admin.get(`/api/v1/audit-events?entity=organization&entityId=${id('NA-DKDN')}`);
    expect(listed.json().items[0].after.placeName).toBe('Giả mạo');
    expect(await verify()).toEqual({
      ok: false,
      events: target.seq - 1,
      brokenAt: { seq: target.seq, id: target.id },
    });
    await asSuperuser(sql`UPDATE audit_events SET after = ${original}::jsonb WHERE seq = ${target.seq}`);
    expect(await verify()).toEqual({ ok: true, events: n });
  });

  it('a removed event breaks the chain at the one after it', async () => {
    const n = await storedCount();
    const seq = Math.floor(n / 2);
    const [removed] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.seq, seq));
    await asSuperuser(sql`DELETE FROM audit_events WHERE seq = ${seq}`);
    const [next] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.seq, seq + 1));
    expect(await verify()).toEqual({ ok: false, events: seq - 1, brokenAt: { seq: seq + 1, id: next!.id } });
    await t.database.db.insert(auditEvents).values(removed!);
    expect(await verify()).toEqual({ ok: true, events: n });
  });
});
