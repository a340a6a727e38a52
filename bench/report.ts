import { STEP_STATUSES } from '@daihoi/core';
import { BACKUP_GROUPS, type BackupBenchResult, type BackupStep } from './backup.js';
import {
  type CongressResult,
  DASHBOARD_VARIANTS,
  type DashboardVariant,
  HTTP_PHASES,
  type HttpPhase,
  RAW_DASHBOARD,
} from './congress.js';
import { type BrowserResult, type LoadRun, WHEEL_STEP } from './congress-browser.js';
import { TODAY } from './congress-seed.js';
import {
  type CoverageResult,
  type DocumentsResult,
  EXPORT_PAGE,
  RESERVE_MODES,
  type ReservationsResult,
  type ReserveMode,
} from './documents.js';
import type { HttpResult, HttpTarget } from './http.js';
import { IMPORT_FORMATS, type MembersResult } from './members.js';
import { type ExplainKey, type QueryResult, type QueryVariant, RAW_COUNT, RAW_LIST } from './query.js';
import { fmt, fmtRatio, fmtSummary, median, quantile, ratios, summarize } from './stats.js';

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
  backup: BackupBenchResult[];
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
  serviceSql: "the service's own statements, sent by hand",
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

const statements = (n: number) => `${n} statement${n === 1 ? '' : 's'}`;

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
  const overlap = (a: HttpTarget, b: HttpTarget) => {
    const x = summarize(rps(a));
    const y = summarize(rps(b));
    return x.min <= y.max && y.min <= x.max;
  };
  const gap = `the office ran ${pct(Math.abs(scope))} ${scope >= 0 ? 'slower' : 'faster'} than the admin`;
  const scopeText = r.samePageSql
    ? `the office's page query is the admin's word for word (\`under\` lies inside the office's subtree, so ` +
      `no scope condition is added; only the \`under\` lookup checks the path): ${gap}, ` +
      (overlap('office', 'admin')
        ? 'within the run-to-run spread'
        : 'outside the run-to-run spread although the SQL is the same')
    : `the scope filter in SQL costs ${scope >= 0 ? `${pct(scope)} against the admin` : `nothing measurable (${gap})`}`;
  const line =
    `**Reading:** on ${r.backend} the office's page is served at ${fmt(median(rps('office')))} req/s, ` +
    `${pct(office)} of the app's own hello-world (admin ${pct(admin)}); ${scopeText}; ` +
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
      `${fmt(r.alone.session)} µs (${statements(r.statements.session)}), the office's \`listOrganizations\` ` +
      `${fmt(r.alone.officeService)} µs (${statements(r.statements.office)}), the ` +
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
  serviceCounts: 'service, the child counts of the page (one grouped query)',
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
      'hand-written query walks `organizations_sort_idx` and stops at 51 rows' +
      (r.pageLikes > 1
        ? ": the scope condition and `under` both add `path LIKE '<same prefix>%'`, and the planner multiplies their selectivities."
        : '.')
    );
  }
  if (page.includes('organizations_sort_idx') && r.pageLikes === 1)
    return (
      " The page's plan walks `organizations_sort_idx` and stops at 51 rows, as the hand-written query does: " +
      "with `under` inside the office's subtree no scope condition is added, so `path LIKE '<prefix>%'` " +
      'appears once and the planner no longer squares its selectivity.' +
      countsNote(r)
    );
  return countsNote(r);
}

/** Whether the grouped child counts scan the whole table where one index probe per item would do. */
function countsNote(r: QueryResult): string {
  const e = r.explain.serviceCounts;
  if (!e?.plan.includes('Seq Scan on organizations')) return '';
  const estimate = Number(/Seq Scan on organizations\s+\(cost=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(e.plan)?.[1]);
  const removed = Number(/Rows Removed by Filter: (\d+)/.exec(e.plan)?.[1] ?? 0);
  const found = Number(
    /Seq Scan on organizations\s+\(cost=[^)]*\)\s+\(actual [^)]*rows=([\d.]+)/.exec(e.plan)?.[1] ?? 0,
  );
  const ids = e.sql.match(/'[0-9a-f]{8}-[0-9a-f-]{27}'/g)?.length ?? 0;
  const took = /Execution Time: ([\d.]+) ms/.exec(e.plan)?.[1];
  return (
    ` The child counts, though, now cost a sequential scan${took ? ` (${took} ms in the plan below)` : ''}: for ` +
    `the page's ${ids} ids the planner expects ${estimate.toLocaleString('en-US')} children (about ` +
    `${fmt(estimate / Math.max(ids, 1))} per parent, the table's average) and reads all ` +
    `${(removed + found).toLocaleString('en-US')} rows instead of probing \`organizations_parent_idx\` once per ` +
    `id, while the page's items have ${found.toLocaleString('en-US')} open children between them; the ` +
    "hand-written query's correlated subquery makes those probes."
  );
}

function querySection(r: QueryResult): string[] {
  const s = r.samples;
  const row = (v: QueryVariant, base: QueryVariant) => [
    QUERY_LABELS[v],
    fmtSummary(summarize(s[v])),
    v === base ? '1× (baseline)' : fmtRatio(summarize(ratios(s[v], s[base]))),
  ];
  const m = (v: QueryVariant) => median(s[v]);
  const shape = m('serviceSql') - m('rawSame');
  const line =
    `**Reading:** on ${r.backend} the service takes ${fmt(median(ratios(s.service, s.raw)))}× the hand-written ` +
    `list (${fmt(m('service'))} vs ${fmt(m('raw'))} µs). Its own ${statements(r.serviceStatements)} sent by ` +
    `hand take ${fmt(m('serviceSql'))} µs, so drizzle and the presenter add ` +
    `${m('service') > m('serviceSql') ? `${fmt(m('service') - m('serviceSql'))} µs` : 'nothing measurable'}; the same answer written by hand in 2 statements (child counts ` +
    `as a correlated subquery) takes ${fmt(m('rawSame'))} µs, so the shape of the service's SQL` +
    `${r.serviceStatements > 2 ? ', with its child counts in a statement of their own,' : ''} ` +
    `${shape >= 0 ? 'costs' : 'saves'} ${fmt(Math.abs(shape))} µs.${planNote(r)} The count through the builder is ` +
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

const BACKUP_LABELS: Record<BackupStep, string> = {
  backup: 'backup of the demo dataset (`backupToFile`)',
  readRows: '`SELECT *` from every table, one snapshot (baseline)',
  restore: 'restore of that backup (`restoreBackup`)',
  rewriteRows: 'the same rows deleted and reinserted in one transaction (baseline)',
  fileBackup: 'backup holding the one file',
  fileReadRows: '`SELECT *` from every table, one snapshot, with the file (baseline)',
  upload: 'upload, `POST /api/v1/files` (multipart)',
  bareUpload: 'bare Fastify route that only reads the same multipart body (baseline)',
  rawInsert: '`INSERT INTO files (…)` with the bytea as a parameter (baseline)',
  download: 'download, `GET /api/v1/files/:id`',
  bareDownload: 'bare Fastify route that only sends the same bytes (baseline)',
  rawSelect: '`SELECT content FROM files WHERE id = $1` (baseline)',
};

const mib = (bytes: number) => bytes / 2 ** 20;
/** A size in MiB as a reader would say it: "20", not "20.0". */
const mibText = (bytes: number) => (Number.isInteger(mib(bytes)) ? String(mib(bytes)) : fmt(mib(bytes)));
const fmtBytes = (bytes: number) =>
  bytes >= 2 ** 20 ? `${fmt(mib(bytes))} MiB` : `${fmt(bytes / 1024)} KiB`;

function backupIntro(r: BackupBenchResult): string[] {
  const mb = mibText(r.fileBytes);
  return [
    '## (c) Backups and files',
    '',
    `The demo dataset (\`seedDemo\`: ${r.rows.toLocaleString('en-US')} rows in ${r.tables} tables) on a fresh database.`,
    'A backup is `backupToFile`: one REPEATABLE READ, READ ONLY snapshot, each row rendered to a JSON line in',
    'SQL, gzip level 6, written beside the target, fsync’d and renamed. Its baseline reads the same rows with',
    '`SELECT *` from every table in one such transaction (rows parsed by the driver, written nowhere). A restore',
    'is `restoreBackup` over the same database: the file checked end to end, then every table emptied and',
    'refilled from it in one transaction, then `ANALYZE` (`VACUUM ANALYZE` on PGlite) and the audit chain',
    'verified. Its baseline replaces the same rows in one transaction as the restore does (user triggers off,',
    'children emptied first, parents refilled first) but copies them from temporary tables inside the database.',
    `Files: a ${mb} MiB PDF (random bytes) posted as multipart by \`fetch\` to \`POST /api/v1/files\` as the`,
    'admin (type check, sha256, the row and its audit event and notifications in one transaction), then read',
    'back from `GET /api/v1/files/:id`. Baselines: a bare Fastify instance in the same process whose',
    '`multipart/form-data` parser only counts the bytes (upload) or whose route sends the same Buffer',
    '(download), and the plain `INSERT` of the same row or `SELECT` of its bytea through the driver. The',
    'extra files are then deleted and the backup timed again holding one file. Each step gets one untimed',
    'warm-up call; the steps of a group take turns run by run, and ratios pair run i with run i. MiB/s is the',
    `file's ${mb} MiB over the time of the call; ratios are of times (above 1×: slower than the baseline).`,
    '',
  ];
}

function backupSection(r: BackupBenchResult): string[] {
  const ms = r.ms;
  const m = (k: BackupStep) => median(ms[k]);
  const ratio = (k: BackupStep, base: BackupStep) => fmtRatio(summarize(ratios(ms[k], ms[base])));
  const throughput = (k: BackupStep) =>
    fmtSummary(summarize(ms[k].map((t) => mib(r.fileBytes) / (t / 1000))), '');
  const backupRows = [
    [
      BACKUP_LABELS.backup,
      fmtSummary(summarize(ms.backup)),
      ratio('backup', 'readRows'),
      fmtBytes(r.backupBytes),
    ],
    [BACKUP_LABELS.readRows, fmtSummary(summarize(ms.readRows)), '1× (baseline)', ''],
    [BACKUP_LABELS.restore, fmtSummary(summarize(ms.restore)), ratio('restore', 'rewriteRows'), ''],
    [BACKUP_LABELS.rewriteRows, fmtSummary(summarize(ms.rewriteRows)), '1× (baseline)', ''],
    [
      BACKUP_LABELS.fileBackup,
      fmtSummary(summarize(ms.fileBackup)),
      ratio('fileBackup', 'fileReadRows'),
      fmtBytes(r.fileBackupBytes),
    ],
    [BACKUP_LABELS.fileReadRows, fmtSummary(summarize(ms.fileReadRows)), '1× (baseline)', ''],
  ];
  const fileRow = (k: BackupStep, http: BackupStep, sqlStep: BackupStep) => [
    BACKUP_LABELS[k],
    fmtSummary(summarize(ms[k])),
    throughput(k),
    k === http ? '1× (baseline)' : k === sqlStep ? '—' : ratio(k, http),
    k === sqlStep ? '1× (baseline)' : k === http ? '—' : ratio(k, sqlStep),
  ];
  const up = BACKUP_GROUPS.upload;
  const down = BACKUP_GROUPS.download;
  const fileRows = [
    ...up.map((k) => fileRow(k, 'bareUpload', 'rawInsert')),
    ...down.map((k) => fileRow(k, 'bareDownload', 'rawSelect')),
  ];
  const backupRatio = median(ratios(ms.backup, ms.readRows));
  const restoreRatio = median(ratios(ms.restore, ms.rewriteRows));
  const fileRatio = median(ratios(ms.fileBackup, ms.fileReadRows));
  const backupLine =
    `**Reading:** on ${r.backend} a backup of the demo dataset takes ${fmt(m('backup'))} ms, ` +
    `${fmt(backupRatio)}× reading the same rows (${fmt(m('readRows'))} ms): the rest is the catalog, the JSON ` +
    `lines, gzip and the fsync'd file; a restore takes ${fmt(m('restore'))} ms, ${fmt(restoreRatio)}× replacing ` +
    `the rows in place (${fmt(m('rewriteRows'))} ms), for reading the file twice (check, then load), decoding ` +
    `JSON in SQL, \`ANALYZE\` and the audit chain's check. With one ${mibText(r.fileBytes)} MiB file the ` +
    `backup takes ${fmt(m('fileBackup'))} ms (${fmt(mib(r.fileBytes) / (m('fileBackup') / 1000))} MiB/s of file), ` +
    (fileRatio >= 1
      ? `${fmt(fileRatio)}× the plain read: base64 in SQL and gzip over incompressible bytes dominate.`
      : `${fmt(fileRatio)}× the plain read, i.e. faster than it: the driver turns the bytea it returns into ` +
        'bytes, where the backup receives it already as base64 text.');
  const insertShare = median(ratios(ms.rawInsert, ms.upload));
  const selectShare = median(ratios(ms.rawSelect, ms.download));
  const pgliteBytea =
    r.backend === 'PGlite' && insertShare >= 0.5
      ? 'PGlite writes a bytea parameter as hex one byte at a time in JavaScript, and reads one back the same way'
      : '';
  const part = (x: number, what: string, note: string, rest: string) =>
    x >= 0.95
      ? `the plain ${what} of the same bytea alone takes as long (${pct(x)} of its time, run by run` +
        `${note ? `: ${note}` : ''}), ` +
        `so ${rest} hardly count`
      : `the plain ${what} of the same bytea alone takes ${pct(x)} of its time${note ? ` (${note})` : ''}, ` +
        `the rest being ${rest}`;
  const filesLine =
    `**Reading:** on ${r.backend} an upload runs at ${fmt(mib(r.fileBytes) / (m('upload') / 1000))} MiB/s, ` +
    `${fmt(median(ratios(ms.upload, ms.bareUpload)))}× the bare route; ` +
    part(
      insertShare,
      '`INSERT`',
      pgliteBytea,
      'multipart parsing, the type check, sha256, the audit event and the notifications',
    ) +
    `. A download runs at ${fmt(mib(r.fileBytes) / (m('download') / 1000))} MiB/s, ` +
    `${fmt(median(ratios(ms.download, ms.bareDownload)))}× the bare route; ` +
    `${part(selectShare, '`SELECT`', '', 'the session, the scope check and sending the bytes')}.`;
  const checks =
    `Checks: the plain reads saw the backups' row counts: ${r.checks.sameRows ? 'yes' : '**no**'}; every ` +
    `download returned the uploaded bytes: ${r.checks.sameBytes ? 'yes' : '**no**'}.`;
  return [
    `### ${r.backend}`,
    '',
    `${r.rows.toLocaleString('en-US')} rows in ${r.tables} tables (${r.fileBackupRows.toLocaleString('en-US')} ` +
      `after the uploads: their audit events and notifications, the admin's session). ${checks}`,
    '',
    ...table(['step', 'ms p50 (min–max)', 'time × baseline p50 (min–max)', 'backup file'], backupRows),
    '',
    backupLine,
    '',
    ...table(
      [
        `${mibText(r.fileBytes)} MiB file`,
        'ms p50 (min–max)',
        'MiB/s p50 (min–max)',
        'time × bare route p50 (min–max)',
        'time × plain SQL p50 (min–max)',
      ],
      fileRows,
    ),
    '',
    filesLine,
    '',
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
    '(one statement: session, account and roles together), looks up `under`, reads the page and counts the',
    "open children of the page's items in one grouped query. The baseline `/bench/hello` is",
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
    "Two more rows split the difference: the service's own statements (captured from drizzle: the `under`",
    'lookup, the page, the grouped child counts) sent by hand, which leaves out only drizzle and the presenter,',
    'and the same answer written by hand in two statements (the `under` lookup, then the page with',
    '`archived_at IS NULL` under a single `LIKE` and child counts as a correlated subquery).',
    'Each sample is the mean of its iterations, timed with `process.hrtime.bigint()` after a warm-up; the',
    'variants take turns sample by sample, and ratios pair sample i with sample i.',
    '',
    ...x.query.flatMap(querySection),
    ...(x.backup.length ? backupIntro(x.backup[0]!) : []),
    ...x.backup.flatMap(backupSection),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

export const MEMBERS_START = '<!-- bench:members:start -->';
export const MEMBERS_END = '<!-- bench:members:end -->';

const secs = (ms: number) => fmt(ms / 1000);

function membersBackendSection(r: MembersResult): string[] {
  const out = [`### ${r.backend}`, ''];
  const importRows = IMPORT_FORMATS.map((f) => {
    const runs = r.imports[f];
    const rejected = runs.reduce((n, x) => n + x.counts.rejected, 0);
    const created = median(runs.map((x) => x.counts.new));
    return [
      `.${f} (${fmtBytes(r.fileBytes[f])})`,
      fmtSummary(summarize(runs.map((x) => x.ms / 1000))),
      fmtSummary(summarize(runs.map((x) => x.previewMs / 1000))),
      fmtSummary(summarize(runs.map((x) => x.rawMs / 1000))),
      fmtRatio(
        summarize(
          ratios(
            runs.map((x) => x.ms),
            runs.map((x) => x.rawMs),
          ),
        ),
      ),
      `${created.toLocaleString('en-US')} / ${rejected}`,
    ];
  });
  out.push(
    `${r.importRows.toLocaleString('en-US')} rows into a ${r.importOrganizations.toLocaleString('en-US')}-organization tree, ` +
      `${r.imports.csv.length} run${r.imports.csv.length === 1 ? '' : 's'} per format.`,
    '',
    ...table(
      [
        'file',
        'upload → commit, s p50 (min–max)',
        'until preview, s',
        'bulk load (baseline), s',
        'time × bulk load p50 (min–max)',
        'created p50 / rejected',
      ],
      importRows,
    ),
    '',
  );
  const rss = IMPORT_FORMATS.map((f) => {
    const runs = r.imports[f];
    return [
      `.${f}`,
      fmt(mib(median(runs.map((x) => x.rssBefore)))),
      fmtSummary(summarize(runs.map((x) => mib(x.rssPeak)))),
      fmtSummary(summarize(runs.map((x) => mib(x.rssPeak - x.rssBefore)))),
      fmtRatio(
        summarize(
          ratios(
            runs.map((x) => x.rssPeak),
            runs.map((x) => x.rssBefore),
          ),
        ),
      ),
    ];
  });
  out.push(
    ...table(
      [
        'import',
        'RSS before upload, MiB',
        'peak RSS, MiB p50 (min–max)',
        'growth, MiB',
        'peak × before p50 (min–max)',
      ],
      rss,
    ),
    '',
  );
  const xlsx = median(
    ratios(
      r.imports.xlsx.map((x) => x.ms),
      r.imports.xlsx.map((x) => x.rawMs),
    ),
  );
  const csv = median(
    ratios(
      r.imports.csv.map((x) => x.ms),
      r.imports.csv.map((x) => x.rawMs),
    ),
  );
  out.push(
    `**Reading:** on ${r.backend} importing ${r.importRows.toLocaleString('en-US')} members end to end takes ` +
      `${secs(median(r.imports.csv.map((x) => x.ms)))} s from .csv (${fmt(csv)}× the bulk load) and ` +
      `${secs(median(r.imports.xlsx.map((x) => x.ms)))} s from .xlsx (${fmt(xlsx)}× the bulk load, ` +
      `${secs(median(r.imports.xlsx.map((x) => x.rawMs)))} s); during the .xlsx import the process peaks at ` +
      `${fmt(mib(median(r.imports.xlsx.map((x) => x.rssPeak))))} MiB resident, ` +
      `${fmt(mib(median(r.imports.xlsx.map((x) => x.rssPeak - x.rssBefore))))} MiB above its size before the upload.`,
    '',
  );
  const s = r.search;
  if (s) {
    const rows = s.targets.map((t) => [
      `${t.label}: \`${t.path}\``,
      String(t.items),
      fmt(quantile(t.http, 0.5)),
      fmt(quantile(t.http, 0.95)),
      fmt(quantile(t.raw, 0.5)),
      fmt(quantile(t.raw, 0.95)),
      `${fmt(quantile(t.http, 0.5) / quantile(t.raw, 0.5))}×`,
      `${fmt(quantile(t.http, 0.95) / quantile(t.raw, 0.95))}×`,
    ]);
    out.push(
      `${s.members.toLocaleString('en-US')} members in ${s.organizations.toLocaleString('en-US')} organizations ` +
        `(\`generateDataset\`, ${secs(s.generateMs)} s); the office actor is assigned to ${s.scopeName} ` +
        `(${s.scopeMembers.toLocaleString('en-US')} members in its subtree); ${s.targets[0]?.http.length ?? 0} ` +
        'timed requests per target.',
      '',
      ...table(
        [
          'request (office actor)',
          'items',
          'HTTP p50, ms',
          'HTTP p95, ms',
          'SQL p50, ms',
          'SQL p95, ms',
          '× SQL p50',
          '× SQL p95',
        ],
        rows,
      ),
      '',
      `**Reading:** on ${r.backend} ` +
        s.targets
          .map(
            (t) =>
              `the ${t.label} takes ${fmt(quantile(t.http, 0.5))} ms at p50 and ${fmt(quantile(t.http, 0.95))} ms ` +
              `at p95 (${fmt(quantile(t.http, 0.5) / quantile(t.raw, 0.5))}× its ${statements(t.statements)} by hand)`,
          )
          .join('; ') +
        '.',
      '',
    );
  }
  for (const n of r.notes) out.push(`> ${n}`, '');
  return out;
}

/** Section (d), between markers so that a run of this section alone can replace it in an existing file. */
export function renderMembersSection(
  results: readonly MembersResult[],
  header: string[],
  notes: string[] = [],
) {
  const lines = [
    MEMBERS_START,
    '## (d) Member registry',
    '',
    ...header,
    '',
    'Imports: the rows come from `memberBatches` of the demo generator (its names, dates, statuses and cells),',
    'written as the import template (headers of `MEMBER_COLUMNS`, dates dd/mm/yyyy, organization codes) to a',
    '.csv (UTF-8, comma) and to an .xlsx (ExcelJS), before anything is timed. Each run opens a fresh database,',
    'loads the tree, signs an admin in, posts the file as multipart to `POST /api/v1/member-imports` through',
    '`app.inject`, polls `GET /api/v1/member-imports/{id}` every 50 ms until `preview`, then posts',
    '`…/{id}/commit`; the wall time covers all three. The baseline is the same rows loaded into another fresh',
    "database with the same tree: one `COPY members (…) FROM '/dev/blob'` on PGlite, `INSERT … SELECT FROM",
    "unnest(…)` in batches of 10,000 on the server (the rows' derived columns already computed). Ratios pair run",
    'i with run i. Memory: `process.memoryUsage().rss` of this process (the app runs in it) sampled every 50 ms',
    'from just before the upload until the commit returns, after a `gc()` when exposed.',
    'The figure before the upload already holds the rows and both files built for the runs, and whatever the',
    "earlier steps in this process left behind (the JavaScript heap and PGlite's WebAssembly memory do not",
    'shrink back at once): the growth is the figure to read, and a run whose peak equals its starting size',
    '(growth 0) started above what the import needed.',
    '',
    'Lists and searches: a registry written by `generateDataset`, `VACUUM ANALYZE`, an office account',
    'assigned to the province with the most members. Each request goes through `app.inject` with its session',
    "cookie; its baseline is the service's own statements (captured from drizzle while `listMembers` ran for",
    'the same actor) sent one after another through the driver. Requests and baselines alternate; p50 and p95',
    'are over the timed requests after a warm-up. A request also resolves its session (one more statement),',
    'which the baseline leaves out.',
    '',
    ...notes.map((n) => `> ${n}`),
    ...(notes.length ? [''] : []),
    ...results.flatMap(membersBackendSection),
    MEMBERS_END,
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `section` in place of the one between `startMarker` and `endMarker` in `existing`, or after it. */
export function spliceSection(existing: string, section: string, startMarker: string, endMarker: string) {
  const start = existing.indexOf(startMarker);
  const end = existing.indexOf(endMarker);
  if (start >= 0 && end > start)
    return `${existing.slice(0, start)}${section.trimEnd()}${existing.slice(end + endMarker.length)}`;
  return `${existing.trimEnd()}\n\n${section}`;
}

export const spliceMembersSection = (existing: string, section: string) =>
  spliceSection(existing, section, MEMBERS_START, MEMBERS_END);

export const DOCUMENTS_START = '<!-- bench:documents:start -->';
export const DOCUMENTS_END = '<!-- bench:documents:end -->';

export const spliceDocumentsSection = (existing: string, section: string) =>
  spliceSection(existing, section, DOCUMENTS_START, DOCUMENTS_END);

const inFlight = (r: ReservationsResult) =>
  r.rawConcurrency > 1
    ? `${r.rawConcurrency} in flight over the app's pool of ${r.poolSize}`
    : 'one after another (one connection)';

const RESERVE_LABELS: Record<ReserveMode, (r: ReservationsResult) => string> = {
  app: (r) => `\`POST /api/v1/document-numbers\`, ${r.reservations} in flight`,
  appSerial: () => '`POST /api/v1/document-numbers`, one after another',
  rawTx: (r) => `the service's statements by hand, one transaction each, ${inFlight(r)}`,
  raw: (r) => `bare upsert on a scratch sequence, ${inFlight(r)} (baseline)`,
};

const yes = (ok: boolean) => (ok ? 'yes' : '**no**');

function reservationRows(r: ReservationsResult): string[][] {
  const wall = (m: ReserveMode) => r.rounds[m].map((x) => x.wallMs);
  return RESERVE_MODES.map((m) => {
    const latencies = r.rounds[m].flatMap((x) => x.latencies);
    return [
      RESERVE_LABELS[m](r),
      fmtSummary(summarize(wall(m))),
      fmtSummary(summarize(wall(m).map((ms) => r.reservations / (ms / 1000)))),
      fmt(quantile(latencies, 0.5)),
      fmt(quantile(latencies, 0.95)),
      m === 'raw' ? '1× (baseline)' : fmtRatio(summarize(ratios(wall(m), wall('raw')))),
    ];
  });
}

function reservationReading(backend: string, r: ReservationsResult): string {
  const wall = (m: ReserveMode) => r.rounds[m].map((x) => x.wallMs);
  const w = (m: ReserveMode) => median(wall(m));
  const rate = (m: ReserveMode) => fmt(r.reservations / (w(m) / 1000));
  const gain = w('appSerial') / w('app');
  const serialEach = median(r.rounds.appSerial.flatMap((x) => x.latencies));
  const p95 = quantile(
    r.rounds.app.flatMap((x) => x.latencies),
    0.95,
  );
  const concurrency =
    gain >= 1
      ? `having them all in flight gains only ${fmt(gain)}× over one after another (${fmt(serialEach)} ms each at p50)`
      : `having them all in flight is slower than one after another (${fmt(serialEach)} ms each at p50, ` +
        `${fmt(w('appSerial'))} ms for the round)`;
  const queue = r.poolSize
    ? `the requests wait for one of ${r.poolSize} connections, and those wait on the sequence row's lock`
    : 'the requests queue for the one connection';
  return (
    `**Reading:** on ${backend} ${r.reservations} reservations in flight at once take ${fmt(w('app'))} ms ` +
    `(${rate('app')} reservations/s), ${fmt(median(ratios(wall('app'), wall('raw'))))}× the bare upsert ` +
    `(${fmt(w('raw'))} ms, ${rate('raw')}/s) and ${fmt(median(ratios(wall('app'), wall('rawTx'))))}× the same ` +
    `statements written by hand (${fmt(w('rawTx'))} ms, ${rate('rawTx')}/s); ${concurrency}. A reservation ` +
    "holds the sequence row's lock from its upsert to its commit, and under it sends five more statements " +
    "(the number's row, the audit chain's advisory lock, its last link, the new event, the answer's lookup) " +
    `and the commit, each a round trip, so one sequence gives its numbers strictly one at a time: ${queue}, ` +
    `and the p95 latency (${fmt(p95)} ms) is close to the round's whole wall time.`
  );
}

const executionMs = (plan: string) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);

/** What the plans say about the studied set and the export's pages, read off the captured plans. */
function coveragePlanNote(c: CoverageResult): string {
  const find = (re: RegExp) => c.explain.find((e) => re.test(e.label));
  const counts = find(/grouped counts/);
  const first = find(/first 200/);
  const page = find(/export/);
  const parts: string[] = [];
  if (counts && first)
    parts.push(
      `In the plans below the grouped counts take ${fmt(executionMs(counts.plan))} ms and the first 200 ` +
        `missing names ${fmt(executionMs(first.plan))} ms; each builds the studied set again (every ` +
        `\`present\` attendance row, made distinct: ${c.present.toLocaleString('en-US')} ids)` +
        `${first.plan.includes('hashed SubPlan') ? ', the second as a hashed `NOT IN` subplan' : ''}.`,
    );
  const workers = /Unique[^\n]*loops=(\d+)/.exec(counts?.plan ?? '')?.[1];
  if (counts?.plan.includes('Workers Launched') && Number(workers) > 1)
    parts.push(
      `The grouped counts run in ${workers} processes and each one builds the whole studied set on its own.`,
    );
  if (page && /Filter:[^\n]*sort_key > /.test(page.plan) && !/Index Cond: \(ROW\(sort_key/.test(page.plan)) {
    const removed = Number(/Rows Removed by Filter: (\d+)/.exec(page.plan)?.[1] ?? 0);
    const pages = Math.ceil((c.activeMembers - c.present) / EXPORT_PAGE);
    parts.push(
      `The export reads its missing names in ${pages} pages of ${EXPORT_PAGE}: the page halfway down ` +
        `takes ${fmt(executionMs(page.plan))} ms and discards ${removed.toLocaleString('en-US')} rows by ` +
        "filter, because `missingMembers`'s keyset `sort_key > $a OR (sort_key = $a AND id > $b)` is not an " +
        'index bound: every page walks `members_sort_idx` from the first name, and hashes the studied set ' +
        "again, so the export's time grows with the square of the missing names, not with their number.",
    );
  }
  return parts.join(' ');
}

function coverageSection(backend: string, c: CoverageResult): string[] {
  const p = (xs: number[], q: number) => quantile(xs, q);
  const row = (label: string, xs: number[]) => [
    label,
    fmt(p(xs, 0.5)),
    fmt(p(xs, 0.95)),
    xs === c.raw ? '1× (baseline)' : `${fmt(p(xs, 0.5) / p(c.raw, 0.5))}×`,
    xs === c.raw ? '1× (baseline)' : `${fmt(p(xs, 0.95) / p(c.raw, 0.95))}×`,
  ];
  const added = p(c.http, 0.5) - p(c.serviceSql, 0.5);
  const exportLine = c.xlsx
    ? ` A download of the .xlsx (\`GET …/coverage.xlsx\`: the whole tree, then every missing name) takes ` +
      `${fmtSummary(summarize(c.xlsx.ms.map((ms) => ms / 1000)))} s over ${c.xlsx.ms.length} download` +
      `${c.xlsx.ms.length === 1 ? '' : 's'} after one untimed one, ${fmtBytes(c.xlsx.bytes)}, for ` +
      `${(c.activeMembers - c.present).toLocaleString('en-US')} missing names.`
    : '';
  return [
    `${c.members.toLocaleString('en-US')} members in ${c.organizations.toLocaleString('en-US')} organizations ` +
      `(\`generateDataset\`, ${secs(c.generateMs)} s). The conference invites the ${c.children} direct children ` +
      `of ${c.anchorName}; of its ${c.activeMembers.toLocaleString('en-US')} current members ` +
      `${c.present.toLocaleString('en-US')} are marked present and ${c.absent.toLocaleString('en-US')} absent. ` +
      `Checks: the API's rows and totals equal the hand-written counts: ${yes(c.checks.sameCounts)} (total ` +
      `${c.checks.total.toLocaleString('en-US')}, studied ${c.checks.studied.toLocaleString('en-US')}); studied = ` +
      `members marked present: ${yes(c.checks.studied === c.present)}. ${c.http.length} timed requests per row.`,
    '',
    ...table(
      ['coverage of the directive at the top organization', 'p50, ms', 'p95, ms', '× SQL p50', '× SQL p95'],
      [
        row(
          `\`GET /api/v1/documents/{id}/coverage?organizationId=<top>\` (${fmtBytes(c.responseBytes)})`,
          c.http,
        ),
        row(`the service's ${statements(c.statements)}, sent by hand`, c.serviceSql),
        row('hand-written grouped query, counts per direct child (baseline)', c.raw),
      ],
    ),
    '',
    `**Reading:** on ${backend} the coverage page takes ${fmt(p(c.http, 0.5))} ms at p50, ` +
      `${fmt(p(c.http, 0.5) / p(c.raw, 0.5))}× the one hand-written query (${fmt(p(c.raw, 0.5))} ms); the ` +
      `service's own statements sent by hand take ${fmt(p(c.serviceSql, 0.5))} ms, so the session, drizzle, ` +
      'adding the counts up the tree in JavaScript and the JSON answer ' +
      `${added > 0 ? `add ${fmt(added)} ms` : 'add nothing measurable'}.${exportLine} ${coveragePlanNote(c)}`.trimEnd(),
    '',
    ...c.explain.flatMap((e) => plan(`EXPLAIN ANALYZE on ${backend}: ${e.label}`, e.sql, e.plan)),
  ];
}

function documentsBackendSection(r: DocumentsResult): string[] {
  const v = r.reservations;
  const k = v.checks;
  return [
    `### ${r.backend}`,
    '',
    `${r.version}.`,
    '',
    `Number reservations: ${v.rounds.app.length} timed rounds of ${v.reservations} per row after one ` +
      `untimed round, for ${v.issuerName} (type ${v.type}). Checks: every round got exactly the next ` +
      `${v.reservations} numbers, each once: ${yes(k.consecutive)}; refused requests: ${k.failures}; ` +
      `\`document_numbers\` holds 1…${k.expectedRows.toLocaleString('en-US')} of the sequence, nothing missing ` +
      `or repeated: ${yes(k.gapless)} (${k.registerRows.toLocaleString('en-US')} rows, last sequence ` +
      `${k.lastSequence.toLocaleString('en-US')}).`,
    '',
    ...table(
      [
        `${v.reservations} reservations`,
        'round, ms p50 (min–max)',
        'reservations/s p50 (min–max)',
        'latency p50, ms',
        'latency p95, ms',
        'time × bare upsert p50 (min–max)',
      ],
      reservationRows(v),
    ),
    '',
    reservationReading(r.backend, v),
    '',
    ...coverageSection(r.backend, r.coverage),
  ];
}

/** The headline figures side by side, one column per back-end. */
function summaryRows(results: readonly DocumentsResult[]): string[][] {
  const wall = (r: DocumentsResult, m: ReserveMode) => r.reservations.rounds[m].map((x) => x.wallMs);
  const ratio = (r: DocumentsResult, a: ReserveMode, b: ReserveMode) =>
    `${fmt(median(ratios(wall(r, a), wall(r, b))))}×`;
  const p50 = (r: DocumentsResult, xs: (c: CoverageResult) => number[]) => quantile(xs(r.coverage), 0.5);
  const n = results[0]!.reservations.reservations;
  const rows: [string, (r: DocumentsResult) => string][] = [
    [`reservations/s, ${n} in flight`, (r) => fmt(n / (median(wall(r, 'app')) / 1000))],
    ['× the bare upsert (time)', (r) => ratio(r, 'app', 'raw')],
    ["× the service's statements by hand", (r) => ratio(r, 'app', 'rawTx')],
    ['one after another, × all in flight', (r) => ratio(r, 'appSerial', 'app')],
    [
      'coverage page p50, ms',
      (r) => `${fmt(p50(r, (c) => c.http))} (${r.coverage.members.toLocaleString('en-US')} members)`,
    ],
    ['× one hand-written query', (r) => `${fmt(p50(r, (c) => c.http) / p50(r, (c) => c.raw))}×`],
    ["the service's SQL, share of the page", (r) => pct(p50(r, (c) => c.serviceSql) / p50(r, (c) => c.http))],
    ['.xlsx export p50, s', (r) => (r.coverage.xlsx ? secs(median(r.coverage.xlsx.ms)) : '—')],
  ];
  return rows.map(([label, figure]) => [label, ...results.map(figure)]);
}

/** The section's conclusions across back-ends, from the same figures as the tables. */
function documentsSummary(results: readonly DocumentsResult[]): string[] {
  if (results.length === 0) return [];
  return [
    ...table(['', ...results.map((r) => r.backend)], summaryRows(results)),
    '',
    "**What the figures say:** a reservation's cost is mostly outside SQL (HTTP, the session, validation, " +
      "drizzle), and its rate is capped by the sequence row's lock: everything after the upsert (five " +
      'statements and the commit, each a round trip) runs under it, so having many requests in flight buys ' +
      "little. Not measured here, but in the code: the audit chain's advisory lock, taken inside the same " +
      'transaction, is one lock for the whole system, so reservations of different issuers, and every other ' +
      'audited write, queue behind one another too. The coverage page is almost all SQL, and its SQL costs ' +
      'more than one hand-written query because the studied set is built twice (for the counts, then for the ' +
      'first missing names). The slow path is the .xlsx export: it pages through the missing names with a ' +
      'keyset the index cannot use and builds the studied set again for every page (the plan of the page ' +
      'halfway down, below, shows both).',
    '',
  ];
}

/** Section (e), between markers so that a run of this section alone can replace it in an existing file. */
export function renderDocumentsSection(
  results: readonly DocumentsResult[],
  header: string[],
  notes: string[] = [],
) {
  const lines = [
    DOCUMENTS_START,
    '## (e) Documents and dissemination',
    '',
    ...header,
    '',
    'Number reservations: a fresh database with a small generated tree (`generateDataset`, 100',
    'organizations); its top organization (issuer code TW) gets a committee term covering today and an',
    'office account assigned to it, signed in through `POST /api/v1/auth/login`. The app listens on',
    '127.0.0.1 and a `node:http` client in the same process, one keep-alive socket per request in flight,',
    'sends `POST /api/v1/document-numbers` with the session cookie and the CSRF header, all of a round at',
    'once (or one after another); each answer is 201 with its `sequence`. Each round must get exactly the',
    'next numbers of the sequence (n+1…n+200), and at the end `document_numbers` must hold 1…N with no gap',
    'or repeat. Baselines in the same run, on scratch tables in the same database: the bare',
    '`INSERT … ON CONFLICT DO UPDATE SET last_sequence = last_sequence + 1 RETURNING` autocommitted, and the',
    "service's statements written by hand in one transaction (the term lookup, the upsert, the number's row,",
    "the audit chain's advisory lock, its last link and the new one hashed in JavaScript, the term and user",
    "lookup of the answer). On the server both go through the app's own pool with the same number in",
    'flight; on PGlite, which has one connection, one after another. The four rows take turns round by',
    'round in a rotated order; ratios pair round i with round i; latencies are pooled over the rounds.',
    '',
    'Coverage: another fresh database with a registry written by `generateDataset` and `VACUUM ANALYZE`; an',
    'office account on the top organization registers the directive 35-CT/TW (`POST /api/v1/documents`)',
    'and holds a conference studying it that invites every direct child of the top organization',
    '(`POST /api/v1/dissemination-sessions`). Attendance is then written in bulk with one',
    '`INSERT … SELECT` (setup, not timed): of the current members, those whose `hashtext(id)` falls in',
    '70 % of the range are present and 10 % absent with a reason, the rest not recorded; `VACUUM ANALYZE`',
    "again. Timed: the coverage page over the socket; the service's own statements (captured from drizzle",
    'while `documentCoverage` ran for the same actor) sent one after another through the driver; and the',
    'baseline, one hand-written query giving the same counts per direct child:',
    '',
    '```sql',
    'SELECT substr(o.path, length(<top path>) + 1, 36) AS child, sum(c.total) AS total,',
    '       sum(c.studied) AS studied',
    'FROM (SELECT m.organization_id, count(*) AS total, count(st.member_id) AS studied',
    '        FROM members m',
    '        LEFT JOIN (SELECT DISTINCT at.member_id FROM dissemination_attendance at',
    '                   JOIN dissemination_session_documents sd ON sd.session_id = at.session_id',
    "                   WHERE sd.document_id = $1 AND at.status = 'present') st ON st.member_id = m.id",
    "       WHERE m.organization_path LIKE '<top path>%' AND m.status IN ('probationary', 'full')",
    '       GROUP BY 1) c',
    'JOIN organizations o ON o.id = c.organization_id',
    'GROUP BY 1',
    '```',
    '',
    'Of the forms tried while writing it, this was the fastest: grouping the members in one level by the',
    'substring of their own path was no faster on the server and slower on PGlite, where the join then',
    "carries every member's path; `count(*) FILTER (WHERE EXISTS …)` and `FILTER (WHERE m.id IN …)` were",
    'slower on the server. The three take turns request by request after a warm-up; the',
    "API's answer is checked against the baseline's counts organization by organization.",
    '',
    ...notes.map((n) => `> ${n}`),
    ...(notes.length ? [''] : []),
    ...documentsSummary(results),
    ...results.flatMap(documentsBackendSection),
    DOCUMENTS_END,
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

// --------------------------------------------------------------------------------------------------
// (f) The congress dashboard

export const CONGRESS_START = '<!-- bench:congress:start -->';
export const CONGRESS_END = '<!-- bench:congress:end -->';

export const spliceCongressSection = (existing: string, section: string) =>
  spliceSection(existing, section, CONGRESS_START, CONGRESS_END);

const p50 = (xs: readonly number[]) => quantile(xs, 0.5);
const p95 = (xs: readonly number[]) => quantile(xs, 0.95);

const DASHBOARD_LABELS: Record<DashboardVariant, (r: CongressResult) => string> = {
  http: (r) => `\`GET /api/v1/congress-dashboard?organizationId=…&termId=…\` (${fmtBytes(r.responseBytes)})`,
  service: () => '`congressDashboard`, the service function',
  serviceSql: (r) => `the service's ${statements(r.statements.length)}, sent by hand`,
  raw: () => 'hand-written statement (baseline)',
  rawTuned: () =>
    'the same statement, `SET LOCAL jit = off, max_parallel_workers_per_gather = 0` (its own transaction)',
};

/** Tables an EXPLAIN reads through an index, and those it scans whole. */
function planAccess(plan: string) {
  const indexes = [
    ...new Set([...plan.matchAll(/(?:Index|Index Only) Scan using (\S+)/g)].map((m) => m[1]!)),
  ];
  const seq = [...new Set([...plan.matchAll(/Seq Scan on (\S+)/g)].map((m) => m[1]!))];
  return { indexes, seq };
}

const codes = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ');

function accessText(plan: string) {
  const { indexes, seq } = planAccess(plan);
  const parts = [];
  if (indexes.length) parts.push(`reads ${codes(indexes)}`);
  if (seq.length) parts.push(`scans ${codes(seq)} whole`);
  const parallel = /Workers Launched: (\d+)/.exec(plan)?.[1];
  const jit = /JIT:[\s\S]*?Total ([\d.]+) ms/.exec(plan)?.[1];
  if (parallel && Number(parallel) > 0) parts.push(`runs in ${Number(parallel) + 1} processes`);
  if (jit) parts.push(`spends ${fmt(Number(jit))} ms compiling it (JIT)`);
  return `${parts.join(', ')} (${fmt(executionMs(plan))} ms in the plan)`;
}

function dashboardRows(r: CongressResult): string[][] {
  const base = r.series.raw!;
  return DASHBOARD_VARIANTS.filter((k) => r.series[k]).map((k) => {
    const xs = r.series[k]!;
    const baseline = k === 'raw';
    return [
      DASHBOARD_LABELS[k](r),
      fmt(p50(xs)),
      fmt(p95(xs)),
      baseline ? '1× (baseline)' : `${fmt(p50(xs) / p50(base))}×`,
      baseline ? '1× (baseline)' : `${fmt(p95(xs) / p95(base))}×`,
    ];
  });
}

const PHASE_LABELS: Record<HttpPhase, string> = {
  session: 'sending, routing and the session (until the handler may start)',
  handler: 'the handler (`congressDashboard`)',
  serialize: "the route's serializer: zod `safeEncode` of the answer, then `JSON.stringify`",
  write: 'writing the answer to the socket',
  receive: 'the client reading the rest of it',
};

function phaseRows(r: CongressResult): string[][] {
  return HTTP_PHASES.map((k) => [PHASE_LABELS[k], fmt(p50(r.httpPhases[k])), fmt(p95(r.httpPhases[k]))]);
}

/** "add(s) 12.3 ms", or that the difference is lost in the spread when it is not positive. */
const adds = (ms: number, plural = false) => {
  const verb = plural ? 'add' : 'adds';
  return ms > 0 ? `${verb} ${fmt(ms)} ms` : `${verb} nothing measurable at p50`;
};

function dashboardReading(r: CongressResult): string {
  const s = (k: DashboardVariant) => p50(r.series[k] ?? []);
  const orgs = r.statements.find((x) => /left join "committee_terms"/i.test(x.sql));
  const tasks = r.statements.find((x) => /from "congress_tasks"/i.test(x.sql));
  const explainOf = (re: RegExp) => r.explain.find((e) => re.test(e.label));
  const rawPlan = explainOf(/hand-written/);
  const tasksPlan = explainOf(/tasks/);
  const orgsPlan = explainOf(/organizations with/);
  const taskRows = r.seeded.counts.subtreeTasks;
  const parts = [
    `**Reading:** on ${r.backend} the dashboard of ${r.rows.toLocaleString('en-US')} organizations takes ` +
      `${fmt(s('http'))} ms at p50 through the API, ${fmt(s('http') / s('raw'))}× the one hand-written ` +
      `statement (${fmt(s('raw'))} ms). The service function alone takes ${fmt(s('service'))} ms: the ` +
      `request around it (session, checking the ${fmtBytes(r.responseBytes)} answer against its zod schema, ` +
      `JSON over the socket) ${adds(s('http') - s('service'))}, of which the check takes ` +
      `${fmt(p50(r.answer.encode))} ms and \`JSON.stringify\` ${fmt(p50(r.answer.json))} ms when timed alone; ` +
      'its statements sent by hand take ' +
      `${fmt(s('serviceSql'))} ms, so drizzle, the tree order and the states in JavaScript ` +
      `${adds(s('service') - s('serviceSql'), true)}.`,
  ];
  if (orgs && tasks)
    parts.push(
      `Of the service's SQL, the organizations with their plans take ${fmt(p50(orgs.ms))} ms and the tasks ` +
        `${fmt(p50(tasks.ms))} ms: that statement sends every task of the subtree to the app ` +
        `(${taskRows.toLocaleString('en-US')} rows) to be turned into states there, where the hand-written one ` +
        `sends ${r.rows.toLocaleString('en-US')} rows with the states computed in SQL.`,
    );
  if (orgsPlan && tasksPlan && rawPlan)
    parts.push(
      `In the plans below, the organizations statement ${accessText(orgsPlan.plan)}; the tasks statement ` +
        `${accessText(tasksPlan.plan)}; the hand-written one ${accessText(rawPlan.plan)}.`,
    );
  if (r.series.rawTuned) {
    const plan = rawPlan?.plan ?? '';
    const extras = [
      ...(/JIT:/.test(plan)
        ? ["its estimated cost passes the server's `jit_above_cost`, so it is compiled first"]
        : []),
      ...(Number(/Workers Launched: (\d+)/.exec(plan)?.[1] ?? 0) > 0
        ? ['the planner gives it a parallel worker']
        : []),
    ];
    parts.push(
      (extras.length
        ? `Unlike the service's statements, the hand-written one is planned differently here: ${extras.join(', and ')}; `
        : 'The server neither compiles the hand-written statement nor gives it a parallel worker here; ') +
        `with both off for its transaction it takes ${fmt(s('rawTuned'))} ms (the API then at ` +
        `${fmt(s('http') / s('rawTuned'))}× it), on two cores shared with other work.`,
    );
  }
  return parts.join(' ');
}

/** "p50 (min–max)" of whole numbers. */
function countSummary(xs: readonly number[]) {
  const s = summarize(xs);
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  return `${n(s.p50)} (${n(s.min)}–${n(s.max)})`;
}

const LOAD_LABELS: [keyof LoadRun, string][] = [
  ['documentLoaded', 'the HTML document received'],
  ['domContentLoaded', 'the main scripts run (`DOMContentLoaded`)'],
  ['sessionEnd', 'the session checked (`GET /api/v1/auth/me` answered)'],
  ['pageCodeEnd', "the page's own code loaded (its lazy chunks, ECharts among them)"],
  ['apiStart', 'the dashboard request sent'],
  ['apiEnd', 'its answer received'],
  ['rowInDom', 'the first data row in the DOM'],
  ['rowPainted', 'the first data row painted'],
  ['countsPainted', 'the counts painted'],
  ['dataOnScreen', '**data on screen** (row and counts painted)'],
];

function browserSection(r: CongressResult): string[] {
  const b = r.browser;
  if (!b || b.runs.length === 0) return [];
  const load = b.runs.map((x) => x.load);
  const scroll = b.runs.map((x) => x.scroll);
  const sum = (xs: number[]) => fmtSummary(summarize(xs));
  const loadRows = LOAD_LABELS.map(([k, label]) => [label, sum(load.map((x) => x[k] as number))]);
  const scrollRows: [string, number[], boolean][] = [
    ['wall time, ms', scroll.map((x) => x.ms), false],
    ['wheel events', scroll.map((x) => x.wheelEvents), true],
    ['animation frames', scroll.map((x) => x.frames), true],
    ['frame interval p50, ms', scroll.map((x) => x.frameP50), false],
    ['… the page left alone for 1 s just before (baseline)', scroll.map((x) => x.idleP50), false],
    ['frame interval p95, ms', scroll.map((x) => x.frameP95), false],
    ['… left alone (baseline)', scroll.map((x) => x.idleP95), false],
    ['longest frame, ms', scroll.map((x) => x.frameMax), false],
    ['… left alone (baseline)', scroll.map((x) => x.idleMax), false],
    ['frames over 50 ms', scroll.map((x) => x.slowFrames), true],
    ["long animation frames (Chromium's own, ≥ 50 ms)", scroll.map((x) => x.longFrames), true],
    [
      'the longest of those, ms (runs that had one)',
      scroll.filter((x) => x.longFrames > 0).map((x) => x.longestLongFrame),
      false,
    ],
    ['table rows in the DOM, most at once', scroll.map((x) => x.domRowsMax), true],
  ];
  const shown = p50(load.map((x) => x.dataOnScreen));
  const apiEnd = p50(load.map((x) => x.apiEnd));
  const apiStart = p50(load.map((x) => x.apiStart));
  const pageCode = p50(load.map((x) => x.pageCodeEnd));
  const px = p50(scroll.map((x) => x.pixels));
  const fps = 1000 / p50(scroll.map((x) => x.frameP50));
  return [
    `Chromium (${b.chromium}), ${b.runs.length} timed page load${b.runs.length === 1 ? '' : 's'} after an ` +
      `untimed one, each in a fresh context. Checks: the counts shown equal the API's in every run: ` +
      `${yes(load.every((x) => x.countsMatch))}; every scroll reached the last of the ${b.rows.toLocaleString('en-US')} ` +
      `rows: ${yes(scroll.every((x) => x.reachedEnd))}.`,
    '',
    ...table(['from navigation start, ms', 'p50 (min–max)'], loadRows),
    '',
    ...table(
      [`scrolling the table to its last row (${WHEEL_STEP} px a frame)`, 'p50 (min–max)'],
      scrollRows.map(([label, xs, whole]) => [
        label,
        xs.length === 0 ? '—' : whole ? countSummary(xs) : sum(xs),
      ]),
    ),
    '',
    `**Reading:** the data is on screen ${fmt(shown)} ms after navigation start at p50. The dashboard's ` +
      `request goes out only at ${fmt(apiStart)} ms, once the session is checked and the page's code ` +
      `(loaded by then at ${fmt(pageCode)} ms) has run; its answer is in at ${fmt(apiEnd)} ms, and rendering ` +
      `it takes the last ${fmt(shown - apiEnd)} ms. When the page is ready the document holds ` +
      `${Math.round(p50(load.map((x) => x.domElements))).toLocaleString('en-US')} elements and ` +
      `${Math.round(p50(load.map((x) => x.domRows)))} table ` +
      `rows. Scrolling all ${Math.round(px).toLocaleString('en-US')} px to the last row keeps at most ` +
      `${Math.max(...scroll.map((x) => x.domRowsMax))} rows in the DOM (virtualized) and runs at ` +
      `${fmt(fps)} frames/s at the median frame (${fmt(1000 / p50(scroll.map((x) => x.idleP50)))} when the page ` +
      `is left alone), the longest frame ${fmt(p50(scroll.map((x) => x.frameMax)))} ms at p50 over the runs ` +
      `(${fmt(p50(scroll.map((x) => x.idleMax)))} ms left alone).`,
    '',
  ];
}

function congressBackendSection(r: CongressResult): string[] {
  const c = r.seeded.counts;
  const total = STEP_STATUSES.reduce((n, s) => n + r.counts[s], 0);
  const mix = STEP_STATUSES.map(
    (s) => `${s.replace('_', ' ')} ${r.counts[s].toLocaleString('en-US')} (${pct(r.counts[s] / total)})`,
  ).join(', ');
  const k = r.checks;
  return [
    `### ${r.backend}`,
    '',
    `${r.version}.`,
    '',
    `${c.organizations.toLocaleString('en-US')} organizations: the province, ${c.blocs} blocs of ` +
      `${c.below.toLocaleString('en-US')} below each (loaded in ${fmt(r.seeded.ms.organizations)} ms); ` +
      `${c.terms.toLocaleString('en-US')} committee terms, ${c.plans.toLocaleString('en-US')} plans and ` +
      `${c.tasks.toLocaleString('en-US')} tasks in ${secs(r.seeded.ms.rest)} s. The dashboard reads ` +
      `${r.anchorName}: ${r.rows.toLocaleString('en-US')} rows, ${c.subtreePlans.toLocaleString('en-US')} with a ` +
      `plan (${c.noPlan.toLocaleString('en-US')} without, ${c.unscheduled.toLocaleString('en-US')} with no date ` +
      `yet), ${c.subtreeTasks.toLocaleString('en-US')} tasks; its cells on ${TODAY.split('-').reverse().join('/')}: ${mix}. Checks: the ` +
      `${r.seeded.sample.plans} plans made by \`createPlan\` have the tasks the bulk load writes: ` +
      `${yes(r.seeded.sample.sameTasks)}; the hand-written statement's rows equal the API's, organization by ` +
      `organization: ${yes(k.sameRows)} (${k.apiRows.toLocaleString('en-US')} and ` +
      `${k.rawRows.toLocaleString('en-US')} rows${k.differing ? `, ${k.differing} differing` : ''}). ` +
      `${r.series.http?.length ?? 0} timed rounds.`,
    '',
    ...table(
      [
        `dashboard of ${r.rows.toLocaleString('en-US')} organizations × ${r.steps} steps`,
        'p50, ms',
        'p95, ms',
        '× SQL p50',
        '× SQL p95',
      ],
      dashboardRows(r),
    ),
    '',
    ...table(
      ['one request through the API, cut at hooks added to the app', 'p50, ms', 'p95, ms'],
      phaseRows(r),
    ),
    '',
    dashboardReading(r),
    '',
    ...browserSection(r),
    ...r.explain.flatMap((e) => plan(`EXPLAIN ANALYZE on ${r.backend}: ${e.label}`, e.sql, e.plan)),
  ];
}

function congressSummary(results: readonly CongressResult[]): string[] {
  if (results.length === 0) return [];
  const s = (r: CongressResult, k: DashboardVariant, q = p50) => q(r.series[k] ?? []);
  const b = (r: CongressResult, f: (x: BrowserResult['runs'][number]) => number, whole = false) =>
    r.browser?.runs.length
      ? whole
        ? countSummary(r.browser.runs.map(f))
        : fmtSummary(summarize(r.browser.runs.map(f)))
      : '—';
  const rows: [string, (r: CongressResult) => string][] = [
    ['organizations on the dashboard', (r) => r.rows.toLocaleString('en-US')],
    ['API p50 / p95, ms', (r) => `${fmt(s(r, 'http'))} / ${fmt(s(r, 'http', p95))}`],
    ['service function p50 / p95, ms', (r) => `${fmt(s(r, 'service'))} / ${fmt(s(r, 'service', p95))}`],
    [
      "the service's SQL by hand p50 / p95, ms",
      (r) => `${fmt(s(r, 'serviceSql'))} / ${fmt(s(r, 'serviceSql', p95))}`,
    ],
    ['hand-written statement p50 / p95, ms', (r) => `${fmt(s(r, 'raw'))} / ${fmt(s(r, 'raw', p95))}`],
    [
      'API × hand-written, p50 / p95',
      (r) => `${fmt(s(r, 'http') / s(r, 'raw'))}× / ${fmt(s(r, 'http', p95) / s(r, 'raw', p95))}×`,
    ],
    ['service × hand-written, p50', (r) => `${fmt(s(r, 'service') / s(r, 'raw'))}×`],
    ['Chromium: data on screen, ms p50 (min–max)', (r) => b(r, (x) => x.load.dataOnScreen)],
    [
      '… of which waiting for the answer after sending, ms',
      (r) => b(r, (x) => x.load.apiEnd - x.load.apiStart),
    ],
    ['scrolling: longest frame, ms p50 (min–max)', (r) => b(r, (x) => x.scroll.frameMax)],
    ['scrolling: table rows in the DOM, most', (r) => b(r, (x) => x.scroll.domRowsMax, true)],
  ];
  return [
    ...table(
      ['', ...results.map((r) => r.backend)],
      rows.map(([l, f]) => [l, ...results.map(f)]),
    ),
    '',
  ];
}

/** Section (f), between markers so that a run of this section alone can replace it in an existing file. */
export function renderCongressSection(
  results: readonly CongressResult[],
  header: string[],
  notes: string[] = [],
) {
  const lines = [
    CONGRESS_START,
    '## (f) Congress dashboard',
    '',
    ...header,
    '',
    'Rerun this section alone with `npm run bench -- --only=congress` (`-- --only=congress --quick` for a',
    'small version); it rewrites only this part of the file.',
    '',
    'The data: a fresh database per back-end with a province of four blocs (upper-grassroots organizations),',
    'each with the same number of organizations below it, one in twenty a grassroots organization and the',
    'rest its cells, so that the bloc read is a quarter of the tree. Every organization has its 2015–2020 and',
    '2020–2025 committee terms; nine in ten have a 2020–2025 plan with the fifteen tasks of the Chỉ thị',
    '35-CT/TW template, due as `scheduleSteps` counts them back from the congress date on the working',
    'calendar (cells meet from mid-February to March 2020, grassroots organizations from April to June, the',
    'blocs in July and August; one plan in twenty has no date yet). On the business date, 15/03/2020, the',
    'steps due before it are done in nine plans out of ten at nine in ten (the rest at four in ten), a few',
    'skipped, the others overdue; a quarter of those due within ten days are done early. A few plans of the',
    'bloc read (the bloc itself, a grassroots organization, a cell, one without a date) are made through',
    '`createPlan` as an office of the bloc and their tasks compared with what the bulk load writes for the',
    'same plans; the rest go in with `INSERT … SELECT FROM unnest(…)`, then `VACUUM ANALYZE`.',
    '',
    'Timed, in turns round by round after a warm-up:',
    '`GET /api/v1/congress-dashboard?organizationId=<bloc>&termId=<its 2020–2025 term>` over a keep-alive',
    "socket as the bloc's office, signed in through `POST /api/v1/auth/login` (the app in this process, the",
    'business date pinned);',
    '`congressDashboard` called directly with the same actor; its statements (captured from drizzle) sent',
    'one after another through the driver as drizzle sends them (rows as arrays, dates as text); and the',
    'baseline, one hand-written statement giving the same organizations with their plans and the states',
    'of their tasks (on the server also under `SET LOCAL jit = off, max_parallel_workers_per_gather = 0`,',
    'to show what those two features of the server cost it here):',
    '',
    '```sql',
    RAW_DASHBOARD,
    '```',
    '',
    "with `$1` the bloc's path followed by `%`, `$2` the term's name, `$3` the business date. Of the forms",
    'tried while writing it, this was the fastest: a `LEFT JOIN` of the tasks with `array_agg(… ORDER BY',
    "…)` and `GROUP BY` sorts every organization's tasks and was slower on the server, as was a",
    "`LATERAL` join on the template's steps `WITH ORDINALITY`; ordering by the template's keys",
    "(`array_position`) instead of the position adds a sort per organization. The API's rows are checked",
    "against the baseline's organization by organization (name, level, parent, plan, date, length and the",
    'fifteen states); the baseline returns them in name order, the API in tree order. Each request is also',
    "cut into its parts by hooks added to the app after its own (`onRequest`, which runs after the session's",
    "hook, `preSerialization`, `onSend`, `onResponse`), and the two steps of the route's serializer (zod",
    "`safeEncode` against the response schema, `JSON.stringify`) are timed alone on the service's answer.",
    '',
    'Chromium: the web app is built with `vite build` into a temporary directory and served by the same',
    "app (`webDist`); Debian's Chromium runs headless through playwright-core at 1366×768, signs the office",
    'in through the login form once, then opens `/congress-dashboard?organizationId=…&termId=…` in a fresh',
    "context per run (cookies only, no cache). A script injected before the page's own notes, on the page's",
    'clock (0 = navigation start), when the first data row and the counts enter the DOM (a',
    '`MutationObserver`) and when they are painted (a task queued from the next animation frame, which runs',
    "after its paint); the request timings come from the Resource Timing entries. After 1.5 s (the chart's",
    'entrance animation), the table is brought into view, the frames of the page left alone are noted for',
    'one second (the baseline: what the machine and headless Chromium give), then the table is scrolled to',
    `its last row by one wheel event of ${WHEEL_STEP} px (about ten rows; a wheel notch is about 100) dispatched`,
    "on its scroll holder per animation frame, every frame's start noted with the number of table rows in",
    "the DOM, and Chromium's long-animation-frame entries collected.",
    '',
    ...notes.map((n) => `> ${n}`),
    ...(notes.length ? [''] : []),
    ...congressSummary(results),
    ...results.flatMap(congressBackendSection),
    CONGRESS_END,
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
