import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../exports/docx-text.js';
import { expectError, failOnServerErrors, refusedWithoutWrite, rows } from '../../test/expect.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../../test/harness.js';
import { pdf } from '../files/fixtures.js';

interface Doc {
  id: string;
  number: string | null;
  sequence: number | null;
  issuerCode: string | null;
  issuerName: string;
  issuedOn: string;
  version: number;
  links: { kind: string; direction: string; document: { id: string } }[];
  files: { id: string; name: string }[];
  distribution: { total: number; received: number; reported: number; late: number };
  abilities: { edit: boolean; distribute: boolean };
}

interface Distribution {
  id: string;
  organization: { id: string; name: string };
  status: string;
  late: boolean;
  reportNumber: string | null;
  abilities: { receive: boolean };
}

const serverErrors = failOnServerErrors();
let t: TestApp;
let vanphong: Agent;
let bithuStc: Agent;
let dangvien: Agent;
let vanphongTu: Agent;
let kiemtra: Agent;
const ids = new Map<string, string>();
const id = (code: string) => ids.get(code)!;

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  [vanphong, bithuStc, dangvien, vanphongTu, kiemtra] = (await Promise.all(
    ['vanphong', 'bithu.stc', 'dangvien', 'vanphong.tu', 'kiemtra'].map((u) => t.login(u)),
  )) as [Agent, Agent, Agent, Agent, Agent];
  for (const code of ['NA', 'NA-DUK', 'NA-DUK-STC', 'NA-DUK-STC-CB02', 'NA-DUK-SXD', 'NA-VINH']) {
    ids.set(code, await orgIdByCode(t, code));
  }
});
afterAll(() => t.close());

let serial = 100;
const incoming = (overrides: Record<string, unknown> = {}) => ({
  organizationId: id('NA-DUK'),
  direction: 'incoming',
  type: 'CT',
  number: `${serial++}-CT/TW`,
  issuerName: 'Bộ Chính trị',
  issuedOn: '2019-05-30',
  summary: 'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
  ...overrides,
});

async function register(agent: Agent, body: Record<string, unknown>): Promise<Doc> {
  const res = await agent.post('/api/v1/documents', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Doc;
}

describe('the document register', () => {
  it('registers an incoming directive by number + date + issuer, written the canonical way', async () => {
    const doc = await register(vanphong, incoming({ number: '  Số 9-CT/TW ' }));
    expect(doc).toMatchObject({
      number: '09-CT/TW',
      sequence: 9,
      issuerCode: 'TW',
      issuerName: 'Bộ Chính trị',
    });
    const read = await vanphong.get(`/api/v1/documents/${doc.id}`);
    expect(read.json()).toMatchObject({
      number: '09-CT/TW',
      issuedOn: '2019-05-30',
      abilities: { edit: true },
    });
  });

  it('treats the same number from the same issuer in another year as another document, and refuses a copy', async () => {
    await register(vanphong, incoming({ number: '35-CT/TW', issuedOn: '2019-05-30' }));
    const again = await refusedWithoutWrite(t, () =>
      vanphong.post('/api/v1/documents', incoming({ number: 'Số 35-CT/TW', issuedOn: '2019-06-02' })),
    );
    expectError(again, 409, 'DOCUMENT_DUPLICATE');
    // Another year, another directive (RULES §0: 35-CT/TW of 2019 and of 2024).
    const other = await vanphong.post(
      '/api/v1/documents',
      incoming({ number: '35-CT/TW', issuedOn: '2018-06-14' }),
    );
    expect(other.statusCode).toBe(201);
  });

  it('refuses malformed and state-pattern numbers, future dates and a type the number contradicts', async () => {
    const state = await refusedWithoutWrite(t, () =>
      vanphong.post('/api/v1/documents', incoming({ number: '1206/QĐ-BTP' })),
    );
    expect(expectError(state, 400, 'DOCUMENT_NUMBER_INVALID').message).toMatch(/nhà nước|Số 165-KH\/ĐUK/);
    expectError(
      await refusedWithoutWrite(t, () => vanphong.post('/api/v1/documents', incoming({ number: '0-CT/TW' }))),
      400,
      'DOCUMENT_NUMBER_INVALID',
    );
    expectError(
      await refusedWithoutWrite(t, () => vanphong.post('/api/v1/documents', incoming({ number: 'abc' }))),
      400,
      'DOCUMENT_NUMBER_INVALID',
    );
    expectError(
      await refusedWithoutWrite(t, () =>
        vanphong.post('/api/v1/documents', incoming({ issuedOn: '2020-03-16' })),
      ),
      400,
      'DOCUMENT_DATE_FUTURE',
    );
    expectError(
      await refusedWithoutWrite(t, () => vanphong.post('/api/v1/documents', incoming({ type: 'KH' }))),
      400,
      'DOCUMENT_NUMBER_TYPE_MISMATCH',
    );
    expectError(
      await refusedWithoutWrite(t, () => vanphong.post('/api/v1/documents', incoming({ number: undefined }))),
      400,
      'DOCUMENT_NUMBER_REQUIRED',
    );
  });

  it('keeps a letter of appeal without a number', async () => {
    const doc = await register(
      vanphong,
      incoming({ type: 'TKG', number: undefined, summary: 'Thư kêu gọi ủng hộ nhà ở cho hộ nghèo' }),
    );
    expect(doc.number).toBeNull();
    const refused = await refusedWithoutWrite(t, () =>
      vanphong.post('/api/v1/documents', incoming({ type: 'TKG', number: '12-TKG/ĐUK' })),
    );
    expectError(refused, 400, 'DOCUMENT_NUMBER_NOT_ALLOWED');
  });

  it('finds documents by number, by summary words without diacritics, by issuer and year', async () => {
    const circular = `${serial++}-TT/TU`;
    await register(
      vanphong,
      incoming({
        type: 'TT',
        number: circular,
        issuerName: 'Ban Thường vụ Tỉnh ủy',
        issuedOn: '2019-08-20',
        summary: 'Thông tri về đại hội đảng bộ các cấp',
      }),
    );
    const byNumber = (await vanphong.get(`/api/v1/documents?q=${circular}`)).json() as { items: Doc[] };
    expect(byNumber.items.map((d) => d.number)).toEqual([circular]);
    const byWords = (
      await vanphong.get(`/api/v1/documents?q=${encodeURIComponent('thong tri dai hoi')}`)
    ).json() as { items: Doc[] };
    expect(byWords.items.map((d) => d.number)).toContain(circular);
    const byIssuer = (await vanphong.get('/api/v1/documents?issuer=TU&year=2019')).json() as { items: Doc[] };
    expect(byIssuer.items.every((d) => d.issuerCode === 'TU' && d.issuedOn.startsWith('2019'))).toBe(true);
    expect(byIssuer.items.length).toBeGreaterThan(0);
  });

  it('answers 404 outside scope and 403 to a reader who may not change it', async () => {
    const doc = await register(vanphong, incoming());
    expect((await vanphongTu.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(200);
    expectError(await bithuStc.get(`/api/v1/documents/${doc.id}`), 404, 'DOCUMENT_NOT_FOUND');
    expectError(await dangvien.get(`/api/v1/documents/${doc.id}`), 404, 'DOCUMENT_NOT_FOUND');
    expectError(
      await bithuStc.patch(`/api/v1/documents/${doc.id}`, { version: 1, summary: 'x' }),
      404,
      'DOCUMENT_NOT_FOUND',
    );
    expectError(
      await kiemtra.patch(`/api/v1/documents/${doc.id}`, { version: 1, summary: 'x' }),
      403,
      'FORBIDDEN',
    );
    const listed = (await bithuStc.get('/api/v1/documents?limit=500')).json() as { items: Doc[] };
    expect(listed.items.map((d) => d.id)).not.toContain(doc.id);
  });

  it('edits with optimistic locking and keeps links in both directions', async () => {
    const directive = await register(vanphong, incoming());
    const plan = await register(
      vanphong,
      incoming({
        type: 'KH',
        number: `${serial++}-KH/TU`,
        issuerName: 'Tỉnh ủy Nghệ An',
        issuedOn: '2019-07-01',
      }),
    );
    const linked = await vanphong.patch(`/api/v1/documents/${plan.id}`, {
      version: 1,
      links: [{ targetId: directive.id, kind: 'implements' }],
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((linked.json() as Doc).links).toMatchObject([
      { kind: 'implements', direction: 'to', document: { id: directive.id } },
    ]);
    const back = (await vanphong.get(`/api/v1/documents/${directive.id}`)).json() as Doc;
    expect(back.links).toMatchObject([{ kind: 'implements', direction: 'from', document: { id: plan.id } }]);
    const stale = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/documents/${plan.id}`, { version: 1, summary: 'Sửa muộn' }),
    );
    expect(expectError(stale, 409, 'VERSION_CONFLICT').details).toEqual({ currentVersion: 2 });
    const self = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/documents/${plan.id}`, {
        version: 2,
        links: [{ targetId: plan.id, kind: 'amends' }],
      }),
    );
    expectError(self, 400, 'DOCUMENT_LINK_INVALID');
  });
});

describe('numbers of outgoing documents', () => {
  it('takes the next number per type and term, atomically under concurrent calls', async () => {
    const take = () =>
      vanphong.post('/api/v1/document-numbers', { issuerOrganizationId: id('NA-DUK'), type: 'TB' });
    const results = await Promise.all(Array.from({ length: 20 }, take));
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const sequences = results.map((r) => (r.json() as { sequence: number }).sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((results[0]!.json() as { number: string }).number).toMatch(/^\d{2}-TB\/ĐUK$/);
    const resolution = await vanphong.post('/api/v1/document-numbers', {
      issuerOrganizationId: id('NA-DUK'),
      type: 'NQ',
    });
    expect(resolution.json()).toMatchObject({
      sequence: 1,
      number: '01-NQ/ĐUK',
      status: 'reserved',
      term: { name: '2015–2020' },
    });
    // The demo's plan 165-KH/ĐUK was the last plan of the term so far: the next one is 166.
    const plan = await vanphong.post('/api/v1/document-numbers', {
      issuerOrganizationId: id('NA-DUK'),
      type: 'KH',
    });
    expect(plan.json()).toMatchObject({ number: '166-KH/ĐUK' });
  });

  it('runs congress documents in one sequence for all types, in the term the congress opens', async () => {
    const first = await vanphong.post('/api/v1/document-numbers', {
      issuerOrganizationId: id('NA-DUK'),
      type: 'BC',
      congress: true,
    });
    const second = await vanphong.post('/api/v1/document-numbers', {
      issuerOrganizationId: id('NA-DUK'),
      type: 'TTr',
      congress: true,
    });
    expect(first.json()).toMatchObject({ number: '01-BC/ĐUK', congress: true, term: { name: '2020–2025' } });
    expect(second.json()).toMatchObject({ number: '02-TTr/ĐUK', congress: true });
  });

  it('cancels a reserved number with its reason and never hands it out again', async () => {
    const taken = (
      await vanphong.post('/api/v1/document-numbers', { issuerOrganizationId: id('NA-DUK'), type: 'BB' })
    ).json() as { id: string; sequence: number };
    expectError(
      await refusedWithoutWrite(t, () =>
        vanphong.post(`/api/v1/document-numbers/${taken.id}/cancel`, { reason: '  ' }),
      ),
      400,
      'VALIDATION_FAILED',
    );
    const cancelled = await vanphong.post(`/api/v1/document-numbers/${taken.id}/cancel`, {
      reason: 'Văn bản không ban hành nữa',
    });
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Văn bản không ban hành nữa',
    });
    expectError(
      await vanphong.post(`/api/v1/document-numbers/${taken.id}/cancel`, { reason: 'lần nữa' }),
      400,
      'DOCUMENT_NUMBER_NOT_RESERVED',
    );
    const next = (
      await vanphong.post('/api/v1/document-numbers', { issuerOrganizationId: id('NA-DUK'), type: 'BB' })
    ).json() as { sequence: number };
    expect(next.sequence).toBe(taken.sequence + 1);
    const register = (
      await vanphong.get(`/api/v1/document-numbers?issuerOrganizationId=${id('NA-DUK')}&limit=500`)
    ).json() as { items: { type: string; status: string; sequence: number }[] };
    expect(register.items.filter((n) => n.type === 'BB').map((n) => [n.sequence, n.status])).toEqual([
      [next.sequence, 'reserved'],
      [taken.sequence, 'cancelled'],
    ]);
  });

  it('issues an outgoing document with a reserved number, or the next one, and generates its .docx', async () => {
    const reserved = (
      await vanphong.post('/api/v1/document-numbers', { issuerOrganizationId: id('NA-DUK'), type: 'KH' })
    ).json() as { id: string; number: string };
    const body = {
      organizationId: id('NA-DUK'),
      direction: 'outgoing',
      type: 'KH',
      numberId: reserved.id,
      issuedOn: '2019-10-31',
      summary: 'Tổ chức đại hội các tổ chức cơ sở đảng trực thuộc, nhiệm kỳ 2020–2025',
      signer: 'Nguyễn Văn Thông',
      signerPosition: 'Phó Bí thư',
      body: 'I. MỤC ĐÍCH, YÊU CẦU\n\nLãnh đạo, chỉ đạo tổ chức thành công đại hội.',
      recipients: '- Ban Thường vụ Tỉnh ủy (để b/c)\n- Các tổ chức cơ sở đảng\n- Lưu Văn phòng.',
    };
    const doc = await register(vanphong, body);
    expect(doc).toMatchObject({ number: reserved.number, issuerName: 'Đảng ủy Khối Các cơ quan tỉnh' });
    expectError(
      await refusedWithoutWrite(t, () =>
        vanphong.post('/api/v1/documents', { ...body, issuedOn: '2019-11-01' }),
      ),
      400,
      'DOCUMENT_NUMBER_NOT_RESERVED',
    );
    const auto = await register(vanphong, { ...body, numberId: undefined, summary: 'Kế hoạch khác' });
    expect(auto.sequence).toBeGreaterThan(doc.sequence!);
    expectError(
      await vanphong.patch(`/api/v1/documents/${doc.id}`, { version: 1, number: '99-KH/ĐUK' }),
      400,
      'DOCUMENT_NUMBER_FIXED',
    );

    const docx = await vanphong.get(`/api/v1/documents/${doc.id}.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(docx.rawPayload);
    for (const part of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'ĐẢNG BỘ TỈNH NGHỆ AN',
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH',
      `Số ${reserved.number}`,
      'ngày 31 tháng 10 năm 2019',
      'KẾ HOẠCH',
      'Nơi nhận:',
      'Nguyễn Văn Thông',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('refuses numbers for an organization without an issuer code or outside reach', async () => {
    const stc = await refusedWithoutWrite(t, () =>
      bithuStc.post('/api/v1/document-numbers', { issuerOrganizationId: id('NA-DUK'), type: 'KH' }),
    );
    expectError(stc, 404, 'ORG_NOT_FOUND');
    const cell = (await bithuStc.get(`/api/v1/organizations/${id('NA-DUK-STC-CB02')}`)).json() as {
      version: number;
    };
    const cleared = await bithuStc.patch(`/api/v1/organizations/${id('NA-DUK-STC-CB02')}`, {
      version: cell.version,
      issuerCode: null,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const none = await refusedWithoutWrite(t, () =>
      bithuStc.post('/api/v1/document-numbers', { issuerOrganizationId: id('NA-DUK-STC-CB02'), type: 'KH' }),
    );
    expectError(none, 400, 'DOCUMENT_ISSUER_CODE_MISSING');
  });
});

describe('sending a document down', () => {
  let directive: Doc;
  beforeAll(async () => {
    directive = await register(vanphong, incoming({ issuedOn: '2019-06-10' }));
  });

  it("refuses recipients outside the sender's subtree, writing nothing", async () => {
    const res = await refusedWithoutWrite(t, () =>
      vanphong.post(`/api/v1/documents/${directive.id}/distributions`, {
        organizationIds: [id('NA-DUK-STC'), id('NA-VINH')],
      }),
    );
    expect(expectError(res, 400, 'DISTRIBUTION_OUTSIDE').details).toEqual({
      organizationIds: [id('NA-VINH')],
    });
    expectError(
      await refusedWithoutWrite(t, () =>
        vanphong.post(`/api/v1/documents/${directive.id}/distributions`, { organizationIds: [id('NA-DUK')] }),
      ),
      400,
      'DISTRIBUTION_OUTSIDE',
    );
  });

  it('sends, is confirmed by the receiving secretary, reported on, and shows who is late', async () => {
    const sent = await vanphong.post(`/api/v1/documents/${directive.id}/distributions`, {
      organizationIds: [id('NA-DUK-STC'), id('NA-DUK-SXD')],
      dueOn: '2019-07-15',
    });
    expect(sent.json()).toEqual({ sent: 2, alreadySent: 0 });
    expect(
      (
        await vanphong.post(`/api/v1/documents/${directive.id}/distributions`, {
          organizationIds: [id('NA-DUK-STC')],
        })
      ).json(),
    ).toEqual({ sent: 0, alreadySent: 1 });

    // The grassroots secretary now reads the directive and finds it in the inbox, with a notification.
    expect((await bithuStc.get(`/api/v1/documents/${directive.id}`)).statusCode).toBe(200);
    const inbox = (await bithuStc.get('/api/v1/document-distributions?status=sent')).json() as {
      items: Distribution[];
    };
    const mine = inbox.items.find((d) => d.organization.id === id('NA-DUK-STC'))!;
    expect(mine).toMatchObject({ status: 'sent', late: true, abilities: { receive: true } });
    const notes = await rows<{ kind: string }>(
      t,
      sql`SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'bithu.stc' AND n.kind = 'document.received'`,
    );
    expect(notes.length).toBeGreaterThan(0);

    // The bloc office reads the distribution but the receipt is the grassroots committee's own word.
    expectError(await vanphong.post(`/api/v1/document-distributions/${mine.id}/receipt`), 403, 'FORBIDDEN');
    const received = await bithuStc.post(`/api/v1/document-distributions/${mine.id}/receipt`);
    expect(received.json()).toMatchObject({ status: 'received' });
    const badNumber = await refusedWithoutWrite(t, () =>
      bithuStc.post(`/api/v1/document-distributions/${mine.id}/report`, { number: '12/KH-ĐU' }),
    );
    expectError(badNumber, 400, 'DOCUMENT_NUMBER_INVALID');
    const reported = await bithuStc.post(`/api/v1/document-distributions/${mine.id}/report`, {
      number: 'Số 5-KH/ĐU',
      note: 'Đã xây dựng kế hoạch',
    });
    expect(reported.json()).toMatchObject({ status: 'reported', reportNumber: '05-KH/ĐU', late: false });

    const list = (await vanphong.get(`/api/v1/documents/${directive.id}/distributions`)).json() as {
      items: Distribution[];
    };
    expect(list.items.map((d) => [d.organization.id, d.status, d.late])).toEqual(
      expect.arrayContaining([
        [id('NA-DUK-STC'), 'reported', false],
        [id('NA-DUK-SXD'), 'sent', true],
      ]),
    );
    const detail = (await vanphong.get(`/api/v1/documents/${directive.id}`)).json() as Doc;
    expect(detail.distribution).toEqual({ total: 2, received: 1, reported: 1, late: 1 });
    expect((await vanphong.post(`/api/v1/documents/${directive.id}/reminders`)).json()).toEqual({
      reminded: 1,
    });
  });

  it('lets a committee that received a document pass it down its own subtree', async () => {
    const fromAbove = await register(
      vanphongTu,
      incoming({ organizationId: id('NA'), issuedOn: '2019-06-20' }),
    );
    expect(
      (
        await vanphongTu.post(`/api/v1/documents/${fromAbove.id}/distributions`, {
          organizationIds: [id('NA-DUK')],
        })
      ).statusCode,
    ).toBe(201);
    const seen = (await vanphong.get(`/api/v1/documents/${fromAbove.id}`)).json() as Doc & {
      senders: { id: string }[];
    };
    expect(seen.abilities).toEqual({ edit: false, distribute: true });
    expect(seen.senders.map((x) => x.id)).toEqual([id('NA-DUK')]);
    // Without naming itself as the sender, the bloc would be sending from the province's register.
    expectError(
      await refusedWithoutWrite(t, () =>
        vanphong.post(`/api/v1/documents/${fromAbove.id}/distributions`, {
          organizationIds: [id('NA-DUK-STC')],
        }),
      ),
      403,
      'FORBIDDEN',
    );
    expectError(
      await refusedWithoutWrite(t, () =>
        vanphong.post(`/api/v1/documents/${fromAbove.id}/distributions`, {
          fromOrganizationId: id('NA-DUK-SXD'),
          organizationIds: [id('NA-DUK-STC')],
        }),
      ),
      404,
      'ORG_NOT_FOUND',
    );
    const passed = await vanphong.post(`/api/v1/documents/${fromAbove.id}/distributions`, {
      fromOrganizationId: id('NA-DUK'),
      organizationIds: [id('NA-DUK-STC')],
    });
    expect(passed.json()).toEqual({ sent: 1, alreadySent: 0 });
    const list = (await vanphongTu.get(`/api/v1/documents/${fromAbove.id}/distributions`)).json() as {
      items: (Distribution & { sender: { id: string } })[];
    };
    expect(list.items.map((d) => [d.organization.id, d.sender.id])).toEqual(
      expect.arrayContaining([
        [id('NA-DUK'), id('NA')],
        [id('NA-DUK-STC'), id('NA-DUK')],
      ]),
    );
  });

  it('attaches files to the document, checked like every upload', async () => {
    const upload = (name: string, content: Buffer) => {
      const body = new FormData();
      body.append('file', new Blob([new Uint8Array(content)]), name);
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/documents/${directive.id}/files`,
        headers: { cookie: vanphong.cookie, 'x-csrf-token': vanphong.csrfToken },
        payload: body,
      });
    };
    const file = pdf();
    const ok = await upload('Chỉ thị 35.pdf', file);
    expect(ok.statusCode, ok.body).toBe(201);
    const detail = (await vanphong.get(`/api/v1/documents/${directive.id}`)).json() as Doc;
    expect(detail.files.map((f) => f.name)).toEqual(['Chỉ thị 35.pdf']);
    expectError(await refusedWithoutWrite(t, () => upload('ke-hoach.docx', file)), 400, 'FILE_TYPE_MISMATCH');
    expectError(await refusedWithoutWrite(t, () => upload('rong.pdf', Buffer.alloc(0))), 400, 'FILE_EMPTY');
    expectError(
      await refusedWithoutWrite(t, () => upload('../../etc/passwd.pdf', file)),
      400,
      'FILE_NAME_INVALID',
    );
  });
});
