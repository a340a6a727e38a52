import { addWorkingDays } from '@daihoi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, failOnServerErrors, refusedWithoutWrite } from '../../test/expect.js';
import { type Agent, startTestApp, type TestApp } from '../../test/harness.js';
import { workingCalendar } from './service.js';

const serverErrors = failOnServerErrors();
let t: TestApp;
let admin: Agent;
let vanphong: Agent;

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  [admin, vanphong] = await Promise.all([t.login('admin'), t.login('vanphong')]);
});
afterAll(() => t.close());

describe('the calendar of days off', () => {
  it('shows a decided year with its sources to everyone', async () => {
    const year = (await vanphong.get('/api/v1/calendar/2020')).json();
    expect(year.provisional).toBe(false);
    expect(year.daysOff.map((d: { date: string }) => d.date)).toEqual(
      expect.arrayContaining(['2020-01-23', '2020-01-29', '2020-04-30']),
    );
    expect(year.sources.length).toBeGreaterThan(0);
    expect((await vanphong.get('/api/v1/calendar/2031')).json().provisional).toBe(true);
  });

  it("takes an administrator's correction, which working days then count on", async () => {
    expectError(
      await refusedWithoutWrite(t, () =>
        vanphong.request('PUT', '/api/v1/calendar/edits/2020-05-04', { kind: 'day_off' }),
      ),
      403,
      'FORBIDDEN',
    );
    const before = addWorkingDays('2020-05-08', -5, await workingCalendar(t.database.db));
    const set = await admin.request('PUT', '/api/v1/calendar/edits/2020-05-04', {
      kind: 'day_off',
      note: 'Nghỉ bù theo quyết định địa phương',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().edits).toMatchObject([{ date: '2020-05-04', kind: 'day_off' }]);
    const after = addWorkingDays('2020-05-08', -5, await workingCalendar(t.database.db));
    expect(after < before).toBe(true);
    expect((await admin.request('DELETE', '/api/v1/calendar/edits/2020-05-04')).json().edits).toEqual([]);
  });
});
