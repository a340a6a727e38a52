import type { HttpResult, HttpTarget } from './http.js';
import { type ExplainKey, type QueryResult, type QueryVariant, RAW_COUNT, RAW_LIST } from './query.js';
import { fmt, fmtRatio, fmtSummary, median, ratios, summarize } from './stats.js';

export interface ReportInput {
  date: Date;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string };
  node: string;
  versions: Record<string, string>;
  command: string;
  quick: boolean;
  settings: string;
  wallSeconds: number;
  loadMethods: Record<string, string>;
  http: HttpResult[];
  query: QueryResult[];
  skipped: string[];
}

const HTTP_LABELS: Record<HttpTarget, string> = {
  bareHello: 'hello-world, bare Fastify instance',
  appHello: 'hello-world, `/bench/hello` on the app',
  office: 'organizations page, office actor',
  admin: 'organizations page, admin',
};

const QUERY_LABELS: Record<QueryVariant, string> = {
  service: '`listOrganizations` (office, `under` = scope root, limit 50)',
  serviceSql: "the service's own two statements, sent by hand",
  raw: 'hand-written list (baseline)',
  rawSame: 'hand-written, same answer: `under` lookup + page with child counts, one `LIKE`',
  countBuilder: 'subtree count, query builder + `reachCondition`',
  countRaw: 'subtree count, hand-written (baseline)',
};

/** A Markdown table with its columns padded, as the formatter writes it. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;

function plan(title: string, sqlText: string, text: string) {
  return [
    `<details><summary>${title}</summary>`,
    '',
    '```sql',
    sqlText,
    '```',
    '```',
    text,
    '```',
    '</details>',
    '',
  ];
}

function httpSection(r: HttpResult): string[] {
  const rps = (t: HttpTarget) => r.runs[t].map((x) => x.rps);
  const rows = (Object.keys(HTTP_LABELS) as HttpTarget[]).map((t) => {
    const runs = r.runs[t];
    const failures = runs.reduce((n, x) => n + x.failures, 0);
    const requests = runs.reduce((n, x) => n + x.requests, 0);
    return [
      HTTP_LABELS[t],
      fmtSummary(summarize(rps(t))),
      fmt(median(runs.map((x) => x.latencyMean))),
      fmt(median(runs.map((x) => x.latencyP99))),
      fmtRatio(summarize(ratios(rps(t), rps('appHello')))),
      fmtRatio(summarize(ratios(rps(t), rps('bareHello')))),
      `${failures} / ${requests.toLocaleString('en-US')}`,
    ];
  });
  const office = median(ratios(rps('office'), rps('appHello')));
  const admin = median(ratios(rps('admin'), rps('appHello')));
  const scope = median(ratios(rps('admin'), rps('office'))) - 1;
  const plugins = median(ratios(rps('appHello'), rps('bareHello')));
  const line =
    `**Reading:** on ${r.backend} the office's page is served at ${fmt(median(rps('office')))} req/s, ` +
    `${pct(office)} of the app's own hello-world (admin ${pct(admin)}); the scope filter in SQL costs ` +
    `${scope >= 0 ? `${pct(scope)} against the admin` : `nothing measurable (the office ran ${pct(-scope)} faster)`}; ` +
    `the app's plugins (helmet, cookie, session hook) leave ${pct(plugins)} of a bare Fastify hello-world.`;
  const out = [
    `### ${r.backend}`,
    '',
    `${r.organizations.toLocaleString('en-US')} organizations loaded in ${fmt(r.loadMs)} ms; one page holds ` +
      `${r.pageItems.office} items for the office actor and ${r.pageItems.admin} for the admin.`,
    '',
    ...table(
      [
        'target',
        'req/s p50 (min–max)',
        'latency mean, ms',
        'latency p99, ms',
        '× app hello (min–max)',
        '× bare hello (min–max)',
        'failed / requests',
      ],
      rows,
    ),
    '',
    `Timed alone, one call after another (no HTTP, no concurrency): resolving the session ` +
      `${fmt(r.alone.session)} µs, the office's \`listOrganizations\` ${fmt(r.alone.officeService)} µs, the ` +
      `admin's ${fmt(r.alone.adminService)} µs; at the office's p50 throughput a request takes ` +
      `${fmt(1e6 / median(rps('office')))} µs of the server's time.`,
    '',
    line,
    '',
  ];
  if (r.explainOffice)
    out.push(
      ...plan(
        `EXPLAIN ANALYZE of the office's page query on ${r.backend}`,
        r.explainOffice.sql,
        r.explainOffice.plan,
      ),
    );
  return out;
}

const EXPLAIN_LABELS: Record<ExplainKey, string> = {
  serviceUnder: 'service, the `under` lookup',
  servicePage: 'service, the page',
  raw: 'hand-written list',
  countBuilder: 'count, query builder + `reachCondition`',
  countRaw: 'count, hand-written',
};

/** What the plans tell at a glance: whether the service's page sorts the subtree where the hand-written one does not. */
function planNote(r: QueryResult): string {
  const page = r.explain.servicePage?.plan ?? '';
  const raw = r.explain.raw?.plan ?? '';
  if (page.includes('top-N heapsort') && !raw.includes('Sort')) {
    const estimate = /organizations_path_idx on organizations\s+\(cost=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(
      page,
    )?.[1];
    return (
      ` The page's plan reads and sorts the whole subtree (top-N heapsort over \`organizations_path_idx\`${estimate ? `, estimated at ${estimate} rows` : ''}) where the ` +
      'hand-written query walks `organizations_sort_idx` and stops at 51 rows: the scope condition and `under` ' +
      "both add `path LIKE '<same prefix>%'`, and the planner multiplies their selectivities."
    );
  }
  return '';
}

function querySection(r: QueryResult): string[] {
  const s = r.samples;
  const row = (v: QueryVariant, base: QueryVariant) => [
    QUERY_LABELS[v],
    fmtSummary(summarize(s[v])),
    v === base ? '1× (baseline)' : fmtRatio(summarize(ratios(s[v], s[base]))),
  ];
  const m = (v: QueryVariant) => median(s[v]);
  const line =
    `**Reading:** on ${r.backend} the service takes ${fmt(median(ratios(s.service, s.raw)))}× the hand-written ` +
    `list (${fmt(m('service'))} vs ${fmt(m('raw'))} µs). Its own statements sent by hand take ` +
    `${fmt(m('serviceSql'))} µs, so drizzle and the presenter add ${fmt(m('service') - m('serviceSql'))} µs; the ` +
    `same answer written by hand takes ${fmt(m('rawSame'))} µs, so the shape of the service's SQL costs ` +
    `${fmt(m('serviceSql') - m('rawSame'))} µs.${planNote(r)} The count through the builder is ` +
    `${fmt(median(ratios(s.countBuilder, s.countRaw)))}× the hand-written one (${fmt(m('countRaw'))} µs)` +
    `${r.explain.countBuilder?.plan.includes('Index Only Scan') ? '' : '; its `archived_at IS NULL` rules out the index-only scan the hand-written count gets'}.`;
  const checks =
    `Checks: service page equals the hand-written page: ${r.checks.samePage ? 'yes' : '**no**'}; ` +
    `subtree count ${r.checks.count} (expected ${r.checks.expectedCount}).`;
  return [
    `### ${r.backend}`,
    '',
    `${r.organizations.toLocaleString('en-US')} organizations (${r.depthLevels} levels) loaded in ` +
      `${fmt(r.loadMs)} ms; the office's scope is an upper-grassroots node with ` +
      `${r.scopeDescendants.toLocaleString('en-US')} descendants. ${checks}`,
    '',
    ...table(
      ['query', 'µs per call p50 (min–max)', '× baseline p50 (min–max)'],
      [
        row('service', 'raw'),
        row('serviceSql', 'raw'),
        row('rawSame', 'raw'),
        row('raw', 'raw'),
        row('countBuilder', 'countRaw'),
        row('countRaw', 'countRaw'),
      ],
    ),
    '',
    line,
    '',
    ...(Object.keys(EXPLAIN_LABELS) as ExplainKey[]).flatMap((k) => {
      const e = r.explain[k];
      return e ? plan(`EXPLAIN ANALYZE on ${r.backend}: ${EXPLAIN_LABELS[k]}`, e.sql, e.plan) : [];
    }),
  ];
}

export function renderReport(x: ReportInput): string {
  const lines = [
    x.quick ? '# Benchmark results (quick smoke run: too short to quote)' : '# Benchmark results',
    '',
    'Written by `bench/run.ts`; rerun to refresh. The machine is shared and noisy: read the spreads, and',
    'compare only figures from the same run (every ratio below pairs runs made side by side).',
    '',
    ...table(
      ['', ''],
      [
        ['date', x.date.toISOString()],
        [
          'machine',
          `${x.machine.cpu}, ${x.machine.cores} cores, ${x.machine.memoryGiB.toFixed(1)} GiB memory, ${x.machine.os}`,
        ],
        ['Node.js', x.node],
        ...Object.entries(x.versions),
        ['command', `\`${x.command}\``],
        ['settings', x.settings],
        ['wall time', `${(x.wallSeconds / 60).toFixed(1)} min`],
      ],
    ),
    '',
    ...x.skipped.map((s) => `> Skipped: ${s}`),
    ...(x.skipped.length ? [''] : []),
    'Each benchmark gets a fresh database: PGlite in memory, or a new `daihoi_bench_<random>` database on the',
    'server, dropped at the end. Organizations are bulk-loaded, then `VACUUM ANALYZE` runs. Bulk load: ' +
      Object.entries(x.loadMethods)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ') +
      '.',
    '',
    '## (a) HTTP: `GET /api/v1/organizations?under=<root>&limit=50`',
    '',
    'A 5,000-organization tree: root (provincial) → 50 grassroots organizations → 4,949 cells. Two accounts',
    '(argon2id hashes), an admin and an office user assigned to the root, each signed in through',
    '`POST /api/v1/auth/login`; every request carries its session cookie, so each one resolves the session',
    '(two queries), looks up `under` and reads the page with child counts. The baseline `/bench/hello` is',
    'registered on the app returned by `buildApp` before `listen` (it passes helmet, cookie parsing and the',
    'session hook, which returns at once for a public route); a bare Fastify instance in the same process gives the',
    "framework's own ceiling. Load: autocannon 8 in a child process, 10 connections, against 127.0.0.1; the",
    'targets take turns run by run, and ratios pair run i of one target with run i of the other.',
    '',
    ...x.http.flatMap(httpSection),
    '## (b) The subtree query over 50,000 organizations',
    '',
    'Root (provincial) → 10 upper-grassroots blocs → 500 grassroots organizations → 49,489 cells. The office',
    "actor's scope is the first bloc. The service runs through the app's drizzle client; the baseline is",
    `\`${RAW_LIST}\` on the same connection (the count: \`${RAW_COUNT}\`).`,
    "Two more rows split the difference: the service's own statements (captured from drizzle) sent by hand,",
    'which leaves out only drizzle and the presenter, and the same answer written by hand (the `under` lookup,',
    'then the page with `archived_at IS NULL` and child counts under a single `LIKE`).',
    'Each sample is the mean of its iterations, timed with `process.hrtime.bigint()` after a warm-up; the',
    'variants take turns sample by sample, and ratios pair sample i with sample i.',
    '',
    ...x.query.flatMap(querySection),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
