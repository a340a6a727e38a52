import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Backend, type BackendName, openPglite, openServer, serverReachable } from './backend.js';
import { type BackupBenchOptions, type BackupBenchResult, backupBenchmark } from './backup.js';
import { type CongressOptions, type CongressResult, congressBenchmark } from './congress.js';
import { buildWeb, chromiumVersion, type WebBuild } from './congress-browser.js';
import { type DocumentsOptions, type DocumentsResult, documentsBenchmark } from './documents.js';
import { type HttpOptions, type HttpResult, httpBenchmark } from './http.js';
import { type MembersOptions, type MembersResult, membersBenchmark } from './members.js';
import { type QueryOptions, type QueryResult, queryBenchmark } from './query.js';
import {
  renderCongressSection,
  renderDocumentsSection,
  renderMembersSection,
  renderReport,
  spliceCongressSection,
  spliceDocumentsSection,
  spliceMembersSection,
} from './report.js';

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'pg-url': { type: 'string', default: DEFAULT_PG_URL },
    out: { type: 'string' },
    only: { type: 'string' },
    'import-rows': { type: 'string' },
    'browser-runs': { type: 'string' },
  },
});
const quick = flags.quick === true;
const pgUrl = flags['pg-url'] ?? DEFAULT_PG_URL;
const outFile = path.resolve(
  flags.out ?? path.join(import.meta.dirname, quick ? '.tmp/RESULTS.quick.md' : 'RESULTS.md'),
);

const httpOptions: HttpOptions = quick
  ? { runs: 3, seconds: 1, warmupSeconds: 1, connections: 10, probeIterations: 50 }
  : { runs: 5, seconds: 5, warmupSeconds: 2, connections: 10, probeIterations: 200 };
const queryOptions: QueryOptions = quick
  ? { samples: 3, iterations: 50, warmup: 20 }
  : { samples: 5, iterations: 200, warmup: 100 };
const backupOptions: BackupBenchOptions = { runs: quick ? 3 : 5 };
/** Sections that run alone and rewrite only their own part of the file. */
const ALONE = ['members', 'documents', 'congress'] as const;
type Alone = (typeof ALONE)[number];
const only = flags.only as Alone | undefined;
if (only !== undefined && !ALONE.includes(only))
  throw new Error(`--only=${only}: the sections that run alone are ${ALONE.join(', ')}`);
const runs = (section: Alone) => only === undefined || only === section;
const importRows = flags['import-rows'] ? Number(flags['import-rows']) : quick ? 5_000 : 100_000;
const membersOptions: MembersOptions = quick
  ? {
      runs: 1,
      importRows,
      importOrganizations: 200,
      search: {
        PGlite: { organizations: 1_000, members: 10_000 },
        'PostgreSQL server': { organizations: 5_000, members: 50_000 },
      },
      requests: 20,
      warmup: 5,
    }
  : {
      runs: 3,
      importRows,
      importOrganizations: 2_000,
      search: {
        PGlite: { organizations: 5_000, members: 100_000 },
        'PostgreSQL server': { organizations: 50_000, members: 1_000_000 },
      },
      requests: 100,
      warmup: 10,
    };
const documentsOptions: DocumentsOptions = quick
  ? {
      runs: 2,
      reservations: 200,
      coverage: {
        PGlite: { organizations: 1_000, members: 20_000 },
        'PostgreSQL server': { organizations: 2_000, members: 50_000 },
      },
      requests: 10,
      warmup: 3,
      exports: 1,
    }
  : {
      runs: 5,
      reservations: 200,
      coverage: {
        PGlite: { organizations: 5_000, members: 250_000 },
        'PostgreSQL server': { organizations: 5_000, members: 250_000 },
      },
      requests: 30,
      warmup: 5,
      exports: 2,
    };
const browserRuns = flags['browser-runs'] ? Number(flags['browser-runs']) : quick ? 1 : 5;
const congressOptions: Omit<CongressOptions, 'webDist'> = quick
  ? {
      organizations: { PGlite: 100, 'PostgreSQL server': 500 },
      blocs: 4,
      requests: 5,
      warmup: 2,
      browserRuns,
    }
  : {
      organizations: { PGlite: 500, 'PostgreSQL server': 5_000 },
      blocs: 4,
      requests: 30,
      warmup: 5,
      browserRuns,
    };
const congressSettings =
  `${congressOptions.requests} timed rounds after ${congressOptions.warmup} warm-up ones; ` +
  (browserRuns > 0
    ? `${browserRuns} timed page load${browserRuns === 1 ? '' : 's'} and scroll${browserRuns === 1 ? '' : 's'} in Chromium after an untimed one`
    : 'no Chromium');
const documentsSettings =
  `${documentsOptions.runs} timed rounds of ${documentsOptions.reservations} reservations per row; ` +
  `${documentsOptions.requests} timed coverage requests after ${documentsOptions.warmup} warm-up ones; ` +
  `${documentsOptions.exports} timed .xlsx download${documentsOptions.exports === 1 ? '' : 's'}`;
const membersSettings =
  `${membersOptions.runs} run${membersOptions.runs === 1 ? '' : 's'} per import format of ` +
  `${membersOptions.importRows.toLocaleString('en-US')} rows; ${membersOptions.requests} timed requests ` +
  `after ${membersOptions.warmup} warm-up ones per list or search target`;

const log = (s: string) => process.stderr.write(`${s}\n`);

/** Back-ends still open, so that an interrupted run still drops its server databases. */
const open = new Set<Backend>();
/** The web app built for section (f), removed at the end. */
let web: WebBuild | null = null;
process.once('SIGINT', () => {
  log('interrupted: closing databases');
  web?.remove();
  void Promise.allSettled([...open].map((b) => b.close())).then(() => process.exit(130));
});

async function withBackend<T>(opener: () => Promise<Backend>, work: (b: Backend) => Promise<T>): Promise<T> {
  const backend = await opener();
  open.add(backend);
  try {
    return await work(backend);
  } finally {
    open.delete(backend);
    await backend.close();
  }
}

/** Says so when PGlite reads a smaller registry than the server, so its figures are not compared as equals. */
function documentsNotes(): string[] {
  const { PGlite: small, 'PostgreSQL server': big } = documentsOptions.coverage;
  if (small.members >= big.members) return [];
  return [
    `PGlite's coverage reads ${small.members.toLocaleString('en-US')} members in ` +
      `${small.organizations.toLocaleString('en-US')} organizations, the server's ` +
      `${big.members.toLocaleString('en-US')} in ${big.organizations.toLocaleString('en-US')}.`,
  ];
}

/** What section (f) leaves out or sizes differently per back-end, said beside its figures. */
function congressNotes(skipped: string[]): string[] {
  const { PGlite: small, 'PostgreSQL server': big } = congressOptions.organizations;
  return [
    ...skipped,
    ...(browserRuns === 0 ? ['Chromium was left out (`--browser-runs=0`).'] : []),
    ...(small < big
      ? [
          `PGlite's dashboard reads ${small.toLocaleString('en-US')} organizations below the bloc, the ` +
            `server's ${big.toLocaleString('en-US')}: compare each back-end with its own baseline, not with the other.`,
        ]
      : []),
  ];
}

function redact(url: string) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function main() {
  const started = performance.now();
  // Other work on a shared machine shows in the figures; its load is recorded beside them.
  const loadAtStart = os.loadavg()[0]!;
  const openers: { name: string; open: () => Promise<Backend> }[] = [{ name: 'PGlite', open: openPglite }];
  const skipped: string[] = [];
  const unreachable = await serverReachable(pgUrl);
  if (unreachable) {
    skipped.push(`PostgreSQL server at ${redact(pgUrl)} did not answer (${unreachable}).`);
    log(`skipping the server: ${unreachable}`);
  } else openers.push({ name: 'PostgreSQL server', open: () => openServer(pgUrl) });

  const versions: Record<string, string> = {};
  const loadMethods: Record<string, string> = {};
  const http: HttpResult[] = [];
  const query: QueryResult[] = [];
  const backup: BackupBenchResult[] = [];
  const members: MembersResult[] = [];
  const documents: DocumentsResult[] = [];
  const congress: CongressResult[] = [];
  const congressLoad = { start: 0, max: 0, end: 0 };
  if (runs('congress') && browserRuns > 0) {
    log('(f) building the web app for Chromium');
    web = await buildWeb(log);
  }
  for (const { name, open: opener } of openers) {
    if (only === undefined) {
      log(`(a) HTTP on ${name}`);
      http.push(
        await withBackend(opener, (b) => {
          versions[b.name] = b.version;
          loadMethods[b.name] = b.loadMethod;
          return httpBenchmark(b, httpOptions, log);
        }),
      );
      log(`(b) subtree query on ${name}`);
      query.push(await withBackend(opener, (b) => queryBenchmark(b, queryOptions, log)));
      log(`(c) backups and files on ${name}`);
      backup.push(await withBackend(opener, (b) => backupBenchmark(b, backupOptions, log)));
    }
    const withFresh = <T>(work: (b: Backend) => Promise<T>) => withBackend(opener, work);
    if (runs('members')) {
      log(`(d) member registry on ${name}`);
      members.push(await membersBenchmark(name as BackendName, withFresh, membersOptions, log));
    }
    if (runs('documents')) {
      log(`(e) documents and dissemination on ${name}`);
      documents.push(await documentsBenchmark(name as BackendName, withFresh, documentsOptions, log));
    }
    if (runs('congress')) {
      log(`(f) congress dashboard on ${name}`);
      const load = () => os.loadavg()[0]!;
      if (congress.length === 0) congressLoad.start = load();
      // The load is sampled while the section runs: other work on the machine shows in its figures.
      const sampler = setInterval(() => {
        congressLoad.max = Math.max(congressLoad.max, load());
      }, 5_000);
      try {
        congress.push(
          await congressBenchmark(
            name as BackendName,
            withFresh,
            { ...congressOptions, webDist: web?.dir ?? null },
            log,
          ),
        );
      } finally {
        clearInterval(sampler);
      }
      congressLoad.end = load();
      congressLoad.max = Math.max(congressLoad.max, congressLoad.start, congressLoad.end);
    }
  }
  web?.remove();

  const command = [
    'npm run bench',
    ...(quick || pgUrl !== DEFAULT_PG_URL ? ['--'] : []),
    ...(quick ? ['--quick'] : []),
    ...(pgUrl !== DEFAULT_PG_URL ? [`--pg-url=${redact(pgUrl)}`] : []),
  ].join(' ');
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
  const runLine = (settings: string) =>
    `Run: ${new Date().toISOString()}, \`${command}${only ? `${quick || pgUrl !== DEFAULT_PG_URL ? '' : ' --'} --only=${only}` : ''}\`, ` +
    `${((performance.now() - started) / 60_000).toFixed(1)} min; ${settings}.`;
  const membersSection = renderMembersSection(members, [runLine(membersSettings)], skipped);
  const documentsSection = renderDocumentsSection(
    documents,
    [
      runLine(documentsSettings),
      '',
      `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB memory, ` +
        `${machine.os}; Node.js ${process.version}; 1-minute load average ${loadAtStart.toFixed(1)} at the ` +
        `start, ${os.loadavg()[0]!.toFixed(1)} at the end.`,
    ],
    [...skipped, ...documentsNotes()],
  );
  const congressSection = renderCongressSection(
    congress,
    [
      runLine(congressSettings),
      '',
      `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB memory, ` +
        `${machine.os}; Node.js ${process.version}; ${congress.map((r) => `${r.backend}: ${r.version}`).join('; ')}` +
        `${web ? `; ${await chromiumVersion()}; the web app built in ${(web.ms / 1000).toFixed(1)} s` : ''}. ` +
        `1-minute load average while this section ran (sampled every 5 s): ${congressLoad.start.toFixed(2)} at ` +
        `its start, ${congressLoad.max.toFixed(2)} at most, ${congressLoad.end.toFixed(2)} at its end; the ` +
        `run's own processes (this one, with the app and its database, and Chromium's) count in it.`,
    ],
    congressNotes(skipped),
  );
  if (only !== undefined) {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    const existing = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
    const alone = {
      members: { letter: 'd', splice: spliceMembersSection, section: membersSection },
      documents: { letter: 'e', splice: spliceDocumentsSection, section: documentsSection },
      congress: { letter: 'f', splice: spliceCongressSection, section: congressSection },
    }[only];
    fs.writeFileSync(outFile, alone.splice(existing, alone.section));
    log(`wrote section (${alone.letter}) into ${path.relative(process.cwd(), outFile)}`);
    return;
  }
  const report = renderReport({
    date: new Date(),
    machine,
    node: process.version,
    versions,
    command,
    quick,
    settings:
      `HTTP: ${httpOptions.runs} runs × ${httpOptions.seconds} s per target after a ${httpOptions.warmupSeconds} s ` +
      `warm-up, ${httpOptions.connections} connections; queries: ${queryOptions.samples} samples × ` +
      `${queryOptions.iterations} iterations after ${queryOptions.warmup} warm-up calls per variant; ` +
      `backups and files: ${backupOptions.runs} runs per step after one warm-up call`,
    wallSeconds: (performance.now() - started) / 1000,
    loadMethods,
    http,
    query,
    backup,
    skipped,
  });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(
    outFile,
    spliceCongressSection(
      spliceDocumentsSection(spliceMembersSection(report, membersSection), documentsSection),
      congressSection,
    ),
  );
  log(
    `wrote ${path.relative(process.cwd(), outFile)} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

main().catch(async (error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  web?.remove();
  await Promise.allSettled([...open].map((b) => b.close()));
  process.exit(1);
});
