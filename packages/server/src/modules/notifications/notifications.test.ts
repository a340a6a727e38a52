import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../../test/harness.js';
import { roleAssignments, users } from '../users/tables.js';
import { type NotifyInput, notify, sendNotificationDigests } from './service.js';
import { parseMail, startSmtpSink } from './smtp-sink.js';
import { notifications } from './tables.js';

let t: TestApp;
let ids: Record<string, string>;
let cb02: string;
let stc: string;
let dkdn: string;

const now = () => t.config.clock.now();
const raise = (input: NotifyInput) => inTransaction(t.database.db, (tx) => notify(tx, input, now()));

async function recipients(kind: string): Promise<string[]> {
  const rows = await t.database.db
    .select({ username: users.username })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.kind, kind));
  return rows.map((r) => r.username).sort();
}

beforeAll(async () => {
  t = await startTestApp();
  const rows = await t.database.db.select({ id: users.id, username: users.username }).from(users);
  ids = Object.fromEntries(rows.map((r) => [r.username, r.id]));
  [cb02, stc, dkdn] = (await Promise.all(
    ['NA-DUK-STC-CB02', 'NA-DUK-STC', 'NA-DKDN'].map((c) => orgIdByCode(t, c)),
  )) as [string, string, string];
});
afterAll(() => t.close());

describe('notify', () => {
  it('reaches a role on the organization and on the committees above it, and no one else', async () => {
    const n = await raise({
      role: 'office',
      organizationId: cb02,
      kind: 'test.office',
      title: 'Chi bộ 02 đã nộp báo cáo kiểm điểm',
      link: `/organizations/${cb02}`,
    });
    expect(n).toBe(2);
    // Office of the bloc committee (NA-DUK) and of the provincial committee (NA); not the secretaries.
    expect(await recipients('test.office')).toEqual(['vanphong', 'vanphong.tu']);

    expect(
      await raise({ role: 'secretary', organizationId: stc, kind: 'test.secretary', title: 'Hạn nộp' }),
    ).toBe(2);
    expect(await recipients('test.secretary')).toEqual(['bithu', 'bithu.stc']);

    // A secretary of the Sở Tài chính committee does not oversee another bloc.
    expect(
      await raise({ role: 'secretary', organizationId: dkdn, kind: 'test.elsewhere', title: 'Khác' }),
    ).toBe(0);
    expect(await raise({ role: 'member', organizationId: stc, kind: 'test.members-above', title: 'x' })).toBe(
      0,
    );
    expect(await raise({ role: 'member', organizationId: cb02, kind: 'test.members', title: 'x' })).toBe(1);
    expect(await recipients('test.members')).toEqual(['dangvien']);
  });

  it('adds named users once each, leaves inactive accounts out, reaches administrators by role', async () => {
    const n = await raise({
      userIds: [ids.vanphong!, ids.vanphong!, ids.kiemtra!],
      role: 'office',
      organizationId: stc,
      kind: 'test.union',
      title: 'Hợp',
    });
    expect(n).toBe(3);
    expect(await recipients('test.union')).toEqual(['kiemtra', 'vanphong', 'vanphong.tu']);
    expect(await raise({ role: 'admin', kind: 'test.admin', title: 'Sao lưu' })).toBe(1);
    expect(await recipients('test.admin')).toEqual(['admin']);

    await t.database.db.update(users).set({ active: false }).where(eq(users.username, 'vanphong.tu'));
    expect(await raise({ role: 'office', organizationId: stc, kind: 'test.inactive', title: 'x' })).toBe(1);
    expect(await raise({ userIds: [ids['vanphong.tu']!], kind: 'test.inactive2', title: 'x' })).toBe(0);
    await t.database.db.update(users).set({ active: true }).where(eq(users.username, 'vanphong.tu'));
  });

  it('commits with the caller’s transaction, or not at all', async () => {
    await expect(
      inTransaction(t.database.db, async (tx) => {
        await notify(tx, { userIds: [ids.bithu!], kind: 'test.rollback', title: 'x' }, now());
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await recipients('test.rollback')).toEqual([]);
  });

  it('refuses links outside the app and a role without an organization', async () => {
    await expect(
      raise({ userIds: [ids.bithu!], kind: 'x', title: 'x', link: 'https://example.com' }),
    ).rejects.toThrow();
    await expect(
      raise({ userIds: [ids.bithu!], kind: 'x', title: 'x', link: '//example.com' }),
    ).rejects.toThrow();
    await expect(raise({ role: 'office', kind: 'x', title: 'x' })).rejects.toThrow();
  });
});

describe('own notifications over HTTP', () => {
  let office: Agent;
  let other: Agent;

  beforeAll(async () => {
    office = await t.login('vanphong');
    other = await t.login('bithu');
  });

  it('lists only one’s own, newest first, with the unread count', async () => {
    const res = await office.get('/api/v1/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const kinds = body.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(['test.inactive', 'test.union', 'test.office']);
    expect(body.unreadCount).toBe(3);
    expect(body.nextCursor).toBeNull();
    expect(Object.keys(body.items[2]).sort()).toEqual(
      ['body', 'createdAt', 'id', 'kind', 'link', 'readAt', 'title'].sort(),
    );
    expect(body.items[2]).toMatchObject({
      title: 'Chi bộ 02 đã nộp báo cáo kiểm điểm',
      link: `/organizations/${cb02}`,
      readAt: null,
      body: null,
    });
    const first = (await office.get('/api/v1/notifications?limit=2')).json();
    expect(first.items.map((i: { kind: string }) => i.kind)).toEqual(['test.inactive', 'test.union']);
    const second = (await office.get(`/api/v1/notifications?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { kind: string }) => i.kind)).toEqual(['test.office']);
    expect(second.nextCursor).toBeNull();
  });

  it('marks one read (twice is harmless); someone else’s answers 404 and stays unread', async () => {
    const [newest] = (await office.get('/api/v1/notifications')).json().items;
    const mineForOther = (await other.get('/api/v1/notifications')).json().items[0];

    const res = await office.post(`/api/v1/notifications/${newest.id}/read`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: newest.id, readAt: expect.any(String) });
    const again = await office.post(`/api/v1/notifications/${newest.id}/read`);
    expect(again.json().readAt).toBe(res.json().readAt);

    const after = (await office.get('/api/v1/notifications?unread=true')).json();
    expect(after.unreadCount).toBe(2);
    expect(after.items.map((i: { kind: string }) => i.kind)).toEqual(['test.union', 'test.office']);

    const foreign = await office.post(`/api/v1/notifications/${mineForOther.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
      message: 'Không tìm thấy thông báo.',
    });
    const [row] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, mineForOther.id));
    expect(row!.readAt).toBeNull();
    expect((await office.post(`/api/v1/notifications/${newId()}/read`)).statusCode).toBe(404);
    expect((await office.post('/api/v1/notifications/abc/read')).statusCode).toBe(400);
  });

  it('marks all read, one’s own only', async () => {
    const otherBefore = (await other.get('/api/v1/notifications')).json().unreadCount;
    const res = await office.post('/api/v1/notifications/read-all');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    expect((await office.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 0 });
    expect((await office.get('/api/v1/notifications')).json().unreadCount).toBe(0);
    expect((await office.get('/api/v1/notifications?unread=true')).json().items).toEqual([]);
    expect((await other.get('/api/v1/notifications')).json().unreadCount).toBe(otherBefore);
    expect(otherBefore).toBeGreaterThan(0);
  });

  it('needs a session and the CSRF header', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    const forged = await office.request(
      'POST',
      '/api/v1/notifications/read-all',
      {},
      { 'x-csrf-token': 'x' },
    );
    expect(forged.statusCode).toBe(403);
  });
});

describe('e-mail digest', () => {
  const mailUsers = {
    huong: 'huong@daihoi.test',
    thang: 'thang@daihoi.test',
    refused: 'refused@daihoi.test',
  };
  let userIds: Record<keyof typeof mailUsers, string>;

  beforeAll(async () => {
    userIds = { huong: newId(), thang: newId(), refused: newId() };
    const duk = await orgIdByCode(t, 'NA-DUK');
    const names = { huong: 'Nguyễn Thị Thanh Hương', thang: 'Hồ Đức Thắng', refused: 'Lê Văn Quang' };
    for (const key of Object.keys(mailUsers) as (keyof typeof mailUsers)[]) {
      await t.database.db.insert(users).values({
        id: userIds[key],
        username: mailUsers[key],
        displayName: names[key],
        searchText: mailUsers[key],
        passwordHash: 'not-used',
      });
      await t.database.db
        .insert(roleAssignments)
        .values({ userId: userIds[key], role: 'inspector', organizationId: duk });
    }
  });

  const emailedOf = async (userId: string) =>
    (await t.database.db.select().from(notifications).where(eq(notifications.userId, userId))).map(
      (r) => r.emailedAt,
    );

  it('without SMTP does nothing', async () => {
    await raise({ userIds: [userIds.huong], kind: 'test.digest', title: 'Nhắc hạn nộp báo cáo' });
    expect(await sendNotificationDigests(t.database.db, { ...t.config, smtpUrl: undefined }, now())).toBe(0);
    expect(await emailedOf(userIds.huong)).toEqual([null]);
  });

  it('sends each user one Vietnamese digest of unread, not yet e-mailed notifications, once', async () => {
    const sink = await startSmtpSink({ refuse: [mailUsers.refused] });
    try {
      await raise({
        role: 'inspector',
        organizationId: cb02,
        kind: 'test.digest',
        title: 'Kết luận kiểm tra Chi bộ 02',
        body: 'Đề nghị chi bộ khắc phục trước ngày 30/4.',
        link: `/organizations/${cb02}`,
      });
      // Read already: not in the digest.
      await raise({ userIds: [userIds.thang], kind: 'test.read', title: 'Đã đọc' });
      await t.database.db
        .update(notifications)
        .set({ readAt: now() })
        .where(and(eq(notifications.userId, userIds.thang), eq(notifications.kind, 'test.read')));
      const demoUnread = await t.database.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, ids.bithu!), isNull(notifications.readAt)));
      expect(demoUnread.length).toBeGreaterThan(0);

      const config = { ...t.config, smtpUrl: sink.url, smtpFrom: 'DaiHoi <daihoi@daihoi.test>' };
      const sentAt = new Date('2020-03-15T01:00:00Z');
      expect(await sendNotificationDigests(t.database.db, config, sentAt)).toBe(2);

      expect(sink.messages.map((m) => m.to).sort()).toEqual([[mailUsers.huong], [mailUsers.thang]]);
      const toHuong = sink.messages.find((m) => m.to[0] === mailUsers.huong)!;
      expect(toHuong.from).toBe('daihoi@daihoi.test');
      const mail = parseMail(toHuong.raw);
      expect(mail.headers.subject).toBe('DaiHoi: 2 thông báo chưa đọc');
      expect(mail.headers.to).toContain(mailUsers.huong);
      expect(mail.headers['content-type']).toMatch(/text\/plain; charset=utf-8/i);
      expect(mail.text).toContain('Kính gửi đồng chí Nguyễn Thị Thanh Hương,');
      expect(mail.text).toContain('Nhắc hạn nộp báo cáo');
      expect(mail.text).toContain('Kết luận kiểm tra Chi bộ 02');
      expect(mail.text).toContain('Đề nghị chi bộ khắc phục trước ngày 30/4.');
      expect(mail.text).toContain(`Xem tại: /organizations/${cb02}`);
      const toThang = parseMail(sink.messages.find((m) => m.to[0] === mailUsers.thang)!.raw);
      expect(toThang.headers.subject).toBe('DaiHoi: 1 thông báo chưa đọc');
      expect(toThang.text).not.toContain('Đã đọc');

      expect(await emailedOf(userIds.huong)).toEqual([sentAt, sentAt]);
      // Refused by the server: left for the next run. Without an address: skipped.
      expect(await emailedOf(userIds.refused)).toEqual([null]);
      const demo = await t.database.db
        .select({ emailedAt: notifications.emailedAt })
        .from(notifications)
        .where(
          inArray(
            notifications.id,
            demoUnread.map((r) => r.id),
          ),
        );
      expect(demo.every((r) => r.emailedAt === null)).toBe(true);
      // The digest changes nothing a user reads.
      expect(
        (
          await t.database.db.select().from(notifications).where(eq(notifications.userId, userIds.huong))
        ).every((r) => r.readAt === null),
      ).toBe(true);

      // Nothing new: nothing sent.
      expect(await sendNotificationDigests(t.database.db, config, sentAt)).toBe(0);
      expect(sink.messages).toHaveLength(2);
      await raise({ userIds: [userIds.huong], kind: 'test.digest', title: 'Thông báo mới' });
      expect(await sendNotificationDigests(t.database.db, config, sentAt)).toBe(1);
      expect(parseMail(sink.messages[2]!.raw).headers.subject).toBe('DaiHoi: 1 thông báo chưa đọc');
    } finally {
      await sink.close();
    }
  });

  it('fails the run when the mail server cannot be reached, marking nothing', async () => {
    const sink = await startSmtpSink();
    const url = sink.url;
    await sink.close();
    await raise({ userIds: [userIds.thang], kind: 'test.unreachable', title: 'Không gửi được' });
    await expect(
      sendNotificationDigests(t.database.db, { ...t.config, smtpUrl: url }, now()),
    ).rejects.toThrow();
    const [row] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userIds.thang), eq(notifications.kind, 'test.unreachable')));
    expect(row!.emailedAt).toBeNull();
  });
});
