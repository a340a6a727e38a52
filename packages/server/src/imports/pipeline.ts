import { PassThrough, type Readable } from 'node:stream';
import { foldVietnamese } from '@daihoi/core';
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { recordAudit } from '../audit/service.js';
import { type Action, type Actor, can, canAnywhere, isAdmin } from '../auth/policy.js';
import type { Clock } from '../config.js';
import type { Db, DbOrTx, Tx } from '../db/client.js';
import { newId } from '../db/columns.js';
import { inTransaction } from '../db/tx.js';
import type { Ctx } from '../http/context.js';
import { AppError, badRequest, forbidden, notFound } from '../http/errors.js';
import { cleanFileName, sha256Hex } from '../modules/files/content.js';
import type { IncomingFile } from '../modules/files/service.js';
import { findVisible } from '../modules/organizations/service.js';
import { organizations } from '../modules/organizations/tables.js';
import { type Cell, cellText, HELP_SHEET_NAME, isProblem, openSource, type RowSource } from './sources.js';
import { importJobs, importRows } from './tables.js';

/**
 * The import pipeline every importer shares: upload (.xlsx or .csv, real type checked) → every row parsed
 * and validated in the background, stored in import_rows → preview with counts and errors (also as .xlsx)
 * → confirm: one transaction writes the new and changed rows. An importer says what its columns are, how a
 * row becomes a record, how records compare with what is stored, and how they are written.
 */

// ---------------------------------------------------------------------------------------------------
// The importer's side

export interface ImportColumn {
  /** The record field the column fills. */
  key: string;
  /** The Vietnamese header, as in the template. */
  header: string;
  /** The column must be in the file (its cells may still be blank where the importer allows). */
  required: boolean;
  /** The template's example row. */
  example: string;
  /** How to fill the column, for the template's "Hướng dẫn" sheet. */
  help: string;
  /** `text` keeps leading zeros in the template (card and phone numbers); `date` marks a dd/mm/yyyy column. */
  format?: 'text' | 'date';
}

/** A problem with one row; `field` is a column key ('' for the row as a whole). */
export interface RowError {
  field: string;
  message: string;
}

export type Verdict = 'new' | 'changed' | 'unchanged' | 'rejected';

export interface ImportScope {
  id: string;
  path: string;
  code: string;
  name: string;
}

/** What every step of a run knows. */
export interface JobContext {
  importId: string;
  actor: Actor;
  /** The business date. */
  today: string;
  now: Date;
  /** The organization the importer chose; every row must fall inside its subtree. */
  organization: ImportScope;
}

/** Parsing and classifying also know the file's columns, the row at hand and the importer's running state. */
export interface ParseContext<State> extends JobContext {
  /** Keys of the columns the file has: an absent column leaves stored values as they are. */
  present: ReadonlySet<string>;
  /** The spreadsheet row being parsed. */
  row: number;
  /** The importer's own state across the whole file (e.g. the keys seen so far, for duplicates). */
  state: State;
}

export interface ParseResult<Row> {
  data?: Row;
  errors: RowError[];
}

export interface ParsedRow<Row> {
  row: number;
  data: Row;
}

export interface Classification<Row> {
  action: Verdict;
  /** The stored record a `changed` or `unchanged` row matches. */
  targetId?: string | null;
  /** The record to write, when it differs from the parsed one (e.g. merged with the stored record). */
  data?: Row;
  /** Why a row is `rejected`. */
  errors?: RowError[];
}

export interface CommitRow<Row> {
  row: number;
  action: 'new' | 'changed';
  data: Row;
  targetId: string | null;
}

export interface Importer<Row, State = undefined> {
  /** Stored in import_jobs.kind: 'members', later 'ratings', 'pledges'… */
  kind: string;
  /** The policy action that allows the import into an organization. */
  action: Action;
  /** The audit event of a confirmed import. */
  auditAction: string;
  /** Name of the data sheet of the template; also the file name of the template. */
  sheetName: string;
  columns: readonly ImportColumn[];
  createState(): State;
  /** One row's cells (by column key, trimmed text) → a record, or the reasons it cannot be one. */
  parseRow(raw: Readonly<Record<string, string>>, ctx: ParseContext<State>): ParseResult<Row>;
  /** A batch of parsed rows against the database (and the file so far): one verdict per row, in order. */
  classify(db: DbOrTx, rows: ParsedRow<Row>[], ctx: ParseContext<State>): Promise<Classification<Row>[]>;
  /**
   * Writes a batch of new and changed rows inside the confirming transaction, with bulk statements. Throws
   * (an AppError, or the database's refusal) when what the preview saw no longer holds: the whole import
   * then rolls back.
   */
  commit(tx: Tx, rows: CommitRow<Row>[], ctx: JobContext): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------
// Limits

/** Rows parsed, classified and stored together; progress is written after each batch. */
const PARSE_BATCH = 2000;
/** Rows written together at commit. */
const COMMIT_BATCH = 1000;
/** Errors the preview lists; the .xlsx report has them all. */
const PREVIEW_ERRORS = 200;
export const MAX_ROWS = 200_000;
const MAX_CELL_LENGTH = 2000;
/** Rows above the header that may hold a title ("DANH SÁCH ĐẢNG VIÊN…"). */
const HEADER_SEARCH_ROWS = 20;

export const ERROR_COLUMN = 'Lỗi';
export const ROW_COLUMN = 'Dòng';

// ---------------------------------------------------------------------------------------------------
// Columns

const headerKey = (text: string) =>
  foldVietnamese(text)
    .replace(/\(.*?\)/g, '')
    .replace(/[*:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A, B, … Z, AA: the column letter Excel shows. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

interface Header {
  row: number;
  /** Column position → column key. */
  byPosition: Map<number, string>;
}

function matchHeader(columns: readonly ImportColumn[], cells: Cell[]) {
  const known = new Map<string, ImportColumn>();
  for (const c of columns) {
    known.set(headerKey(c.header), c);
    known.set(headerKey(c.key), c);
  }
  const byPosition = new Map<number, string>();
  const seenAt = new Map<string, number>();
  const duplicates: { column: ImportColumn; first: number; again: number }[] = [];
  cells.forEach((cell, i) => {
    const column = known.get(headerKey(cellText(cell)));
    if (!column) return;
    const first = seenAt.get(column.key);
    if (first !== undefined) duplicates.push({ column, first, again: i });
    else {
      seenAt.set(column.key, i);
      byPosition.set(i, column.key);
    }
  });
  return { byPosition, duplicates };
}

/**
 * Finds the header row: the first of a sheet's first rows that names a known column (sheets without one
 * are passed over), and checks that the required columns are there.
 */
async function readHeader(source: RowSource, columns: readonly ImportColumn[]): Promise<Header> {
  let seen = 0;
  let sheet = -1;
  let firstRow: number | null = null;
  for (;;) {
    const next = await source.rows.next();
    if (next.done) break;
    const { row, cells } = next.value;
    if (next.value.sheet !== sheet) {
      sheet = next.value.sheet;
      seen = 0;
    }
    if (cells.every((c) => cellText(c).trim() === '')) continue;
    firstRow ??= row;
    const { byPosition, duplicates } = matchHeader(columns, cells);
    if (byPosition.size > 0) {
      const dup = duplicates[0];
      if (dup) {
        const message = `Cột «${dup.column.header}» xuất hiện hai lần (cột ${columnLetter(dup.first)} và cột ${columnLetter(dup.again)}) ở dòng tiêu đề ${row}. Hãy giữ lại một cột.`;
        throw new AppError(
          400,
          'IMPORT_COLUMN_DUPLICATE',
          [{ row, field: dup.column.header, message }],
          message,
        );
      }
      const present = new Set(byPosition.values());
      const missing = columns.filter((c) => c.required && !present.has(c.key));
      if (missing.length > 0) throw missingColumns(missing, row);
      source.stayOnSheet();
      return { row, byPosition };
    }
    if (++seen >= HEADER_SEARCH_ROWS) source.skipSheet();
  }
  if (firstRow === null) throw badRequest('IMPORT_EMPTY');
  throw missingColumns(
    columns.filter((c) => c.required),
    firstRow,
  );
}

function missingColumns(missing: readonly ImportColumn[], row: number) {
  const names = missing.map((c) => `«${c.header}»`).join(', ');
  return new AppError(
    400,
    'IMPORT_COLUMNS_MISSING',
    missing.map((c) => ({ row, field: c.header, message: `Thiếu cột bắt buộc «${c.header}».` })),
    `Tệp thiếu ${missing.length > 1 ? 'các cột' : 'cột'} bắt buộc: ${names} (dòng tiêu đề: dòng ${row}). Hãy dùng tệp mẫu hoặc thêm ${missing.length > 1 ? 'các cột này' : 'cột này'} với đúng tên tiêu đề.`,
  );
}

/** The first C0 or C1 control, DEL, or bidirectional control (text that reads otherwise than it is stored). */
function firstControl(text: string): string | null {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return ch;
    if (c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      return ch;
  }
  return null;
}
const controlName = (ch: string) => {
  if (ch === '\n' || ch === '\r') return 'ký tự xuống dòng';
  if (ch === '\t') return 'ký tự tab';
  return `ký tự điều khiển U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** One cell as the importer gets it: NFC, trimmed; or the reason it is refused as it stands. */
function cleanCell(cell: Cell | undefined): { text: string; problem?: string } {
  if (isProblem(cell)) return { text: cell.shown, problem: cell.problem };
  const text = (cell ?? '').normalize('NFC').trim();
  const control = firstControl(text);
  if (control !== null) {
    return {
      // Kept for the error report; jsonb cannot hold U+0000, so it shows as U+FFFD there.
      text: text.replaceAll('\u0000', '\ufffd'),
      problem: `Ô chứa ${controlName(control)}, không được phép; hãy xóa ký tự này rồi nhập lại.`,
    };
  }
  if (text.length > MAX_CELL_LENGTH) {
    return { text, problem: `Ô quá dài (${text.length} ký tự; tối đa ${MAX_CELL_LENGTH}).` };
  }
  return { text };
}

// ---------------------------------------------------------------------------------------------------
// Jobs as the API shows them

export interface Counts {
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
}
const zeroCounts = (): Counts => ({ new: 0, changed: 0, unchanged: 0, rejected: 0 });

export interface JobOut {
  id: string;
  kind: string;
  organizationId: string;
  fileName: string;
  status: string;
  totalRows: number;
  processedRows: number;
  counts: Counts;
  errors: { row: number; field: string; message: string }[];
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

type JobRow = typeof importJobs.$inferSelect;

/** A job left `parsing` (or `committing`) by a stopped process; its rows are gone with it. */
const STALE_MESSAGE =
  'Việc đọc tệp bị gián đoạn vì máy chủ đã khởi động lại; chưa có dữ liệu nào được ghi. Hãy tải tệp lên lại.';

/**
 * At start, before serving: imports that a stopped process was reading can never finish. They show as
 * failed, and their stored rows are dropped. Returns how many there were.
 */
export async function failStaleImports(db: Db, now = new Date()): Promise<number> {
  return inTransaction(db, async (tx) => {
    const stale = await tx
      .update(importJobs)
      .set({ status: 'failed', message: STALE_MESSAGE, finishedAt: now })
      .where(inArray(importJobs.status, ['parsing', 'committing']))
      .returning({ id: importJobs.id });
    if (stale.length > 0) {
      await tx.delete(importRows).where(
        inArray(
          importRows.importId,
          stale.map((s) => s.id),
        ),
      );
    }
    return stale.length;
  });
}

// ---------------------------------------------------------------------------------------------------
// The pipeline

export interface PipelineOptions {
  db: Db;
  clock: Clock;
  /** The largest upload accepted. */
  maxBytes: number;
  /** Where unexpected failures of background work are told. */
  log?: { error(obj: unknown, msg?: string): void };
}

interface StoredError {
  field: string;
  message: string;
}

/**
 * One batch of verdicts into import_rows as a single JSON parameter: a VALUES list of thousands of bound
 * parameters costs more to build and to plan than the rows cost to write.
 */
async function storeRows(
  db: DbOrTx,
  importId: string,
  rows: {
    row: number;
    action: Verdict;
    data: unknown;
    errors: StoredError[] | null;
    targetId: string | null;
  }[],
) {
  const json = JSON.stringify(
    rows.map((r) => ({ n: r.row, a: r.action, d: r.data ?? null, e: r.errors, t: r.targetId })),
  );
  await db.execute(sql`
    INSERT INTO import_rows (import_id, row_number, action, data, errors, target_id)
    SELECT ${importId}::uuid, x.n, x.a, x.d, x.e, x.t
      FROM jsonb_to_recordset(${json}::jsonb) AS x(n integer, a text, d jsonb, e jsonb, t uuid)`);
}

const isUniqueViolation = (err: unknown): boolean => {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (e.code === '23505') return true;
  }
  return false;
};

export class ImportPipeline<Row, State> {
  private readonly running = new Set<Promise<void>>();
  private closing = false;
  private readonly headers: Map<string, string>;

  constructor(
    readonly importer: Importer<Row, State>,
    private readonly options: PipelineOptions,
  ) {
    this.headers = new Map(importer.columns.map((c) => [c.key, c.header]));
  }

  get maxBytes() {
    return this.options.maxBytes;
  }

  private headerOf(key: string) {
    return this.headers.get(key) ?? key;
  }

  /** Waits for the background work still running (the server is closing). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.running]);
  }

  /** The template: the columns with one example row, and a sheet explaining each column. */
  async template(actor: Actor): Promise<Buffer> {
    if (!canAnywhere(actor, this.importer.action)) throw forbidden();
    const wb = new ExcelJS.Workbook();
    wb.creator = 'DaiHoi';
    const columns = this.importer.columns;
    const ws = wb.addWorksheet(this.importer.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.max(14, c.header.length + 4, c.example.length + 2),
      ...(c.format === 'text' ? { style: { numFmt: '@' } } : {}),
    }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    columns.forEach((c, i) => {
      const cell = head.getCell(i + 1);
      cell.fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' },
      };
      if (c.required) cell.note = 'Cột bắt buộc';
    });
    ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));
    const help = wb.addWorksheet(HELP_SHEET_NAME);
    help.columns = [
      { header: 'Cột', key: 'header', width: 24 },
      { header: 'Bắt buộc', key: 'required', width: 10 },
      { header: 'Cách ghi', key: 'help', width: 90 },
      { header: 'Ví dụ', key: 'example', width: 28 },
    ];
    help.getRow(1).font = { bold: true };
    for (const c of columns) {
      const row = help.addRow({
        header: c.header,
        required: c.required ? 'Có' : 'Không',
        help: c.help,
        example: c.example,
      });
      row.getCell('help').alignment = { wrapText: true, vertical: 'top' };
    }
    help.addRow({});
    for (const line of [
      `Nhập dữ liệu vào trang «${this.importer.sheetName}», mỗi dòng một hồ sơ, giữ nguyên dòng tiêu đề. Dòng ví dụ hãy xóa hoặc ghi đè.`,
      'Ngày ghi theo dạng ngày/tháng/năm (ví dụ 15/02/1980), hoặc định dạng ô là ngày của Excel.',
      'Ô có công thức được lấy theo giá trị Excel đã tính và lưu trong tệp. Nội dung được lưu đúng như chữ đã ghi (không hiểu là HTML hay mã lệnh).',
      `Tải lên tệp .xlsx, hoặc .csv mã UTF-8 (phân cách bằng dấu phẩy hoặc dấu chấm phẩy), tối đa ${Math.round(this.options.maxBytes / 1024 / 1024)} MB và ${MAX_ROWS.toLocaleString('vi-VN')} dòng.`,
      'Sau khi tải lên, hệ thống kiểm tra từng dòng và cho xem trước số hồ sơ mới, thay đổi, không đổi và bị từ chối, cùng lý do từng dòng bị từ chối. Chưa có gì được ghi cho đến khi bạn xác nhận.',
    ]) {
      const row = help.addRow({ header: line });
      help.mergeCells(row.number, 1, row.number, 4);
      row.getCell(1).alignment = { wrapText: true };
      row.height = 30;
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /**
   * Accepts an upload: the organization in reach, the file's name, size and real type checked, its header
   * read (missing columns refused now); then answers at once while the rows are read in the background.
   */
  async upload(ctx: Ctx, organizationId: string, file: IncomingFile | null): Promise<JobOut> {
    const org = await findVisible(ctx.db, ctx.actor, organizationId);
    if (!can(ctx.actor, this.importer.action, org)) throw forbidden();
    if (!file) throw badRequest('FILE_REQUIRED');
    const fileName = cleanFileName(file.filename);
    if (file.content.length === 0) throw badRequest('FILE_EMPTY');
    const source = await openSource(fileName, file.content);
    let started = false;
    try {
      const header = await readHeader(source, this.importer.columns);
      const rowsInFile = await source.countRows(MAX_ROWS + header.row);
      const estimate = Math.max(0, rowsInFile - header.row);
      if (estimate === 0) throw badRequest('IMPORT_EMPTY');
      if (estimate > MAX_ROWS) throw tooManyRows();
      const now = ctx.clock.now();
      const [job] = await ctx.db
        .insert(importJobs)
        .values({
          id: newId(),
          kind: this.importer.kind,
          organizationId: org.id,
          fileName,
          sha256: sha256Hex(file.content),
          status: 'parsing',
          totalRows: estimate,
          processedRows: 0,
          counts: zeroCounts(),
          createdBy: ctx.actor.userId,
          createdAt: now,
        })
        .returning();
      const jobContext: JobContext = {
        importId: job!.id,
        actor: ctx.actor,
        today: ctx.clock.today(),
        now,
        organization: { id: org.id, path: org.path, code: org.code, name: org.name },
      };
      const work = this.parse(jobContext, source, header).finally(() => this.running.delete(work));
      this.running.add(work);
      started = true;
      return present(job!, []);
    } finally {
      if (!started) source.close();
    }
  }

  /** Reads every row after the header, in batches: parse, classify, store, report progress. */
  private async parse(job: JobContext, source: RowSource, header: Header): Promise<void> {
    const db = this.options.db;
    const importer = this.importer;
    const present = new Set(header.byPosition.values());
    const ctx: ParseContext<State> = { ...job, present, row: 0, state: importer.createState() };
    const counts = zeroCounts();
    let processed = 0;
    let dataRows = 0;
    let batch: { row: number; raw: Record<string, string>; problems: StoredError[] }[] = [];

    const flush = async (): Promise<boolean> => {
      const items = batch;
      batch = [];
      const verdicts: {
        row: number;
        action: Verdict;
        data: unknown;
        errors: StoredError[] | null;
        targetId: string | null;
      }[] = [];
      const valid: { at: number; parsed: ParsedRow<Row> }[] = [];
      for (const item of items) {
        ctx.row = item.row;
        const result = importer.parseRow(item.raw, ctx);
        const refused = new Set(item.problems.map((p) => p.field));
        const errors = [...item.problems, ...result.errors.filter((e) => !refused.has(e.field))];
        if (errors.length > 0 || result.data === undefined) {
          verdicts.push({ row: item.row, action: 'rejected', data: item.raw, errors, targetId: null });
        } else {
          valid.push({ at: verdicts.length, parsed: { row: item.row, data: result.data } });
          verdicts.push({ row: item.row, action: 'new', data: result.data, errors: null, targetId: null });
        }
      }
      if (valid.length > 0) {
        const classified = await importer.classify(
          db,
          valid.map((v) => v.parsed),
          ctx,
        );
        valid.forEach((v, i) => {
          const c = classified[i];
          if (!c)
            throw new Error(
              `importer ${importer.kind} classified ${classified.length} of ${valid.length} rows`,
            );
          const item = items[v.at]!;
          const slot = verdicts[v.at]!;
          if (c.action === 'rejected') {
            slot.action = 'rejected';
            slot.data = item.raw;
            slot.errors = c.errors?.length ? c.errors : [{ field: '', message: 'Dòng không nhập được.' }];
          } else {
            slot.action = c.action;
            slot.targetId = c.targetId ?? null;
            // An unchanged row has nothing to write: only its verdict is kept.
            slot.data = c.action === 'unchanged' ? null : (c.data ?? v.parsed.data);
          }
        });
      }
      for (const v of verdicts) counts[v.action]++;
      dataRows += verdicts.length;
      if (verdicts.length > 0) await storeRows(db, job.importId, verdicts);
      // The job may have been failed meanwhile (a restart elsewhere): then the reading stops.
      const still = await db
        .update(importJobs)
        .set({ processedRows: processed, counts: { ...counts } })
        .where(and(eq(importJobs.id, job.importId), eq(importJobs.status, 'parsing')))
        .returning({ id: importJobs.id });
      return still.length > 0 && !this.closing;
    };

    try {
      for await (const { row, cells } of source.rows) {
        processed++;
        if (processed > MAX_ROWS * 2) throw tooManyRows();
        const raw: Record<string, string> = {};
        const problems: StoredError[] = [];
        let blank = true;
        for (const [position, key] of header.byPosition) {
          const cell = cleanCell(cells[position]);
          raw[key] = cell.text;
          if (cell.text !== '') blank = false;
          if (cell.problem) problems.push({ field: key, message: cell.problem });
        }
        if (blank && problems.length === 0) continue;
        if (dataRows + batch.length >= MAX_ROWS) throw tooManyRows();
        batch.push({ row, raw, problems });
        if (batch.length >= PARSE_BATCH && !(await flush())) return;
      }
      if (batch.length > 0 && !(await flush())) return;
      if (dataRows === 0) throw badRequest('IMPORT_EMPTY');
      await db
        .update(importJobs)
        .set({ status: 'preview', totalRows: dataRows, processedRows: dataRows, counts })
        .where(and(eq(importJobs.id, job.importId), eq(importJobs.status, 'parsing')));
    } catch (err) {
      source.close();
      await this.fail(job.importId, err);
    }
  }

  private async fail(importId: string, err: unknown): Promise<void> {
    const known = err instanceof AppError;
    if (!known && !this.closing) this.options.log?.error({ err, importId }, 'import failed');
    const message = known
      ? err.message
      : 'Đã có lỗi ngoài ý muốn khi đọc tệp; chưa có dữ liệu nào được ghi. Hãy tải tệp lên lại.';
    try {
      await this.options.db.transaction(async (tx) => {
        await tx
          .update(importJobs)
          .set({ status: 'failed', message, finishedAt: this.options.clock.now() })
          .where(and(eq(importJobs.id, importId), eq(importJobs.status, 'parsing')));
        await tx.delete(importRows).where(eq(importRows.importId, importId));
      });
    } catch {
      // The database is gone (the server is closing): the job is failed at the next start.
    }
  }

  /** The job, for its creator or an administrator only; anyone else (or out of scope) gets 404. */
  private async visibleJob(
    db: DbOrTx,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<JobRow & { org: ImportScope }> {
    const query = db
      .select({
        job: importJobs,
        org: {
          id: organizations.id,
          path: organizations.path,
          code: organizations.code,
          name: organizations.name,
        },
      })
      .from(importJobs)
      .innerJoin(organizations, eq(organizations.id, importJobs.organizationId))
      .where(and(eq(importJobs.id, id), eq(importJobs.kind, this.importer.kind)));
    const [found] = lock ? await query.for('update', { of: importJobs }) : await query;
    if (!found) throw notFound('IMPORT_NOT_FOUND');
    const own = found.job.createdBy === actor.userId;
    if (!isAdmin(actor) && !(own && can(actor, this.importer.action, found.org)))
      throw notFound('IMPORT_NOT_FOUND');
    return { ...found.job, org: found.org };
  }

  /** Progress, counts and the first errors (row numbers as in the spreadsheet, fields as its headers). */
  async get(ctx: Ctx, id: string): Promise<JobOut> {
    const job = await this.visibleJob(ctx.db, ctx.actor, id);
    const rejected = await ctx.db
      .select({ row: importRows.rowNumber, errors: importRows.errors })
      .from(importRows)
      .where(and(eq(importRows.importId, id), eq(importRows.action, 'rejected')))
      .orderBy(asc(importRows.rowNumber))
      .limit(PREVIEW_ERRORS);
    const errors = rejected
      .flatMap((r) =>
        ((r.errors ?? []) as StoredError[]).map((e) => ({
          row: r.row,
          field: this.headerOf(e.field),
          message: e.message,
        })),
      )
      .slice(0, PREVIEW_ERRORS);
    return present(job, errors);
  }

  /** The rejected rows as a workbook: their row number, their cells and a "Lỗi" column; streamed. */
  async errorsReport(ctx: Ctx, id: string): Promise<{ fileName: string; stream: Readable }> {
    const job = await this.visibleJob(ctx.db, ctx.actor, id);
    const columns = this.importer.columns;
    const out = new PassThrough();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const ws = wb.addWorksheet(this.importer.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: ROW_COLUMN, key: '__row', width: 8 },
      ...columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 4) })),
      { header: ERROR_COLUMN, key: '__errors', width: 80 },
    ];
    ws.getRow(1).font = { bold: true };
    const db = ctx.db;
    const write = async () => {
      let after = 0;
      for (;;) {
        const rows = await db
          .select({ row: importRows.rowNumber, data: importRows.data, errors: importRows.errors })
          .from(importRows)
          .where(
            and(
              eq(importRows.importId, job.id),
              eq(importRows.action, 'rejected'),
              gt(importRows.rowNumber, after),
            ),
          )
          .orderBy(asc(importRows.rowNumber))
          .limit(COMMIT_BATCH);
        for (const r of rows) {
          const raw = (r.data ?? {}) as Record<string, string>;
          const errors = ((r.errors ?? []) as StoredError[]).map((e) =>
            e.field ? `${this.headerOf(e.field)}: ${e.message}` : e.message,
          );
          const values: Record<string, string | number> = { __row: r.row, __errors: errors.join('\n') };
          // Every cell is written as text: nothing a user typed becomes a formula here.
          for (const c of columns) values[c.key] = raw[c.key] ?? '';
          const row = ws.addRow(values);
          row.getCell('__errors').alignment = { wrapText: true, vertical: 'top' };
          row.commit();
        }
        if (rows.length < COMMIT_BATCH) break;
        after = rows.at(-1)!.row;
      }
      ws.commit();
      await wb.commit();
    };
    write().catch((err: unknown) => out.destroy(err as Error));
    const base = job.fileName.replace(/\.[^.]+$/, '');
    return { fileName: `${base} - lỗi.xlsx`, stream: out };
  }

  /**
   * Confirms a preview: in one transaction every new and changed row is written (in bulk batches) and one
   * audit event records the import. The actor's reach is checked again now; anything that changed since the
   * preview in a way the rows depend on rolls the whole import back, leaving the data as it was.
   */
  async commit(ctx: Ctx, id: string): Promise<{ id: string; status: 'committed'; counts: Counts }> {
    const importer = this.importer;
    try {
      return await inTransaction(ctx.db, async (tx) => {
        const job = await this.visibleJob(tx, ctx.actor, id, true);
        if (job.status !== 'preview') throw notReady(job.status);
        const now = ctx.clock.now();
        const jobContext: JobContext = {
          importId: job.id,
          actor: ctx.actor,
          today: ctx.clock.today(),
          now,
          organization: job.org,
        };
        let after = 0;
        for (;;) {
          const rows = await tx
            .select({
              row: importRows.rowNumber,
              action: importRows.action,
              data: importRows.data,
              targetId: importRows.targetId,
            })
            .from(importRows)
            .where(
              and(
                eq(importRows.importId, job.id),
                inArray(importRows.action, ['new', 'changed']),
                gt(importRows.rowNumber, after),
              ),
            )
            .orderBy(asc(importRows.rowNumber))
            .limit(COMMIT_BATCH);
          if (rows.length === 0) break;
          await importer.commit(
            tx,
            rows.map((r) => ({
              row: r.row,
              action: r.action as 'new' | 'changed',
              data: r.data as Row,
              targetId: r.targetId,
            })),
            jobContext,
          );
          if (rows.length < COMMIT_BATCH) break;
          after = rows.at(-1)!.row;
        }
        const counts = { ...zeroCounts(), ...(job.counts as Partial<Counts>) };
        // Written rows are in the tables now; the rejected ones stay for the error report.
        await tx
          .delete(importRows)
          .where(and(eq(importRows.importId, job.id), ne(importRows.action, 'rejected')));
        await tx
          .update(importJobs)
          .set({ status: 'committed', finishedAt: now, message: null })
          .where(eq(importJobs.id, job.id));
        if (counts.new + counts.changed > 0) {
          await recordAudit(
            tx,
            ctx.actor,
            {
              action: importer.auditAction,
              entity: 'import',
              entityId: job.id,
              organizationId: job.organizationId,
              after: {
                importId: job.id,
                kind: importer.kind,
                fileName: job.fileName,
                sha256: job.sha256,
                counts,
              },
            },
            now,
          );
        }
        return { id: job.id, status: 'committed' as const, counts };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw staleImport();
      throw err;
    }
  }
}

const tooManyRows = () =>
  new AppError(
    400,
    'IMPORT_TOO_MANY_ROWS',
    { maxRows: MAX_ROWS },
    `Tệp có hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng dữ liệu; hãy chia thành nhiều tệp nhỏ hơn.`,
  );

/** What the preview saw no longer holds (a key taken, a record edited, an organization moved). */
export const staleImport = (details?: unknown) => new AppError(409, 'IMPORT_STALE', details);

const NOT_READY: Record<string, string> = {
  parsing: 'Tệp vẫn đang được kiểm tra; hãy đợi xem trước xong rồi xác nhận.',
  committing: 'Lượt nhập này đang được ghi.',
  committed: 'Lượt nhập này đã được ghi rồi.',
  failed: 'Lượt nhập này đã lỗi nên không thể ghi; hãy tải tệp lên lại.',
  cancelled: 'Lượt nhập này đã bị hủy.',
};
const notReady = (status: string) =>
  new AppError(409, 'IMPORT_NOT_READY', { status }, NOT_READY[status] ?? undefined);

function present(job: JobRow, errors: JobOut['errors']): JobOut {
  return {
    id: job.id,
    kind: job.kind,
    organizationId: job.organizationId,
    fileName: job.fileName,
    status: job.status,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    counts: { ...zeroCounts(), ...(job.counts as Partial<Counts>) },
    errors,
    message: job.message,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
