import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failOnServerErrors } from '../test/expect.js';
import { type Agent, startTestApp, type TestApp } from '../test/harness.js';

interface Listed {
  id: string;
  number: string | null;
  issuedOn: string;
  issuerName: string;
  organization: { name: string };
}

const serverErrors = failOnServerErrors();
let t: TestApp;
let vanphong: Agent;
let bithuStc: Agent;
let found: Map<string, Listed>;

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  [vanphong, bithuStc] = await Promise.all([t.login('vanphong'), t.login('bithu.stc')]);
  const list = (await vanphong.get('/api/v1/documents?limit=100')).json() as { items: Listed[] };
  found = new Map(list.items.map((d) => [d.number ?? d.id, d]));
});
afterAll(() => t.close());

describe('the demo documents', () => {
  it('carry the real numbers, dates and issuers of the 2020–2025 congress wave', () => {
    expect(found.get('35-CT/TW')).toMatchObject({ issuedOn: '2019-05-30', issuerName: 'Bộ Chính trị' });
    expect(found.get('207-KH/TU')).toMatchObject({ issuedOn: '2019-08-12', issuerName: 'Tỉnh ủy Nghệ An' });
    expect(found.get('165-KH/ĐUK')).toMatchObject({
      issuedOn: '2019-10-31',
      organization: { name: 'Đảng bộ Khối Các cơ quan tỉnh' },
    });
    expect(found.get('26-HD/BTCTW')).toMatchObject({ issuedOn: '2019-10-18' });
    expect(found.get('08-QĐi/TW')).toMatchObject({ issuedOn: '2018-10-25' });
  });

  it('were sent down: the grassroots secretary finds the bloc plan in the inbox', async () => {
    const inbox = (await bithuStc.get('/api/v1/document-distributions?limit=50')).json() as {
      items: { document: { number: string | null }; sender: { name: string } }[];
    };
    expect(inbox.items.map((d) => d.document.number)).toEqual(
      expect.arrayContaining(['165-KH/ĐUK', '35-CT/TW']),
    );
    const plan = (await vanphong.get(`/api/v1/documents/${found.get('165-KH/ĐUK')!.id}`)).json();
    expect(plan.distribution.total).toBe(42);
    expect(plan.distribution.late).toBeGreaterThan(0);
    expect(plan.distribution.reported).toBeGreaterThan(0);
  });

  it('were studied at the conference of 12/11/2019 and in cells after it, with coverage still partial', async () => {
    const sessions = (
      await vanphong.get(`/api/v1/dissemination-sessions?documentId=${found.get('35-CT/TW')!.id}&limit=200`)
    ).json() as { items: { startsAt: string; makeupOf: unknown; title: string }[] };
    const conference = sessions.items.find((s) => s.makeupOf === null)!;
    expect(new Date(conference.startsAt).toISOString()).toBe('2019-11-12T07:00:00.000Z');
    expect(sessions.items.filter((s) => s.makeupOf !== null).length).toBeGreaterThan(10);
    const coverage = (await vanphong.get(`/api/v1/documents/${found.get('35-CT/TW')!.id}/coverage`)).json();
    expect(coverage.studied).toBeGreaterThan(0);
    expect(coverage.studied).toBeLessThan(coverage.total);
  });
});

describe('the demo congress plans', () => {
  it('stand at realistic stages on 15/03/2020: most adopted with early steps done, some late', async () => {
    const board = (await vanphong.get('/api/v1/congress-dashboard')).json() as {
      rows: {
        organization: { level: string };
        planId: string | null;
        plannedOn: string | null;
        cells: string[];
      }[];
      counts: Record<string, number>;
    };
    const grassroots = board.rows.filter((r) => r.organization.level === 'grassroots');
    const planned = grassroots.filter((r) => r.planId);
    expect(planned.length).toBeGreaterThan(grassroots.length / 2);
    expect(planned.length).toBeLessThan(grassroots.length);
    for (const r of planned) expect(r.plannedOn! >= '2020-04-01' && r.plannedOn! <= '2020-06-30').toBe(true);
    expect(board.counts.done).toBeGreaterThan(0);
    expect(board.counts.overdue).toBeGreaterThan(0);
    expect(board.counts.on_track).toBeGreaterThan(0);
  });
});
