import { type SQL, sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, expect } from 'vitest';
import type { App } from '../http/route.js';
import type { Agent, TestApp } from './harness.js';

/** Letters only Vietnamese writes: a message holding one is Vietnamese, not an English fallback. */
const VIETNAMESE_LETTER = /[ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

export interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}

/** The response is the refusal `code` with HTTP `status`, in the error shape, with a Vietnamese message. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): ApiError {
  const body = res.json();
  expect({ status: res.statusCode, code: body?.error?.code }).toEqual({ status, code });
  expect(body.error.message).toMatch(VIETNAMESE_LETTER);
  return body.error;
}

/** A 400 whose details name `path` (e.g. `querystring.limit`), each detail message in Vietnamese. */
export function expectValidation(res: LightMyRequestResponse, path: string): ApiError {
  const error = expectError(res, 400, 'VALIDATION_FAILED');
  const details = error.details as { path: string; message: string }[];
  expect(details.map((d) => d.path)).toContain(path);
  for (const d of details) expect(d.message).toMatch(VIETNAMESE_LETTER);
  return error;
}

/** Rows of a raw query, on either driver. */
export async function rows<T>(t: TestApp, query: SQL): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Sign-ins and sweeps write these whatever a command does. */
const BOOKKEEPING_TABLES = new Set(['sessions', 'job_runs']);

/** One digest of every stored row (sessions aside): equal digests mean that nothing was written. */
export async function dataDigest(t: TestApp): Promise<string> {
  const tables = (
    await rows<{ name: string }>(
      t,
      sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )
  )
    .map((r) => r.name)
    .filter((name) => !BOOKKEEPING_TABLES.has(name));
  expect(tables).toContain('audit_events');
  const parts = await Promise.all(
    tables.map(async (table) => {
      const [row] = await rows<{ d: string | null }>(
        t,
        sql`SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) AS d FROM ${sql.identifier(table)} r`,
      );
      return `${table}:${row?.d ?? ''}`;
    }),
  );
  return parts.join(' ');
}

/** Runs a request that must be refused and checks that it left every table as it was. */
export async function refusedWithoutWrite(
  t: TestApp,
  request: () => Promise<LightMyRequestResponse>,
): Promise<LightMyRequestResponse> {
  const before = await dataDigest(t);
  const res = await request();
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(await dataDigest(t)).toBe(before);
  return res;
}

/** Every item of a list, page by page; fails when a cursor repeats (a walk that would never end). */
export async function allPages<T = { id: string }>(agent: Agent, url: string): Promise<T[]> {
  const items: T[] = [];
  const cursors = new Set<string>();
  let next: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await agent.get(next ? `${url}${sep}cursor=${encodeURIComponent(next)}` : url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: T[]; nextCursor: string | null };
    items.push(...body.items);
    next = body.nextCursor;
    if (next) {
      expect(cursors.has(next)).toBe(false);
      cursors.add(next);
    }
  } while (next);
  return items;
}

/**
 * Fails the running test when any response of the watched app was a 5xx (a 5xx is a bug, whatever the
 * input). Call at the top level of a test file, then `watch(t.app)` once the app is started.
 */
export function failOnServerErrors(): { watch(app: App): void } {
  const seen: string[] = [];
  afterEach(() => {
    expect(seen.splice(0), 'responses with a 5xx status').toEqual([]);
  });
  return {
    watch(app) {
      const inject = app.inject.bind(app) as (opts: InjectOptions) => Promise<LightMyRequestResponse>;
      (app as unknown as { inject: typeof inject }).inject = async (opts) => {
        const res = await inject(opts);
        if (res.statusCode >= 500) seen.push(`${opts.method} ${opts.url} → ${res.statusCode} ${res.body}`);
        return res;
      };
    },
  };
}

/** "METHOD /path/{param}", the OpenAPI spelling of a route. */
export const routeKey = (method: string, path: string) =>
  `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`;

/** Every route the app serves (HEAD twins included), read from Fastify's printed route tree. */
export function servedRoutes(app: App): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = `${depth > 0 ? stack[depth - 1] : ''}${m[2]}`;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of m[3]?.split(', ') ?? []) out.push(routeKey(method, path));
  }
  return out;
}
