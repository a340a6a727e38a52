import { createHash } from 'node:crypto';
import http from 'node:http';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../packages/server/src/app.js';
import type { Actor } from '../packages/server/src/auth/policy.js';
import { loadAssignments, SESSION_COOKIE } from '../packages/server/src/auth/sessions.js';
import { type Clock, type Config, loadConfig, makeClock } from '../packages/server/src/config.js';
import { generateDataset } from '../packages/server/src/demo/generate.js';
import type { Ctx } from '../packages/server/src/http/context.js';
import {
  coverageScope,
  documentCoverage,
  missingMembers,
} from '../packages/server/src/modules/dissemination/coverage.js';
import { type Backend, type BackendName, BENCH_PASSWORD, createAccount, settle } from './backend.js';
import { type CapturedQuery, captureQueries, explainAnalyze, inlineParams } from './explain.js';
import { quantile } from './stats.js';

export interface DocumentsOptions {
  /** Timed rounds of reservations, after one untimed round. */
  runs: number;
  /** Reservations per round, all in flight at once through the app. */
  reservations: number;
  /** Dataset whose coverage is read, per back-end. */
  coverage: Record<BackendName, { organizations: number; members: number }>;
  /** Timed coverage requests (after `warmup` untimed ones). */
  requests: number;
  warmup: number;
  /** Timed downloads of the coverage .xlsx (0: none). */
  exports: number;
}

/**
 * How a round of reservations is made: the app with every request in flight at once, the app one request
 * after another, the service's statements written by hand in one transaction, and the bare upsert.
 */
export const RESERVE_MODES = ['app', 'appSerial', 'rawTx', 'raw'] as const;
export type ReserveMode = (typeof RESERVE_MODES)[number];

export interface ReserveRound {
  wallMs: number;
  /** Milliseconds from sending each reservation to its answer, queueing included. */
  latencies: number[];
}

export interface ReservationsResult {
  issuerName: string;
  type: string;
  reservations: number;
  /** Reservations in flight at once in the hand-written rounds (1 on PGlite: one connection). */
  rawConcurrency: number;
  poolSize: number | null;
  rounds: Record<ReserveMode, ReserveRound[]>;
  checks: {
    /** Every round got exactly the next `reservations` numbers, each once. */
    consecutive: boolean;
    failures: number;
    registerRows: number;
    expectedRows: number;
    /** document_numbers holds 1..expectedRows for the sequence, nothing missing or repeated. */
    gapless: boolean;
    lastSequence: number;
  };
}

export interface CoverageResult {
  organizations: number;
  members: number;
  generateMs: number;
  anchorName: string;
  children: number;
  activeMembers: number;
  present: number;
  absent: number;
  /** Milliseconds per request through the app over a socket, session included. */
  http: number[];
  /** The service's own statements sent one after another through the driver. */
  serviceSql: number[];
  /** One hand-written grouped query giving the same counts per direct child. */
  raw: number[];
  statements: number;
  responseBytes: number;
  xlsx: { ms: number[]; bytes: number } | null;
  checks: { sameCounts: boolean; total: number; studied: number; rawTotal: number; rawStudied: number };
  explain: { label: string; sql: string; plan: string }[];
}

export interface DocumentsResult {
  backend: BackendName;
  version: string;
  reservations: ReservationsResult;
  coverage: CoverageResult;
}

// --------------------------------------------------------------------------------------------------
// A client over a real socket: node:http with a keep-alive agent, one socket per request in flight.

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

class Client {
  private readonly agent: http.Agent;
  private readonly headers: Record<string, string> = {};

  constructor(
    private readonly base: URL,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  send(method: string, path: string, body?: unknown): Promise<Reply> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = payload
      ? { ...this.headers, 'content-type': 'application/json', 'content-length': String(payload.length) }
      : this.headers;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        { host: this.base.hostname, port: this.base.port, method, path, agent: this.agent, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
              ms: performance.now() - started,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async json<T>(method: string, path: string, body: unknown, expected: number): Promise<T> {
    const res = await this.send(method, path, body);
    if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${res.body.toString()}`);
    return JSON.parse(res.body.toString()) as T;
  }

  /** Signs in through the login route; later requests carry the session cookie and the CSRF header. */
  async signIn(username: string) {
    const res = await this.send('POST', '/api/v1/auth/login', { username, password: BENCH_PASSWORD });
    const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (res.status !== 200 || !cookie)
      throw new Error(`login ${username}: ${res.status} ${res.body.toString()}`);
    this.headers.cookie = cookie.split(';')[0]!;
    this.headers['x-csrf-token'] = (JSON.parse(res.body.toString()) as { csrfToken: string }).csrfToken;
  }

  close() {
    this.agent.destroy();
  }
}

function benchConfig(clock: Clock): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent' }), webDist: undefined, clock, loginRatePerMinute: 10_000 };
}

type App = Awaited<ReturnType<typeof buildApp>>;

/** The app listening on a free port of 127.0.0.1, with a client signed in as `username`. */
async function serve(backend: Backend, clock: Clock, username: string, sockets: number) {
  const app: App = await buildApp({ config: benchConfig(clock), database: backend.database, logger: false });
  const client = new Client(new URL(await app.listen({ host: '127.0.0.1', port: 0 })), sockets);
  await client.signIn(username);
  return {
    client,
    close: async () => {
      client.close();
      await app.close();
    },
  };
}

/** A committee term of `organizationId` running from two years before today to three years after. */
async function createTerm(backend: Backend, organizationId: string, today: string) {
  const year = Number(today.slice(0, 4));
  const id = uuidv7();
  await backend.query(
    'INSERT INTO committee_terms (id, organization_id, name, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)',
    [id, organizationId, `Nhiệm kỳ ${year - 2}–${year + 3}`, `${year - 2}-10-01`, `${year + 3}-09-30`],
  );
  return id;
}

const daysBefore = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

// --------------------------------------------------------------------------------------------------
// (e1) Number reservations

const TYPE = 'KH';

/** Scratch copies of the three tables a reservation writes, without the app's constraints beyond keys. */
const SCRATCH_TABLES = [
  `CREATE TABLE bench_sequences (issuer_organization_id uuid, term_id uuid, sequence_key text,
    last_sequence int NOT NULL, PRIMARY KEY (issuer_organization_id, term_id, sequence_key))`,
  `CREATE TABLE bench_numbers (id uuid PRIMARY KEY, issuer_organization_id uuid NOT NULL, term_id uuid NOT NULL,
    sequence_key text NOT NULL, type text NOT NULL, sequence int NOT NULL, number text NOT NULL,
    status text NOT NULL, reserved_by uuid, reserved_at timestamptz NOT NULL,
    UNIQUE (issuer_organization_id, term_id, sequence_key, sequence))`,
  `CREATE TABLE bench_audit (seq int PRIMARY KEY, id uuid NOT NULL, occurred_at timestamptz NOT NULL,
    actor_id uuid, action text NOT NULL, entity_id uuid NOT NULL, after jsonb, prev_hash text NOT NULL,
    hash text NOT NULL)`,
];

const UPSERT = `INSERT INTO bench_sequences (issuer_organization_id, term_id, sequence_key, last_sequence)
  VALUES ($1, $2, $3, 1)
  ON CONFLICT (issuer_organization_id, term_id, sequence_key)
  DO UPDATE SET last_sequence = bench_sequences.last_sequence + 1
  RETURNING last_sequence`;

type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** One transaction on a connection of its own (server) or on the one connection (PGlite). */
async function transaction<T>(backend: Backend, work: (q: Query) => Promise<T>): Promise<T> {
  const { pglite, pool } = backend.database;
  if (pglite) return pglite.transaction((tx) => work(async (t, p) => (await tx.query(t, p)).rows as never));
  const client = await pool!.connect();
  try {
    await client.query('BEGIN');
    const value = await work(async (t, p) => (await client.query(t, p)).rows as never);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface Issuer {
  id: string;
  termId: string;
  userId: string;
  today: string;
}

/** The statements of `takeNumber` and `presentWithRefs`, in their order, on the scratch tables. */
async function rawReservation(backend: Backend, issuer: Issuer): Promise<number> {
  return transaction(backend, async (q) => {
    await q(
      `SELECT id, name FROM committee_terms WHERE organization_id = $1 AND starts_on <= $2 AND ends_on >= $2
       ORDER BY starts_on LIMIT 1`,
      [issuer.id, issuer.today],
    );
    const [next] = await q<{ last_sequence: number }>(UPSERT, [issuer.id, issuer.termId, TYPE]);
    const sequence = next!.last_sequence;
    const id = uuidv7();
    await q(
      `INSERT INTO bench_numbers (id, issuer_organization_id, term_id, sequence_key, type, sequence, number,
         status, reserved_by, reserved_at) VALUES ($1, $2, $3, $4, $4, $5, $6, 'reserved', $7, now()) RETURNING *`,
      [id, issuer.id, issuer.termId, TYPE, sequence, `${sequence}-${TYPE}/TW`, issuer.userId],
    );
    // The audit chain's shape: a lock every appender takes, the last link, the new one hashed in JavaScript.
    await q('SELECT pg_advisory_xact_lock(7341972)');
    const [last] = await q<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM bench_audit ORDER BY seq DESC LIMIT 1',
    );
    const after = { number: `${sequence}-${TYPE}/TW`, status: 'reserved' };
    const prev = last?.hash ?? '0'.repeat(64);
    const hash = createHash('sha256')
      .update(`${prev}${id}${JSON.stringify(after)}`)
      .digest('hex');
    await q(
      `INSERT INTO bench_audit (seq, id, occurred_at, actor_id, action, entity_id, after, prev_hash, hash)
       VALUES ($1, $2, now(), $3, 'document_number.take', $4, $5, $6, $7)`,
      [(last?.seq ?? 0) + 1, uuidv7(), issuer.userId, id, JSON.stringify(after), prev, hash],
    );
    await q(
      'SELECT t.id, t.name, u.id AS user_id, u.display_name FROM committee_terms t LEFT JOIN users u ON u.id = $1 WHERE t.id = $2',
      [issuer.userId, issuer.termId],
    );
    return sequence;
  });
}

/** `count` timed calls, all in flight at once or one after another; their answers in order of sending. */
async function round<T>(
  count: number,
  concurrent: boolean,
  call: () => Promise<T>,
): Promise<ReserveRound & { values: T[] }> {
  const latencies: number[] = [];
  const timed = async () => {
    const started = performance.now();
    const value = await call();
    latencies.push(performance.now() - started);
    return value;
  };
  const started = performance.now();
  const values: T[] = [];
  if (concurrent) values.push(...(await Promise.all(Array.from({ length: count }, timed))));
  else for (let i = 0; i < count; i++) values.push(await timed());
  return { wallMs: performance.now() - started, latencies, values };
}

/** Whether `values` are exactly after+1 … after+values.length, in any order. */
const isNextRun = (values: readonly number[], after: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.every((v, i) => v === after + i + 1);
};

interface Reserver {
  mode: ReserveMode;
  /** One reservation: its sequence, or null when the app refused it. */
  call: () => Promise<number | null>;
  concurrent: boolean;
  /** Numbers taken so far from the sequence this reserver draws on (shared by the modes that draw on it). */
  sequence: { taken: number };
}

async function makeIssuer(backend: Backend, clock: Clock) {
  // A small generated tree gives the root its issuer code ("TW") and the audit chain a first event.
  await generateDataset(backend.database, { organizations: 100, members: 1_000, seed: 3 });
  const [root] = await backend.query<{ id: string; name: string }>(
    'SELECT id, name FROM organizations WHERE depth = 0',
  );
  const today = clock.today();
  const termId = await createTerm(backend, root!.id, today);
  const userId = await createAccount(backend, 'bench_office', 'office', root!.id);
  for (const ddl of SCRATCH_TABLES) await backend.query(ddl);
  await settle(backend);
  return { issuer: { id: root!.id, termId, userId, today }, name: root!.name };
}

async function registerCheck(backend: Backend, issuer: Issuer, expected: number) {
  const [r] = await backend.query<{ n: number; lo: number | null; hi: number | null; distinct: number }>(
    `SELECT count(*)::int AS n, min(sequence) AS lo, max(sequence) AS hi, count(DISTINCT sequence)::int AS distinct
     FROM document_numbers WHERE issuer_organization_id = $1 AND term_id = $2 AND sequence_key = $3`,
    [issuer.id, issuer.termId, TYPE],
  );
  const [s] = await backend.query<{ last_sequence: number }>(
    'SELECT last_sequence FROM document_sequences WHERE issuer_organization_id = $1 AND term_id = $2 AND sequence_key = $3',
    [issuer.id, issuer.termId, TYPE],
  );
  const gapless = r!.n === expected && r!.distinct === expected && r!.lo === 1 && r!.hi === expected;
  return { registerRows: r!.n, expectedRows: expected, gapless, lastSequence: s?.last_sequence ?? 0 };
}

function reservers(backend: Backend, issuer: Issuer, client: Client): Reserver[] {
  const body = { issuerOrganizationId: issuer.id, type: TYPE };
  const viaApp = async () => {
    const res = await client.send('POST', '/api/v1/document-numbers', body);
    return res.status === 201 ? (JSON.parse(res.body.toString()) as { sequence: number }).sequence : null;
  };
  const pool = backend.database.pool;
  const upsert = async () =>
    (await backend.query<{ last_sequence: number }>(UPSERT, [issuer.id, issuer.termId, TYPE]))[0]!
      .last_sequence;
  // The app's sequence and the scratch one count separately; the two modes on each share its counter.
  const app = { taken: 0 };
  const scratch = { taken: 0 };
  return [
    { mode: 'app', call: viaApp, concurrent: true, sequence: app },
    { mode: 'appSerial', call: viaApp, concurrent: false, sequence: app },
    { mode: 'rawTx', call: () => rawReservation(backend, issuer), concurrent: !!pool, sequence: scratch },
    { mode: 'raw', call: upsert, concurrent: !!pool, sequence: scratch },
  ];
}

async function reservationsBenchmark(
  backend: Backend,
  opts: DocumentsOptions,
  log: (s: string) => void,
): Promise<ReservationsResult> {
  const clock = makeClock();
  const { issuer, name } = await makeIssuer(backend, clock);
  const server = await serve(backend, clock, 'bench_office', opts.reservations);
  try {
    const all = reservers(backend, issuer, server.client);
    const rounds = Object.fromEntries(RESERVE_MODES.map((m) => [m, [] as ReserveRound[]])) as Record<
      ReserveMode,
      ReserveRound[]
    >;
    let consecutive = true;
    let failures = 0;
    for (let i = 0; i <= opts.runs; i++) {
      // Round 0 warms up (sockets, plans, caches); then the modes take turns in a rotated order.
      const order = all.map((_, k) => all[(i + k) % all.length]!);
      for (const r of order) {
        const { values, ...timing } = await round(opts.reservations, r.concurrent, r.call);
        const got = values.filter((v): v is number => v !== null);
        failures += values.length - got.length;
        consecutive &&= got.length === values.length && isNextRun(got, r.sequence.taken);
        r.sequence.taken += values.length;
        if (i > 0) rounds[r.mode].push(timing);
      }
      if (i > 0)
        log(
          `  run ${i}/${opts.runs}: ${RESERVE_MODES.map((m) => `${m} ${rounds[m].at(-1)!.wallMs.toFixed(0)} ms`).join(', ')}`,
        );
    }
    const appTaken = all.find((r) => r.mode === 'app')!.sequence.taken;
    return {
      issuerName: name,
      type: TYPE,
      reservations: opts.reservations,
      rawConcurrency: backend.database.pool ? opts.reservations : 1,
      poolSize: backend.database.pool?.options.max ?? null,
      rounds,
      checks: { consecutive, failures, ...(await registerCheck(backend, issuer, appTaken)) },
    };
  } finally {
    await server.close();
  }
}

// --------------------------------------------------------------------------------------------------
// (e2) Coverage of one directive

interface CoverageRow {
  organization: { id: string; name: string };
  total: number;
  studied: number;
  own: boolean;
}

interface CoverageAnswer {
  total: number;
  studied: number;
  rows: CoverageRow[];
}

/**
 * The hand-written baseline in one statement: members of the subtree counted per organization against
 * the set of members present at a session that studied the document, then those counts added up to the
 * direct child read off the organization's materialized path (the 36 characters of the uuid after the
 * anchor's path; '' for the anchor's own members). Grouping the members by their own path's substring
 * in one level is no faster on the server and slower on PGlite, whose join then carries every path.
 */
const RAW_COVERAGE = `SELECT substr(o.path, $3::int, 36) AS child,
    sum(c.total)::int AS total, sum(c.studied)::int AS studied
  FROM (SELECT m.organization_id, count(*) AS total, count(st.member_id) AS studied
          FROM members m
          LEFT JOIN (SELECT DISTINCT at.member_id FROM dissemination_attendance at
              JOIN dissemination_session_documents sd ON sd.session_id = at.session_id
             WHERE sd.document_id = $1 AND at.status = 'present') st ON st.member_id = m.id
         WHERE m.organization_path LIKE $2 AND m.status IN ('probationary', 'full')
         GROUP BY 1) c
  JOIN organizations o ON o.id = c.organization_id
  GROUP BY 1`;

interface Anchor {
  id: string;
  name: string;
  path: string;
}

const rawCoverage = (backend: Backend, documentId: string, anchor: Anchor) =>
  backend.query<{ child: string; total: number; studied: number }>(RAW_COVERAGE, [
    documentId,
    `${anchor.path}%`,
    anchor.path.length + 1,
  ]);

/** A directive of the Politburo in the top organization's register, studied at one conference. */
async function directiveAndConference(client: Client, anchor: Anchor, children: string[], today: string) {
  const doc = await client.json<{ id: string }>(
    'POST',
    '/api/v1/documents',
    {
      organizationId: anchor.id,
      direction: 'incoming',
      type: 'CT',
      number: '35-CT/TW',
      issuerName: 'Bộ Chính trị',
      issuedOn: daysBefore(today, 60),
      summary: 'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc của Đảng',
    },
    201,
  );
  const session = await client.json<{ id: string }>(
    'POST',
    '/api/v1/dissemination-sessions',
    {
      organizationId: anchor.id,
      title: 'Hội nghị quán triệt Chỉ thị 35-CT/TW',
      startsAt: `${daysBefore(today, 30)}T08:00:00+07:00`,
      documentIds: [doc.id],
      invitedOrganizationIds: children,
    },
    201,
  );
  return { documentId: doc.id, sessionId: session.id };
}

/**
 * Attendance in bulk (setup, not timed): of the current members, a fixed 70 % present and 10 % absent
 * with a reason, picked by a hash of their id; the rest not recorded.
 */
async function markAttendance(backend: Backend, sessionId: string, userId: string) {
  await backend.query(
    `INSERT INTO dissemination_attendance (session_id, member_id, status, reason, recorded_by, recorded_at)
     SELECT $1, id, CASE WHEN h < 70 THEN 'present' ELSE 'absent' END,
            CASE WHEN h < 70 THEN NULL ELSE 'Đi công tác' END, $2, now()
       FROM (SELECT id, abs(hashtext(id::text)) % 100 AS h FROM members
              WHERE status IN ('probationary', 'full')) x
      WHERE h < 80`,
    [sessionId, userId],
  );
  const [c] = await backend.query<{ present: number; absent: number; active: number }>(
    `SELECT count(*) FILTER (WHERE status = 'present')::int AS present,
            count(*) FILTER (WHERE status = 'absent')::int AS absent,
            (SELECT count(*)::int FROM members WHERE status IN ('probationary', 'full')) AS active
       FROM dissemination_attendance WHERE session_id = $1`,
    [sessionId],
  );
  return c!;
}

/** The API's rows against the hand-written counts: the same organizations with the same figures. */
function compareCounts(api: CoverageAnswer, raw: { child: string; total: number; studied: number }[]) {
  const rawBy = new Map(raw.map((r) => [r.child, r]));
  const sameRows =
    api.rows.length === raw.length &&
    api.rows.every((r) => {
      const x = rawBy.get(r.own ? '' : r.organization.id);
      return x !== undefined && x.total === r.total && x.studied === r.studied;
    });
  const rawTotal = raw.reduce((n, r) => n + r.total, 0);
  const rawStudied = raw.reduce((n, r) => n + r.studied, 0);
  return {
    sameCounts: sameRows && api.total === rawTotal && api.studied === rawStudied,
    total: api.total,
    studied: api.studied,
    rawTotal,
    rawStudied,
  };
}

/** Rows per page of the export's list of missing names (its `BATCH`). */
export const EXPORT_PAGE = 1000;

/**
 * The page of the export's missing names that starts halfway down the registry in name order, as
 * `missingMembers` writes it with its keyset.
 */
async function exportPageQuery(backend: Backend, ctx: Ctx, documentId: string, anchorId: string) {
  const [mid] = await backend.query<{ sort_key: string; id: string }>(
    'SELECT sort_key, id FROM members ORDER BY sort_key, id OFFSET (SELECT count(*) / 2 FROM members) LIMIT 1',
  );
  const captured = await captureQueries(backend, async (db) => {
    const scope = await coverageScope({ ...ctx, db }, anchorId, anchorId);
    await missingMembers(db, documentId, scope, EXPORT_PAGE, [mid!.sort_key, mid!.id]);
  });
  return captured.find((q) => /not in/i.test(q.sql));
}

/** Plans of the grouped counts, of two pages of missing names, and of the hand-written query. */
async function coveragePlans(
  backend: Backend,
  captured: CapturedQuery[],
  raw: CapturedQuery,
  exportPage: CapturedQuery | undefined,
) {
  const pick = (re: RegExp) => captured.find((q) => re.test(q.sql));
  const targets = [
    { label: 'service, the grouped counts per organization (`coverageTree`)', q: pick(/count\(\*\)/) },
    { label: 'service, the first 200 missing names (`missingMembers`)', q: pick(/not in/i) },
    { label: `the .xlsx export, a page of ${EXPORT_PAGE} missing names halfway down`, q: exportPage },
    { label: 'hand-written counts per direct child (baseline)', q: raw },
  ];
  const out: CoverageResult['explain'] = [];
  for (const t of targets)
    if (t.q) out.push({ label: t.label, sql: inlineParams(t.q), plan: await explainAnalyze(backend, t.q) });
  return out;
}

interface Registry {
  anchor: Anchor;
  children: string[];
  officeId: string;
  generated: { organizations: number; members: number; ms: number };
}

/** The generated registry, its top organization with its direct children, and an office account on it. */
async function seedRegistry(
  backend: Backend,
  size: { organizations: number; members: number },
  log: (s: string) => void,
): Promise<Registry> {
  const generated = await generateDataset(backend.database, { ...size, seed: 1 });
  log(
    `  generated ${generated.organizations} organizations, ${generated.members} members in ${(generated.ms / 1000).toFixed(1)} s`,
  );
  const [anchor] = await backend.query<Anchor>('SELECT id, name, path FROM organizations WHERE depth = 0');
  const children = await backend.query<{ id: string }>('SELECT id FROM organizations WHERE parent_id = $1', [
    anchor!.id,
  ]);
  const officeId = await createAccount(backend, 'bench_office', 'office', anchor!.id);
  return { anchor: anchor!, children: children.map((c) => c.id), officeId, generated };
}

/** The directive and its conference through the API, then the attendance in bulk and fresh statistics. */
async function studyDirective(backend: Backend, client: Client, r: Registry, today: string) {
  const { documentId, sessionId } = await directiveAndConference(client, r.anchor, r.children, today);
  const attendance = await markAttendance(backend, sessionId, r.officeId);
  await settle(backend);
  return { documentId, attendance };
}

/** Requests, the service's statements and the hand-written query take turns; p50 and p95 are read later. */
async function timeCoverage(
  opts: DocumentsOptions,
  calls: Record<'http' | 'serviceSql' | 'raw', () => Promise<unknown>>,
) {
  const series = { http: [] as number[], serviceSql: [] as number[], raw: [] as number[] };
  const kinds = Object.keys(series) as (keyof typeof series)[];
  for (let i = 0; i < opts.warmup; i++) for (const k of kinds) await calls[k]();
  for (let i = 0; i < opts.requests; i++) {
    for (const k of kinds.map((_, j) => kinds[(i + j) % kinds.length]!)) {
      const started = performance.now();
      await calls[k]();
      series[k].push(performance.now() - started);
    }
  }
  return series;
}

async function timeExports(client: Client, path: string, runs: number) {
  if (runs === 0) return null;
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= runs; i++) {
    const res = await client.send('GET', path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.body.toString()}`);
    bytes = res.body.length;
    if (i > 0) ms.push(res.ms);
  }
  return { ms, bytes };
}

async function coverageBenchmark(
  backend: Backend,
  size: { organizations: number; members: number },
  opts: DocumentsOptions,
  log: (s: string) => void,
): Promise<CoverageResult> {
  const clock = makeClock();
  const registry = await seedRegistry(backend, size, log);
  const server = await serve(backend, clock, 'bench_office', 4);
  try {
    const client = server.client;
    const s = { ...registry, ...(await studyDirective(backend, client, registry, clock.today())) };
    const path = `/api/v1/documents/${s.documentId}/coverage?organizationId=${s.anchor.id}`;
    const first = await client.send('GET', path);
    if (first.status !== 200) throw new Error(`${path}: ${first.status} ${first.body.toString()}`);
    const answer = JSON.parse(first.body.toString()) as CoverageAnswer;
    const checks = compareCounts(answer, await rawCoverage(backend, s.documentId, s.anchor));
    const actor: Actor = {
      userId: s.officeId,
      username: 'bench_office',
      displayName: 'bench_office',
      mustChangePassword: false,
      assignments: await loadAssignments(backend.database.db, s.officeId),
    };
    const ctx: Ctx = { db: backend.database.db, actor, clock };
    const captured = await captureQueries(backend, (db) =>
      documentCoverage({ ...ctx, db }, s.documentId, s.anchor.id),
    );
    const rawQuery = {
      sql: RAW_COVERAGE,
      params: [s.documentId, `${s.anchor.path}%`, s.anchor.path.length + 1],
    };
    const series = await timeCoverage(opts, {
      http: async () => {
        const res = await client.send('GET', path);
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      },
      serviceSql: async () => {
        for (const q of captured) await backend.query(q.sql, q.params);
      },
      raw: () => rawCoverage(backend, s.documentId, s.anchor),
    });
    const p50 = (k: keyof typeof series) => quantile(series[k], 0.5).toFixed(1);
    log(`  coverage: http p50 ${p50('http')} ms, service SQL ${p50('serviceSql')} ms, raw ${p50('raw')} ms`);
    const xlsx = await timeExports(client, path.replace('/coverage?', '/coverage.xlsx?'), opts.exports);
    if (xlsx) log(`  .xlsx: p50 ${quantile(xlsx.ms, 0.5).toFixed(0)} ms, ${xlsx.bytes} bytes`);
    return {
      organizations: s.generated.organizations,
      members: s.generated.members,
      generateMs: s.generated.ms,
      anchorName: s.anchor.name,
      children: s.children.length,
      activeMembers: s.attendance.active,
      present: s.attendance.present,
      absent: s.attendance.absent,
      ...series,
      statements: captured.length,
      responseBytes: first.body.length,
      xlsx,
      checks,
      explain: await coveragePlans(
        backend,
        captured,
        rawQuery,
        await exportPageQuery(backend, ctx, s.documentId, s.anchor.id),
      ),
    };
  } finally {
    await server.close();
  }
}

/**
 * (e) Documents and dissemination: concurrent reservations of one issuer's numbers through the API
 * against the bare upsert, and the study coverage of one directive over a large registry against one
 * hand-written grouped query.
 */
export async function documentsBenchmark(
  backendName: BackendName,
  withFresh: <T>(work: (b: Backend) => Promise<T>) => Promise<T>,
  opts: DocumentsOptions,
  log: (s: string) => void,
): Promise<DocumentsResult> {
  let version = '';
  const reservations = await withFresh((b) => {
    version = b.version;
    return reservationsBenchmark(b, opts, log);
  });
  const coverage = await withFresh((b) => coverageBenchmark(b, opts.coverage[backendName], opts, log));
  return { backend: backendName, version, reservations, coverage };
}
