import { ageOn, foldVietnamese, vietnameseNameSortKey } from '@daihoi/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.js';
import { DEMO_REFERENCE_DATE, demoAccounts, flattenDemoTree } from './dataset.js';
import {
  buildDemoMembers,
  cardNumberAt,
  DEMO_CELL_MAX,
  DEMO_CELL_MIN,
  DEMO_COMMITTEE_TERM,
  type DemoMember,
  mulberry32,
  unitNameOf,
  vietnameseName,
} from './members.js';
import { seedDemo } from './seed.js';

const data = buildDemoMembers();
const { members, seats, transfers } = data;
const flat = flattenDemoTree();
const orgByCode = new Map(flat.map((e) => [e.org.code, e.org]));
const byKey = new Map(members.map((m) => [m.key, m]));
const inSubtree = (memberOrg: string, org: string) => memberOrg === org || memberOrg.startsWith(`${org}-`);
/** The same day a year later, as a string: "2017-02-29" sorts before "2017-03-01", as it should. */
const yearLater = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
const account = (username: string) => demoAccounts.find((a) => a.username === username)!;
const linked = (username: string) =>
  byKey.get(data.accountLinks.find((l) => l.username === username)!.memberKey)!;
const seatsOf = (code: string) =>
  seats.filter((s) => s.organizationCode === code && s.termName === DEMO_COMMITTEE_TERM);
const holders = (code: string, positions: string[]) =>
  new Set(
    seatsOf(code)
      .filter((s) => positions.includes(s.position))
      .map((s) => s.memberKey),
  );
const COMMITTEE = ['secretary', 'deputy_secretary', 'standing_committee', 'committee_member'];
const STANDING = ['secretary', 'deputy_secretary', 'standing_committee'];

describe('demo members', () => {
  it('is deterministic', () => {
    expect(buildDemoMembers()).toEqual(data);
  });

  it('has about 2,000 people, each in a cell or a chi bộ cơ sở of 5–40 members', () => {
    expect(members.length).toBeGreaterThanOrEqual(1800);
    expect(members.length).toBeLessThanOrEqual(2200);
    expect(new Set(members.map((m) => m.key)).size).toBe(members.length);
    const counts = new Map<string, number>();
    for (const m of members) counts.set(m.organizationCode, (counts.get(m.organizationCode) ?? 0) + 1);
    for (const { org } of flat) {
      if (org.kind === 'subordinate_cell' || org.kind === 'grassroots_cell') {
        expect(counts.get(org.code) ?? 0, org.code).toBeGreaterThanOrEqual(DEMO_CELL_MIN);
        expect(counts.get(org.code) ?? 0, org.code).toBeLessThanOrEqual(DEMO_CELL_MAX);
      } else {
        expect(counts.has(org.code), org.code).toBe(false);
      }
    }
  });

  it('gives card numbers, unique 8-digit strings, to everyone but probationary members', () => {
    const cards = members.map((m) => m.cardNumber).filter((c): c is string => c !== null);
    expect(new Set(cards).size).toBe(cards.length);
    for (const card of cards) expect(card).toMatch(/^\d{8}$/);
    for (const m of members) expect(m.cardNumber === null).toBe(m.status === 'probationary');
    const many = Array.from({ length: 200_000 }, (_, i) => cardNumberAt(i));
    expect(new Set(many).size).toBe(many.length);
  });

  it('admits everyone at 18–40 and makes them full members 12 months later, nothing after 15/03/2020', () => {
    for (const m of members) {
      expect(m.birthDate >= '1958-01-01' && m.birthDate <= '1998-12-31', m.key).toBe(true);
      const age = ageOn(m.birthDate, m.admittedOn);
      expect(age, m.key).toBeGreaterThanOrEqual(18);
      expect(age, m.key).toBeLessThanOrEqual(40);
      for (const date of [m.birthDate, m.admittedOn, m.fullMemberOn, m.joinedOrganizationOn]) {
        if (date) expect(date <= DEMO_REFERENCE_DATE, m.key).toBe(true);
      }
      expect(m.joinedOrganizationOn >= m.admittedOn, m.key).toBe(true);
      if (m.status === 'probationary') expect(m.fullMemberOn).toBeNull();
      else expect(m.fullMemberOn! >= yearLater(m.admittedOn), m.key).toBe(true);
    }
  });

  it('is mostly full members, some probationary (admitted in 2019), two or three of them overdue', () => {
    const probationary = members.filter((m) => m.status === 'probationary');
    expect(members.filter((m) => m.status === 'full').length / members.length).toBeGreaterThan(0.9);
    expect(probationary.length).toBeGreaterThanOrEqual(20);
    for (const m of probationary) expect(m.admittedOn >= '2019-01-01').toBe(true);
    const overdue = probationary.filter((m) => yearLater(m.admittedOn) < DEMO_REFERENCE_DATE);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(overdue.length).toBeLessThanOrEqual(3);
  });

  it('looks like a Vietnamese registry: names, gender, ethnicity, theory levels', () => {
    const share = (test: (m: DemoMember) => boolean) => members.filter(test).length / members.length;
    expect(share((m) => m.fullName.startsWith('Nguyễn '))).toBeGreaterThan(0.3);
    expect(share((m) => m.fullName.startsWith('Nguyễn '))).toBeLessThan(0.45);
    expect(share((m) => m.gender === 'male')).toBeGreaterThan(0.5);
    expect(share((m) => m.gender === 'male')).toBeLessThan(0.6);
    expect(share((m) => m.ethnicity === 'Kinh')).toBeGreaterThan(0.85);
    expect(new Set(members.map((m) => m.ethnicity))).toEqual(
      new Set(['Kinh', 'Thái', 'Thổ', 'Mường', 'Khơ Mú']),
    );
    for (const m of members) {
      expect(m.fullName.split(' ').length, m.fullName).toBeGreaterThanOrEqual(3);
      expect(m.hometown).toMatch(/tỉnh (Nghệ An|Hà Tĩnh|Thanh Hóa)$/);
      expect(m.educationLevel).toMatch(/^(12\/12|10\/10)/);
      if (m.gender === 'male') expect(m.fullName.split(' ')).not.toContain('Thị');
    }
    const heads = members.filter((m) =>
      /^(Giám đốc|Cục trưởng|Chánh án|Viện trưởng)$/.test(m.jobTitle ?? ''),
    );
    expect(heads.length).toBeGreaterThan(20);
    for (const m of heads) expect(m.isLeader).toBe(true);
    expect(heads.filter((m) => m.theoryLevel === 'cao_cap').length / heads.length).toBeGreaterThan(0.6);
    const staff = members.filter((m) => !m.isLeader);
    expect(staff.filter((m) => m.theoryLevel === 'so_cap').length).toBeGreaterThan(
      staff.filter((m) => m.theoryLevel === 'cao_cap').length * 5,
    );
    const names = Array.from({ length: 50 }, (_, i) => vietnameseName(mulberry32(i), 'female', 1990));
    expect(names.every((n) => /^\p{Lu}/u.test(n))).toBe(true);
  });

  it('gives each member a job at the organization of their cell', () => {
    for (const m of members.filter((x) => x.organizationCode === 'NA-DUK-STC-CB02')) {
      expect(m.employer).toBe('Phòng Ngân sách, Sở Tài chính');
    }
    expect(linked('dangvien')).toMatchObject({
      jobTitle: 'Chuyên viên',
      employer: 'Phòng Ngân sách, Sở Tài chính',
    });
    const parentOf = new Map(flat.map((e) => [e.org.code, e.parentCode]));
    for (const m of members) {
      const org = orgByCode.get(m.organizationCode)!;
      if (org.kind !== 'subordinate_cell' || !m.employer || /^(Đảng ủy|Ủy ban)/.test(m.employer)) continue;
      const cell = unitNameOf(org.name);
      const unit = unitNameOf(orgByCode.get(parentOf.get(org.code)!)!.name).replace(/^Cơ quan /, '');
      expect(m.employer.includes(cell) || m.employer === unit, `${m.key} ${m.employer}`).toBe(true);
    }
  });

  it('links the demo member account to a member of its cell and bithu.stc to the secretary of NA-DUK-STC', () => {
    const dangvien = linked('dangvien');
    expect(dangvien.organizationCode).toBe('NA-DUK-STC-CB02');
    expect(dangvien.fullName).toBe(account('dangvien').displayName);
    expect(dangvien.gender).toBe('female');
    expect(dangvien.status).toBe('full');
    const secretary = [...holders('NA-DUK-STC', ['secretary'])];
    expect(secretary).toEqual([data.accountLinks.find((l) => l.username === 'bithu.stc')!.memberKey]);
    expect(linked('bithu.stc').fullName).toBe(account('bithu.stc').displayName);
    expect(byKey.get([...holders('NA-DUK', ['secretary'])][0]!)!.fullName).toBe(account('bithu').displayName);
    expect(byKey.get([...holders('NA-DUK', ['inspection_chair'])][0]!)!.fullName).toBe(
      account('kiemtra').displayName,
    );
  });

  it('has exactly one secretary per organization and term, and a deputy, in every cell and đảng bộ', () => {
    const secretaries = new Map<string, number>();
    for (const s of seats.filter((x) => x.position === 'secretary')) {
      const key = `${s.organizationCode}/${s.termName}`;
      secretaries.set(key, (secretaries.get(key) ?? 0) + 1);
    }
    for (const n of secretaries.values()) expect(n).toBe(1);
    for (const { org } of flat) {
      if (org.kind === 'provincial_organization' || org.kind === 'district_organization') continue;
      if (org.kind === 'provincial_bloc' && org.code !== 'NA-DUK') continue;
      expect(secretaries.get(`${org.code}/${DEMO_COMMITTEE_TERM}`), org.code).toBe(1);
      expect(holders(org.code, ['deputy_secretary']).size, org.code).toBeGreaterThanOrEqual(1);
    }
    const perPerson = new Set(seats.map((s) => `${s.organizationCode}/${s.memberKey}/${s.position}`));
    expect(perPerson.size).toBe(seats.length);
  });

  it('elects committees of 5–9 with an inspection committee of 3 for each đảng bộ cơ sở', () => {
    for (const { org } of flat.filter((e) => e.org.kind === 'grassroots_organization')) {
      const committee = holders(org.code, COMMITTEE);
      expect(committee.size, org.code).toBeGreaterThanOrEqual(5);
      expect(committee.size, org.code).toBeLessThanOrEqual(9);
      const byPerson = new Map<string, number>();
      for (const s of seatsOf(org.code).filter((x) => COMMITTEE.includes(x.position)))
        byPerson.set(s.memberKey, (byPerson.get(s.memberKey) ?? 0) + 1);
      for (const n of byPerson.values()) expect(n).toBe(1);
      if (committee.size === 9) expect(holders(org.code, STANDING).size).toBe(3);
      const chair = holders(org.code, ['inspection_chair']);
      expect(chair.size, org.code).toBe(1);
      expect(committee.has([...chair][0]!)).toBe(true);
      expect(holders(org.code, ['inspection_chair', 'inspection_member']).size, org.code).toBe(3);
    }
    expect(seats.some((s) => s.position === 'standing_committee')).toBe(true);
  });

  it('elects the bloc committee (about 25, standing committee about 9) from leaders in their own cells', () => {
    const committee = holders('NA-DUK', COMMITTEE);
    expect(committee.size).toBeGreaterThanOrEqual(23);
    expect(committee.size).toBeLessThanOrEqual(27);
    const standing = holders('NA-DUK', STANDING);
    expect(standing.size).toBeGreaterThanOrEqual(8);
    expect(standing.size).toBeLessThanOrEqual(10);
    for (const key of committee) {
      const m = byKey.get(key)!;
      expect(m.isLeader).toBe(true);
      expect(orgByCode.get(m.organizationCode)!.kind).toMatch(/cell$/);
      expect(inSubtree(m.organizationCode, 'NA-DUK')).toBe(true);
    }
    expect(holders('NA-DUK', ['inspection_chair']).size).toBe(1);
  });

  it('seats only full members of the organization who had joined it before the term began', () => {
    for (const s of seats) {
      const m = byKey.get(s.memberKey)!;
      const term = orgByCode.get(s.organizationCode)!.terms.find((t) => t.name === s.termName)!;
      expect(inSubtree(m.organizationCode, s.organizationCode), `${s.organizationCode} ${m.key}`).toBe(true);
      expect(m.status).toBe('full');
      expect(m.fullMemberOn! < term.startsOn, m.key).toBe(true);
      expect(m.joinedOrganizationOn <= term.startsOn, m.key).toBe(true);
    }
  });

  it('records a handful of transfers: between agencies in 2018–2019, one pending after 15/03/2020', () => {
    const applied = transfers.filter((t) => t.status === 'applied' && t.toOrganizationCode !== null);
    const pending = transfers.filter((t) => t.status === 'pending');
    const leaving = transfers.filter((t) => t.toOrganizationCode === null);
    expect(applied.length).toBeGreaterThanOrEqual(5);
    expect(pending).toHaveLength(1);
    expect(pending[0]!.transferredOn > DEMO_REFERENCE_DATE).toBe(true);
    expect(byKey.get(pending[0]!.memberKey)!.organizationCode).toBe(pending[0]!.fromOrganizationCode);
    for (const t of applied) {
      expect(t.transferredOn >= '2018-01-01' && t.transferredOn <= '2019-12-31').toBe(true);
      expect(t.fromOrganizationCode.split('-').slice(0, 3)).not.toEqual(
        t.toOrganizationCode!.split('-').slice(0, 3),
      );
    }
    const history = new Map<string, typeof applied>();
    for (const t of applied) history.set(t.memberKey, [...(history.get(t.memberKey) ?? []), t]);
    expect([...history.values()].some((h) => h.length >= 2)).toBe(true);
    for (const [key, moves] of history) {
      const last = moves.at(-1)!;
      const m = byKey.get(key)!;
      expect(m.organizationCode).toBe(last.toOrganizationCode);
      expect(m.joinedOrganizationOn).toBe(last.transferredOn);
      for (let i = 1; i < moves.length; i++)
        expect(moves[i]!.fromOrganizationCode).toBe(moves[i - 1]!.toOrganizationCode);
    }
    expect(leaving.length).toBeGreaterThanOrEqual(1);
    for (const t of leaving) {
      expect(byKey.get(t.memberKey)!.status).toBe('transferred_out');
      expect(t.destination).toMatch(/^Đảng bộ /);
    }
    for (const t of [...applied, ...pending]) expect(t.destination).toBeNull();
    for (const t of transfers) {
      expect(orgByCode.has(t.fromOrganizationCode)).toBe(true);
      if (t.toOrganizationCode) expect(orgByCode.has(t.toOrganizationCode)).toBe(true);
    }
  });
});

describe('seeding the demo members', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const rows = async <T>(query: ReturnType<typeof sql>) => {
    const result = (await database.db.execute(query)) as unknown as { rows: T[] };
    return result.rows;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.migrate();
    await seedDemo(database.db, 'demo-password-1', new Date('2020-03-15T02:00:00Z'));
  });
  afterAll(() => database.drop());

  it('writes every member, transfer and seat, with paths, sort keys and search text', async () => {
    const [counts] = await rows<{ members: number; transfers: number; seats: number }>(sql`
      SELECT (SELECT count(*)::int FROM members) AS members,
             (SELECT count(*)::int FROM member_transfers) AS transfers,
             (SELECT count(*)::int FROM committee_seats) AS seats`);
    expect(counts).toEqual({ members: members.length, transfers: transfers.length, seats: seats.length });
    const wrongPaths = await rows(sql`
      SELECT m.id FROM members m JOIN organizations o ON o.id = m.organization_id
      WHERE m.organization_path <> o.path`);
    expect(wrongPaths).toEqual([]);
    const sample = await rows<{
      full_name: string;
      card_number: string | null;
      sort_key: string;
      search_text: string;
    }>(sql`SELECT full_name, card_number, sort_key, search_text FROM members ORDER BY sort_key LIMIT 50`);
    for (const r of sample) {
      expect(r.sort_key).toBe(vietnameseNameSortKey(r.full_name));
      expect(r.search_text).toBe(foldVietnamese(`${r.full_name} ${r.card_number ?? ''}`));
    }
  });

  it('links the demo accounts to their member records', async () => {
    const links = await rows<{ username: string; full_name: string; code: string }>(sql`
      SELECT u.username, m.full_name, o.code FROM users u
      JOIN members m ON m.id = u.member_id JOIN organizations o ON o.id = m.organization_id
      ORDER BY u.username`);
    expect(links).toEqual([
      { username: 'bithu.stc', full_name: account('bithu.stc').displayName, code: 'NA-DUK-STC-CB01' },
      { username: 'dangvien', full_name: account('dangvien').displayName, code: 'NA-DUK-STC-CB02' },
    ]);
    const [secretary] = await rows<{ username: string | null }>(sql`
      SELECT u.username FROM committee_seats s
      JOIN organizations o ON o.id = s.organization_id
      JOIN committee_terms t ON t.id = s.term_id
      LEFT JOIN users u ON u.member_id = s.member_id
      WHERE o.code = 'NA-DUK-STC' AND t.name = ${DEMO_COMMITTEE_TERM} AND s.position = 'secretary'`);
    expect(secretary).toEqual({ username: 'bithu.stc' });
  });
});
