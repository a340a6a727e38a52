import { compareVietnameseNames, foldVietnamese, vietnameseNameSortKey } from '@daihoi/core';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.js';
import { DatabaseNotEmptyError, generateDataset, PROVINCE_COUNT, planDataset } from './generate.js';

describe('the synthetic dataset plan', () => {
  it('scales a country-sized tree to the organizations asked for: 63 provinces, districts, grassroots, cells', () => {
    const plan = planDataset({ organizations: 50_000, members: 1_000_000, seed: 1, rootCode: 'TW' });
    expect(plan.organizations).toHaveLength(50_000);
    expect(plan.memberCounts.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    const byLevel = new Map<string, number>();
    for (const o of plan.organizations) byLevel.set(o.level, (byLevel.get(o.level) ?? 0) + 1);
    expect(byLevel.get('central')).toBe(1);
    expect(byLevel.get('provincial')).toBe(PROVINCE_COUNT);
    expect(PROVINCE_COUNT).toBe(63);
    expect(byLevel.get('upper_grassroots')).toBeGreaterThan(500);
    expect(byLevel.get('grassroots')).toBeGreaterThan(5_000);
    expect(byLevel.get('cell')).toBeGreaterThan(byLevel.get('grassroots')!);
    const codes = plan.organizations.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    const holders = new Set(plan.holders.map((h) => h.org.kind));
    expect(holders).toEqual(new Set(['subordinate_cell', 'grassroots_cell']));
    const average = 1_000_000 / plan.holders.length;
    expect(average).toBeGreaterThan(10);
    expect(average).toBeLessThan(40);
  });

  it('is the same for the same seed, apart from the ids', () => {
    const shape = (seed: number) =>
      planDataset({ organizations: 800, members: 9_000, seed, rootCode: 'TW' }).organizations.map(
        ({ code, name, foundedOn, kind }) => ({ code, name, foundedOn, kind }),
      );
    expect(shape(3)).toEqual(shape(3));
    expect(shape(3)).not.toEqual(shape(4));
  });
});

describe('generating into the database', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const rows = async <T>(query: SQL) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const one = async <T>(query: SQL) => (await rows<T>(query))[0]!;
  const progress: string[] = [];
  const indexes = () =>
    rows<{ indexdef: string }>(
      sql`SELECT indexdef FROM pg_indexes WHERE tablename = 'members' ORDER BY indexname`,
    );
  let indexesBefore: { indexdef: string }[];

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.migrate();
    indexesBefore = await indexes();
    const result = await generateDataset(database, {
      organizations: 500,
      members: 5_000,
      seed: 7,
      copyRows: 2_000,
      insertRows: 1_500,
      onProgress: ({ table, done }) => progress.push(`${table} ${done}`),
    });
    expect(result).toMatchObject({ organizations: 500, members: 5_000, rootCode: 'TW' });
  });
  afterAll(() => database.drop());

  it('writes exactly the organizations and members asked for, in chunks, with progress', async () => {
    const counts = await one<{ organizations: number; members: number; provinces: number }>(sql`
      SELECT (SELECT count(*)::int FROM organizations) AS organizations,
             (SELECT count(*)::int FROM members) AS members,
             (SELECT count(*)::int FROM organizations WHERE level = 'provincial') AS provinces`);
    expect(counts).toEqual({ organizations: 500, members: 5_000, provinces: 3 });
    expect(progress.at(-1)).toBe('members 5000');
    const chunk = database.pglite ? 2_000 : 1_500;
    expect(progress.filter((p) => p.startsWith('members')).length).toBe(Math.ceil(5_000 / chunk));
    const audit = await rows<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE action = 'demo.generate'`,
    );
    expect(audit).toHaveLength(1);
  });

  it('leaves the members table with the indexes it had', async () => {
    expect(indexesBefore.length).toBeGreaterThanOrEqual(5);
    expect(await indexes()).toEqual(indexesBefore);
  });

  it('keeps every path equal to its parent’s path + its id, and members on their organization’s path', async () => {
    const badOrganizations = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM organizations c LEFT JOIN organizations p ON p.id = c.parent_id
      WHERE (c.parent_id IS NULL AND (c.path <> '/' || c.id || '/' OR c.depth <> 0))
         OR (c.parent_id IS NOT NULL AND (p.id IS NULL OR c.path <> p.path || c.id || '/' OR c.depth <> p.depth + 1))`);
    expect(badOrganizations.n).toBe(0);
    const badMembers = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM members m JOIN organizations o ON o.id = m.organization_id
      WHERE m.organization_path <> o.path OR o.kind NOT IN ('subordinate_cell', 'grassroots_cell')`);
    expect(badMembers.n).toBe(0);
  });

  it('gives unique 8-digit card numbers', async () => {
    const cards = await one<{ cards: number; distinct: number; malformed: number }>(sql`
      SELECT count(card_number)::int AS cards, count(DISTINCT card_number)::int AS distinct,
             count(*) FILTER (WHERE card_number !~ '^[0-9]{8}$')::int AS malformed FROM members`);
    expect(cards.cards).toBeGreaterThan(4_500);
    expect(cards.distinct).toBe(cards.cards);
    expect(cards.malformed).toBe(0);
  });

  it('sorts a subtree in Vietnamese name order by sort_key alone, and finds names without diacritics', async () => {
    const all = await rows<{
      full_name: string;
      sort_key: string;
      search_text: string;
      card_number: string | null;
    }>(sql`SELECT full_name, sort_key, search_text, card_number FROM members`);
    for (const m of all) {
      expect(m.sort_key).toBe(vietnameseNameSortKey(m.full_name));
      expect(m.search_text).toBe(foldVietnamese(`${m.full_name} ${m.card_number ?? ''}`));
    }
    const { path } = await one<{ path: string }>(sql`SELECT path FROM organizations WHERE code = 'TW-T02'`);
    const subtree = await rows<{ full_name: string }>(sql`
      SELECT full_name FROM members WHERE organization_path LIKE ${`${path}%`} ORDER BY full_name`);
    expect(subtree.length).toBeGreaterThan(100);
    const page = await rows<{ full_name: string }>(sql`
      SELECT full_name FROM members WHERE organization_path LIKE ${`${path}%`}
      ORDER BY sort_key, id LIMIT 100`);
    const expected = subtree
      .map((m) => m.full_name)
      .sort(compareVietnameseNames)
      .slice(0, 100);
    expect(page.map((m) => m.full_name)).toEqual(expected);
    const found = await rows<{ full_name: string }>(sql`
      SELECT full_name FROM members WHERE search_text LIKE ${`%${foldVietnamese('nguyen thi')}%`} LIMIT 20`);
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) expect(foldVietnamese(m.full_name)).toContain('nguyen thi');
  });

  it('refuses a database that holds data, and appends with --append without repeating codes or cards', async () => {
    await expect(generateDataset(database, { organizations: 20, members: 100 })).rejects.toThrow(
      DatabaseNotEmptyError,
    );
    const appended = await generateDataset(database, { organizations: 20, members: 100, append: true });
    expect(appended.rootCode).toBe('TW500');
    const counts = await one<{ organizations: number; members: number; cards: number; distinct: number }>(sql`
      SELECT (SELECT count(*)::int FROM organizations) AS organizations,
             (SELECT count(*)::int FROM members) AS members,
             (SELECT count(card_number)::int FROM members) AS cards,
             (SELECT count(DISTINCT card_number)::int FROM members) AS distinct`);
    expect(counts).toMatchObject({ organizations: 520, members: 5_100 });
    expect(counts.distinct).toBe(counts.cards);
  });
});
