import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { BENCH_PASSWORD } from './backend.js';
import { quantile } from './stats.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const VIEWPORT = { width: 1366, height: 768 };
/** Pixels per wheel event while scrolling the table: about ten rows, one event per animation frame. */
export const WHEEL_STEP = 400;

/** The web app built into a temporary directory (never packages/web/dist, which others serve). */
export interface WebBuild {
  dir: string;
  ms: number;
  remove(): void;
}

export async function buildWeb(log: (s: string) => void): Promise<WebBuild> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-bench-web-'));
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      'npx',
      ['vite', 'build', 'packages/web', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 && fs.existsSync(path.join(dir, 'index.html'))
        ? resolve()
        : reject(new Error(`vite build exited ${code}: ${err}`)),
    );
  });
  const ms = performance.now() - started;
  log(`  web app built into ${dir} in ${(ms / 1000).toFixed(1)} s`);
  return { dir, ms, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function chromiumVersion(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', () => resolve('unknown'));
    child.on('close', () => resolve(out.trim() || 'unknown'));
  });
}

/** Debian's Chromium, headless, with the flags the e2e journeys use. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Runs in the page before its own scripts. It notes, on the page's clock (0 = navigation start), when the
 * first data row and the counts enter the DOM (a MutationObserver) and when they are painted (the end of
 * the next animation frame: a task queued from its requestAnimationFrame callback runs after the frame's
 * style, layout and paint), collects long animation frames, and offers `scroll`.
 */
const PROBE = `(() => {
  const marks = {};
  const painted = (k) => requestAnimationFrame(() => setTimeout(() => { marks[k + 'Painted'] = performance.now(); }, 0));
  const state = { marks, long: [], frames: [], recording: false };
  window.__congressBench = state;
  const rowSel = '.dh-congress-table .ant-table-row[data-row-key]';
  const check = () => {
    if (marks.row === undefined && document.querySelector(rowSel)) { marks.row = performance.now(); painted('row'); }
    if (marks.counts === undefined && document.querySelector('.dh-congress-count-value')) {
      marks.counts = performance.now(); painted('counts');
    }
    if (marks.row !== undefined && marks.counts !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.long.push([e.startTime, e.duration, e.blockingDuration || 0]);
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  // The frames of a page left alone for \`ms\`: what this machine and headless Chromium give without work.
  state.idleFrames = (ms) => new Promise((resolve) => {
    const frames = [];
    const started = performance.now();
    const tick = (t) => {
      frames.push(t);
      if (performance.now() - started >= ms) resolve(frames);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const holderSel = '.dh-congress-table .ant-table-tbody-virtual-holder';
  // Scrolls the table to its end: one wheel event of \`step\` pixels on the table's scroll holder per
  // animation frame, every frame's start time and the table rows in the DOM noted, until the holder is at
  // its bottom (then two more frames, so that the last rows are rendered and counted).
  state.scroll = (step, lastKey, timeoutMs) => new Promise((resolve) => {
    const holder = document.querySelector(holderSel);
    const frames = [];
    const longFrom = state.long.length;
    const started = performance.now();
    let events = 0;
    let after = -1;
    const tick = (t) => {
      frames.push([t, document.querySelectorAll(rowSel).length]);
      const atEnd = holder.scrollTop + holder.clientHeight >= holder.scrollHeight - 1;
      if (atEnd && after < 0) after = 2;
      if (after === 0 || performance.now() - started > timeoutMs) {
        const rows = [...document.querySelectorAll(rowSel)];
        resolve({ ms: performance.now() - started, events, frames, top: holder.scrollTop, height: holder.scrollHeight,
          rows: rows.length, last: rows.some((r) => r.getAttribute('data-row-key') === lastKey),
          long: state.long.slice(longFrom) });
        return;
      }
      if (after > 0) after--;
      else {
        holder.dispatchEvent(new WheelEvent('wheel', { deltaY: step, deltaMode: 0, bubbles: true, cancelable: true }));
        events++;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})();`;

interface PageMarks {
  row: number;
  rowPainted: number;
  counts: number;
  countsPainted: number;
  navigationResponseEnd: number;
  domContentLoaded: number;
  apiStart: number;
  apiResponseEnd: number;
  apiBytes: number;
  sessionEnd: number;
  pageCodeEnd: number;
  longFrames: [number, number, number][];
  domElements: number;
  domRows: number;
  countsText: string[];
}

export interface LoadRun {
  /** Milliseconds from navigation start (the page's clock). */
  documentLoaded: number;
  domContentLoaded: number;
  /** The session's check (`GET /api/v1/auth/me`) answered; the page's own code (loaded after it) in. */
  sessionEnd: number;
  pageCodeEnd: number;
  apiStart: number;
  apiEnd: number;
  apiBytes: number;
  rowInDom: number;
  rowPainted: number;
  countsPainted: number;
  /** Both the first row and the counts painted. */
  dataOnScreen: number;
  /** Long animation frames (≥ 50 ms) up to that moment, and their longest. */
  longFrames: number;
  longestFrame: number;
  /** Elements in the whole document, and table rows, once the data is on screen. */
  domElements: number;
  domRows: number;
  /** The counts shown equal the API's. */
  countsMatch: boolean;
}

export interface ScrollRun {
  /** Frame intervals of the page left alone for a second just before, milliseconds: the baseline. */
  idleP50: number;
  idleP95: number;
  idleMax: number;
  ms: number;
  wheelEvents: number;
  pixels: number;
  /** Intervals between consecutive animation frames while scrolling, milliseconds. */
  frameP50: number;
  frameP95: number;
  frameMax: number;
  frames: number;
  /** Frames longer than 50 ms, and the long animation frames Chromium reported while scrolling. */
  slowFrames: number;
  longFrames: number;
  longestLongFrame: number;
  domRowsMax: number;
  domRowsEnd: number;
  /** The table's last row is in the DOM at the end. */
  reachedEnd: boolean;
}

export interface BrowserResult {
  chromium: string;
  runs: { load: LoadRun; scroll: ScrollRun }[];
  rows: number;
}

type Eval = <T>(expression: string) => Promise<T>;

/** Signs the office in through the login form once; later contexts start with its cookies. */
async function signIn(browser: Browser, base: string, username: string) {
  const context = await browser.newContext({ baseURL: base, viewport: VIEWPORT, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(BENCH_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/organizations', { timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

const formatted = (n: number) => n.toLocaleString('vi-VN');

async function loadOnce(
  context: BrowserContext,
  url: string,
  expectedCounts: number[],
): Promise<{ load: LoadRun; evaluate: Eval; close: () => Promise<void> }> {
  const page = await context.newPage();
  await page.addInitScript({ content: PROBE });
  const evaluate: Eval = (expression) => page.evaluate(expression) as never;
  await page.goto(url, { waitUntil: 'commit' });
  // A function, not a string: the app's Content Security Policy forbids evaluating strings in the page.
  await page.waitForFunction(
    () => {
      const marks = (globalThis as unknown as { __congressBench?: { marks: Record<string, number> } })
        .__congressBench?.marks;
      return marks?.rowPainted !== undefined && marks.countsPainted !== undefined;
    },
    undefined,
    { timeout: 120_000, polling: 50 },
  );
  const m = await evaluate<PageMarks>(`(() => {
    const s = window.__congressBench;
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const api = resources.find((e) => e.name.includes('/api/v1/congress-dashboard?'));
    const me = resources.find((e) => e.name.endsWith('/api/v1/auth/me'));
    return {
      ...s.marks,
      navigationResponseEnd: nav ? nav.responseEnd : NaN,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
      apiStart: api ? api.startTime : NaN,
      apiResponseEnd: api ? api.responseEnd : NaN,
      apiBytes: api ? api.encodedBodySize : NaN,
      sessionEnd: me ? me.responseEnd : NaN,
      pageCodeEnd: Math.max(...resources.filter((e) => me && e.startTime > me.startTime && e.name.includes('/assets/') && e.name.endsWith('.js')).map((e) => e.responseEnd)),
      longFrames: s.long.slice(),
      domElements: document.getElementsByTagName('*').length,
      domRows: document.querySelectorAll('.dh-congress-table .ant-table-row[data-row-key]').length,
      countsText: [...document.querySelectorAll('.dh-congress-count-value')].map((e) => e.textContent),
    };
  })()`);
  const shown = Math.max(m.rowPainted, m.countsPainted);
  const before = m.longFrames.filter(([start]) => start <= shown);
  const load: LoadRun = {
    documentLoaded: m.navigationResponseEnd,
    domContentLoaded: m.domContentLoaded,
    sessionEnd: m.sessionEnd,
    pageCodeEnd: m.pageCodeEnd,
    apiStart: m.apiStart,
    apiEnd: m.apiResponseEnd,
    apiBytes: m.apiBytes,
    rowInDom: m.row,
    rowPainted: m.rowPainted,
    countsPainted: m.countsPainted,
    dataOnScreen: shown,
    longFrames: before.length,
    longestFrame: Math.max(0, ...before.map(([, d]) => d)),
    domElements: m.domElements,
    domRows: m.domRows,
    countsMatch:
      [...m.countsText].sort().join() === expectedCounts.map(formatted).sort().join() &&
      m.countsText.length === expectedCounts.length,
  };
  return { load, evaluate, close: () => page.close() };
}

/** Scrolls the virtual table from its first row to its last inside the page (the probe's `scroll`). */
async function scrollToEnd(
  context: BrowserContext,
  evaluate: Eval,
  lastKey: string,
  timeoutMs: number,
): Promise<ScrollRun> {
  const page = context.pages().at(-1)!;
  // At 1366×768 the table starts below the fold: bring it into view first, as a reader would.
  await page.locator('.dh-congress-table .ant-table-tbody-virtual-holder').scrollIntoViewIfNeeded();
  const idle = await evaluate<number[]>('window.__congressBench.idleFrames(1000)');
  const idleGaps = idle.slice(1).map((t, i) => t - idle[i]!);
  const r = await evaluate<{
    ms: number;
    events: number;
    frames: [number, number][];
    top: number;
    height: number;
    rows: number;
    last: boolean;
    long: [number, number, number][];
  }>(`window.__congressBench.scroll(${WHEEL_STEP}, ${JSON.stringify(lastKey)}, ${timeoutMs})`);
  const gaps = r.frames.slice(1).map(([t], i) => t - r.frames[i]![0]);
  return {
    idleP50: quantile(idleGaps, 0.5),
    idleP95: quantile(idleGaps, 0.95),
    idleMax: Math.max(0, ...idleGaps),
    ms: r.ms,
    wheelEvents: r.events,
    pixels: r.top,
    frameP50: quantile(gaps, 0.5),
    frameP95: quantile(gaps, 0.95),
    frameMax: Math.max(0, ...gaps),
    frames: r.frames.length,
    slowFrames: gaps.filter((g) => g > 50).length,
    longFrames: r.long.length,
    longestLongFrame: Math.max(0, ...r.long.map(([, d]) => d)),
    domRowsMax: Math.max(0, ...r.frames.map(([, n]) => n)),
    domRowsEnd: r.rows,
    reachedEnd: r.last,
  };
}

/**
 * The dashboard in Chromium, `runs` times, each in a fresh context (no HTTP cache) signed in with the
 * office's cookies: navigation to `path`, the data on screen, then the table scrolled to its last row.
 */
export async function dashboardInChromium(opts: {
  base: string;
  path: string;
  username: string;
  runs: number;
  rows: number;
  lastKey: string;
  counts: number[];
  log: (s: string) => void;
}): Promise<BrowserResult> {
  const browser = await launch();
  try {
    const storageState = await signIn(browser, opts.base, opts.username);
    const runs: BrowserResult['runs'] = [];
    for (let i = 0; i <= opts.runs; i++) {
      const context = await browser.newContext({
        baseURL: opts.base,
        viewport: VIEWPORT,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        storageState,
      });
      try {
        const { load, evaluate } = await loadOnce(context, opts.path, opts.counts);
        // Let the chart's entrance animation end before scrolling.
        await evaluate('new Promise((r) => setTimeout(r, 1500))');
        const scroll = await scrollToEnd(context, evaluate, opts.lastKey, 180_000);
        // Run 0 warms up the server's statements and Chromium's own caches; it is not kept.
        if (i > 0) runs.push({ load, scroll });
        opts.log(
          `  ${i === 0 ? 'warm-up' : `run ${i}/${opts.runs}`}: data on screen ${load.dataOnScreen.toFixed(0)} ms ` +
            `(API answered at ${load.apiEnd.toFixed(0)} ms); scroll ${(scroll.ms / 1000).toFixed(1)} s, ` +
            `${scroll.frames} frames, longest ${scroll.frameMax.toFixed(0)} ms, ≤ ${scroll.domRowsMax} rows in the DOM, ` +
            `end reached: ${scroll.reachedEnd}`,
        );
      } finally {
        await context.close();
      }
    }
    return { chromium: await chromiumVersion(), runs, rows: opts.rows };
  } finally {
    await browser.close();
  }
}
