import { GENDER_LABELS_VI, MEMBER_STATUS_LABELS_VI, THEORY_LEVEL_LABELS_VI } from '@daihoi/core';
import ExcelJS from 'exceljs';
import { buildApp } from '../packages/server/src/app.js';
import type { Actor } from '../packages/server/src/auth/policy.js';
import { loadAssignments, SESSION_COOKIE } from '../packages/server/src/auth/sessions.js';
import { type Config, loadConfig, makeClock } from '../packages/server/src/config.js';
import {
  type Cell,
  generateDataset,
  MEMBER_TABLE_COLUMNS,
  memberBatches,
  ORGANIZATION_TABLE_COLUMNS,
  organizationRow,
  planDataset,
  type SyntheticPlan,
  toCsv,
} from '../packages/server/src/demo/generate.js';
import { MEMBER_COLUMNS as IMPORT_COLUMNS } from '../packages/server/src/imports/members.js';
import { listMembers } from '../packages/server/src/modules/members/service.js';
import { type Backend, type BackendName, BENCH_PASSWORD, createAccount, settle } from './backend.js';
import { type CapturedQuery, captureQueries } from './explain.js';
import { quantile } from './stats.js';

export interface MembersOptions {
  runs: number;
  /** Rows in each imported file. */
  importRows: number;
  /** Organizations of the tree the files are imported into. */
  importOrganizations: number;
  /** Dataset searched, per back-end. */
  search: Record<BackendName, { organizations: number; members: number }>;
  /** Timed requests per search target (after `warmup` untimed ones). */
  requests: number;
  warmup: number;
}

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportRun {
  /** Upload, polling until the preview, then the commit: wall time. */
  ms: number;
  /** Until the preview was ready (upload included). */
  previewMs: number;
  /** The same rows bulk-loaded into a fresh database with the same tree. */
  rawMs: number;
  rssBefore: number;
  rssPeak: number;
  counts: { new: number; changed: number; unchanged: number; rejected: number };
}

export interface SearchTargetResult {
  label: string;
  path: string;
  items: number;
  /** Milliseconds per request through the app (`app.inject`, session included). */
  http: number[];
  /** Milliseconds for the service's own statements sent by hand through the driver. */
  raw: number[];
  statements: number;
}

export interface MembersResult {
  backend: string;
  importRows: number;
  importOrganizations: number;
  fileBytes: Record<ImportFormat, number>;
  imports: Record<ImportFormat, ImportRun[]>;
  search: {
    organizations: number;
    members: number;
    generateMs: number;
    scopeName: string;
    scopeMembers: number;
    targets: SearchTargetResult[];
  } | null;
  notes: string[];
}

/** COPY on PGlite, `INSERT … SELECT FROM unnest` in batches of 10,000 on a server. */
async function bulkLoad(
  backend: Backend,
  table: string,
  columns: readonly (readonly [string, string])[],
  rows: readonly Cell[][],
) {
  const names = columns.map(([n]) => n).join(', ');
  const { pglite, pool } = backend.database;
  if (pglite) {
    await pglite.query(`COPY ${table} (${names}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob: new Blob([toCsv(rows)]),
    });
    return;
  }
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  for (let at = 0; at < rows.length; at += 10_000) {
    const batch = rows.slice(at, at + 10_000);
    await pool!.query(
      `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${params})`,
      columns.map((_, i) => batch.map((r) => r[i])),
    );
  }
}

const organizationRows = (plan: SyntheticPlan): Cell[][] => plan.organizations.map(organizationRow);

const isoToVi = (iso: Cell) => {
  if (typeof iso !== 'string') return '';
  const [y, mo, d] = iso.split('-');
  return `${d}/${mo}/${y}`;
};

/** A member row of the table as a clerk would type it into the template, by the template's keys. */
function fileRow(row: Cell[], codeOf: Map<string, string>): Record<string, string> {
  const text = (v: Cell) => (v === null ? '' : String(v));
  return {
    fullName: text(row[3]!),
    gender: GENDER_LABELS_VI[row[7] as keyof typeof GENDER_LABELS_VI] ?? '',
    birthDate: isoToVi(row[8]!),
    ethnicity: text(row[9]!),
    hometown: text(row[10]!),
    cardNumber: text(row[6]!),
    admittedOn: isoToVi(row[11]!),
    fullMemberOn: isoToVi(row[12]!),
    status: MEMBER_STATUS_LABELS_VI[row[13] as keyof typeof MEMBER_STATUS_LABELS_VI] ?? '',
    educationLevel: text(row[14]!),
    theoryLevel: THEORY_LEVEL_LABELS_VI[row[15] as keyof typeof THEORY_LEVEL_LABELS_VI] ?? '',
    jobTitle: text(row[16]!),
    employer: text(row[17]!),
    phone: text(row[18]!),
    email: text(row[19]!),
    organizationCode: codeOf.get(String(row[1])) ?? '',
  };
}

const KEYS = IMPORT_COLUMNS.map((c) => c.key);
const HEADERS = IMPORT_COLUMNS.map((c) => c.header);

function csvFile(rows: Record<string, string>[]): Buffer {
  const quote = (s: string) => (/["\r\n,;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    HEADERS.map(quote).join(','),
    ...rows.map((r) => KEYS.map((k) => quote(r[k] ?? '')).join(',')),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function xlsxFile(rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(KEYS.map((k) => r[k] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function benchConfig(): Config {
  return {
    ...loadConfig({ LOG_LEVEL: 'silent', IMPORT_MAX_MB: '1024' }),
    webDist: undefined,
    clock: makeClock(),
    loginRatePerMinute: 10_000,
  };
}

type App = Awaited<ReturnType<typeof buildApp>>;

async function signIn(app: App, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: BENCH_PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (res.statusCode !== 200 || !cookie) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const body = res.json() as { csrfToken: string };
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrfToken: body.csrfToken };
}

/** Peak resident set size while `work` runs, sampled every 50 ms. */
async function sampleRss<T>(work: () => Promise<T>): Promise<{ value: T; before: number; peak: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, before, peak };
  } finally {
    clearInterval(timer);
  }
}

async function importOnce(
  backend: Backend,
  plan: SyntheticPlan,
  format: ImportFormat,
  content: Buffer,
): Promise<Omit<ImportRun, 'rawMs'>> {
  await bulkLoad(backend, 'organizations', ORGANIZATION_TABLE_COLUMNS, organizationRows(plan));
  await settle(backend);
  await createAccount(backend, 'bench_admin', 'admin', null);
  const app = await buildApp({ config: benchConfig(), database: backend.database, logger: false });
  try {
    const agent = await signIn(app, 'bench_admin');
    const headers = { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken };
    const rootId = plan.organizations[0]!.id;
    global.gc?.();
    const { value, before, peak } = await sampleRss(async () => {
      const started = performance.now();
      const body = new FormData();
      body.append('organizationId', rootId);
      body.append(
        'file',
        new Blob([new Uint8Array(content)], { type: 'application/octet-stream' }),
        `members.${format}`,
      );
      const up = await app.inject({ method: 'POST', url: '/api/v1/member-imports', headers, payload: body });
      if (up.statusCode !== 202) throw new Error(`upload: ${up.statusCode} ${up.body}`);
      const id = (up.json() as { id: string }).id;
      let job: { status: string; message: string | null; counts: ImportRun['counts'] };
      for (;;) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/member-imports/${id}`, headers });
        job = res.json();
        if (job.status !== 'parsing') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      if (job.status !== 'preview') throw new Error(`import ${job.status}: ${job.message}`);
      const previewMs = performance.now() - started;
      const commit = await app.inject({
        method: 'POST',
        url: `/api/v1/member-imports/${id}/commit`,
        headers,
      });
      if (commit.statusCode !== 200) throw new Error(`commit: ${commit.statusCode} ${commit.body}`);
      return { ms: performance.now() - started, previewMs, counts: job.counts };
    });
    return { ...value, rssBefore: before, rssPeak: peak };
  } finally {
    await app.close();
  }
}

async function rawLoadOnce(backend: Backend, plan: SyntheticPlan, rows: Cell[][]): Promise<number> {
  await bulkLoad(backend, 'organizations', ORGANIZATION_TABLE_COLUMNS, organizationRows(plan));
  await settle(backend);
  const started = performance.now();
  await bulkLoad(backend, 'members', MEMBER_TABLE_COLUMNS, rows);
  return performance.now() - started;
}

async function searchBenchmark(
  backend: Backend,
  size: { organizations: number; members: number },
  opts: MembersOptions,
  log: (s: string) => void,
): Promise<NonNullable<MembersResult['search']>> {
  const generated = await generateDataset(backend.database, {
    organizations: size.organizations,
    members: size.members,
    seed: 1,
  });
  await settle(backend);
  log(
    `  generated ${generated.organizations} organizations, ${generated.members} members in ${(generated.ms / 1000).toFixed(1)} s`,
  );
  const [province] = await backend.query<{ id: string; name: string; path: string; n: number }>(
    `SELECT o.id, o.name, o.path,
       (SELECT count(*)::int FROM members m WHERE m.organization_path LIKE o.path || '%') AS n
     FROM organizations o WHERE o.depth = 1 ORDER BY n DESC LIMIT 1`,
  );
  if (!province) throw new Error('no province in the generated tree');
  const [card] = await backend.query<{ card_number: string }>(
    `SELECT card_number FROM members WHERE organization_path LIKE $1 AND card_number IS NOT NULL
     ORDER BY id OFFSET 1000 LIMIT 1`,
    [`${province.path}%`],
  );
  const officeId = await createAccount(backend, 'bench_office', 'office', province.id);
  const config = benchConfig();
  const app = await buildApp({ config, database: backend.database, logger: false });
  try {
    const agent = await signIn(app, 'bench_office');
    const actor: Actor = {
      userId: officeId,
      username: 'bench_office',
      displayName: 'bench_office',
      mustChangePassword: false,
      assignments: await loadAssignments(backend.database.db, officeId),
    };
    const targets = [
      { label: 'first page', query: { limit: 50 }, path: '/api/v1/members?limit=50' },
      { label: 'given name «lan»', query: { limit: 50, q: 'lan' }, path: '/api/v1/members?limit=50&q=lan' },
      {
        label: 'card number',
        query: { limit: 50, q: card!.card_number },
        path: `/api/v1/members?limit=50&q=${card!.card_number}`,
      },
    ];
    const results: SearchTargetResult[] = [];
    for (const t of targets) {
      const captured: CapturedQuery[] = await captureQueries(backend, (db) =>
        listMembers({ db, actor, clock: config.clock }, t.query as Parameters<typeof listMembers>[1]),
      );
      const http = async () => {
        const res = await app.inject({ method: 'GET', url: t.path, headers: { cookie: agent.cookie } });
        if (res.statusCode !== 200) throw new Error(`${t.path}: ${res.statusCode} ${res.body}`);
        return (res.json() as { items: unknown[] }).items.length;
      };
      const raw = async () => {
        for (const q of captured) await backend.query(q.sql, q.params);
      };
      let items = 0;
      for (let i = 0; i < opts.warmup; i++) {
        items = await http();
        await raw();
      }
      const r: SearchTargetResult = {
        label: t.label,
        path: t.path,
        items,
        http: [],
        raw: [],
        statements: captured.length,
      };
      for (let i = 0; i < opts.requests; i++) {
        // Alternate which goes first, so that a cache warmed by one helps both alike.
        const order = i % 2 === 0 ? (['http', 'raw'] as const) : (['raw', 'http'] as const);
        for (const which of order) {
          const started = performance.now();
          await (which === 'http' ? http() : raw());
          r[which].push(performance.now() - started);
        }
      }
      log(
        `  ${t.label}: http p50 ${quantile(r.http, 0.5).toFixed(2)} ms, raw p50 ${quantile(r.raw, 0.5).toFixed(2)} ms, ${items} items`,
      );
      results.push(r);
    }
    return {
      organizations: generated.organizations,
      members: generated.members,
      generateMs: generated.ms,
      scopeName: province.name,
      scopeMembers: province.n,
      targets: results,
    };
  } finally {
    await app.close();
  }
}

/**
 * (d) The member registry: imports through the HTTP routes against a bulk load of the same rows, the
 * resident memory during an import, and the list and search pages over a large registry.
 */
export async function membersBenchmark(
  backendName: BackendName,
  withFresh: <T>(work: (b: Backend) => Promise<T>) => Promise<T>,
  opts: MembersOptions,
  log: (s: string) => void,
): Promise<MembersResult> {
  const plan = planDataset({
    organizations: opts.importOrganizations,
    members: opts.importRows,
    seed: 7,
    rootCode: 'TW',
  });
  const rows: Cell[][] = [];
  for (const batch of memberBatches(plan, 7, 0, 10_000)) for (const row of batch) rows.push(row);
  const codeOf = new Map(plan.organizations.map((o) => [o.id, o.code]));
  const records = rows.map((r) => fileRow(r, codeOf));
  const files: Record<ImportFormat, Buffer> = { csv: csvFile(records), xlsx: await xlsxFile(records) };
  log(
    `  ${rows.length} rows: .csv ${(files.csv.length / 2 ** 20).toFixed(1)} MiB, .xlsx ${(files.xlsx.length / 2 ** 20).toFixed(1)} MiB`,
  );

  const imports: Record<ImportFormat, ImportRun[]> = { csv: [], xlsx: [] };
  for (let i = 0; i < opts.runs; i++) {
    for (const format of IMPORT_FORMATS) {
      // Each run gets two fresh databases holding the same tree: one imports, the other bulk-loads.
      const run = await withFresh((b) => importOnce(b, plan, format, files[format]));
      const rawMs = await withFresh((b) => rawLoadOnce(b, plan, rows));
      imports[format].push({ ...run, rawMs });
      log(
        `  run ${i + 1}/${opts.runs} .${format}: import ${(run.ms / 1000).toFixed(1)} s (preview ${(run.previewMs / 1000).toFixed(1)} s), ` +
          `bulk load ${(rawMs / 1000).toFixed(1)} s, RSS ${(run.rssBefore / 2 ** 20).toFixed(0)} → ${(run.rssPeak / 2 ** 20).toFixed(0)} MiB, ` +
          `new ${run.counts.new}, rejected ${run.counts.rejected}`,
      );
    }
  }

  const size = opts.search[backendName];
  const search = await withFresh((b) => searchBenchmark(b, size, opts, log));
  return {
    backend: backendName,
    importRows: rows.length,
    importOrganizations: plan.organizations.length,
    fileBytes: { csv: files.csv.length, xlsx: files.xlsx.length },
    imports,
    search,
    notes: [],
  };
}
