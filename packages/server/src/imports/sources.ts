import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, badRequest } from '../http/errors.js';
import { MIME, zipEntryNames } from '../modules/files/content.js';

/**
 * Reading an uploaded spreadsheet row by row: .xlsx through ExcelJS's streaming reader (the workbook is
 * never held whole as a model), .csv through csv-parse. Every cell comes out as text, or as the reason it
 * cannot be read (a formula without a computed value, an error value).
 */

/** A cell that cannot be taken as it is: `shown` goes into the error report, `problem` says why. */
export interface CellProblem {
  shown: string;
  problem: string;
}
export type Cell = string | CellProblem;

export interface SourceRow {
  /** Which sheet, counting from 0 among the sheets read (a CSV has one). */
  sheet: number;
  /** The row number as the spreadsheet shows it (a CSV's record number). */
  row: number;
  /** Cells by column position, from 0. */
  cells: Cell[];
}

export interface RowSource {
  format: 'xlsx' | 'csv';
  /** Rows in order; the header is among them. Throws a 400 AppError on content that cannot be read. */
  rows: AsyncGenerator<SourceRow>;
  /**
   * How many rows the file holds (blank ones included), counted without parsing; bounded by `limit`
   * (`limit + 1` means "more"). Call after the first row has been read.
   */
  countRows(limit: number): Promise<number>;
  /** Stops reading the current sheet: the next rows come from the next sheet (none for a CSV). */
  skipSheet(): void;
  /** Reads no sheet after the current one. */
  stayOnSheet(): void;
  close(): void;
}

export const isProblem = (cell: Cell | undefined): cell is CellProblem =>
  typeof cell === 'object' && cell !== null;

export const cellText = (cell: Cell | undefined): string =>
  cell === undefined ? '' : isProblem(cell) ? cell.shown : cell;

/** The sheet of the template that explains the columns; never read as data. */
export const HELP_SHEET_NAME = 'Hướng dẫn';

const CHUNK = 64 * 1024;
function* chunks(content: Buffer) {
  for (let at = 0; at < content.length; at += CHUNK) yield content.subarray(at, at + CHUNK);
}

const fileError = (code: ConstructorParameters<typeof AppError>[1], message?: string, status = 400) =>
  new AppError(status, code, undefined, message);

/** Compound File Binary (OLE2): legacy .xls, or an .xlsx encrypted with a password. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16le = (s: string) => Buffer.from(s, 'utf16le');

/**
 * An encrypted Office Open XML file is a CFB container holding the streams "EncryptionInfo" and
 * "EncryptedPackage" (MS-OFFCRYPTO); directory entries spell names in UTF-16LE.
 */
function cfbKind(content: Buffer): 'encrypted' | 'legacy' | null {
  if (content.length < CFB_MAGIC.length || !content.subarray(0, CFB_MAGIC.length).equals(CFB_MAGIC))
    return null;
  const encrypted =
    content.includes(utf16le('EncryptedPackage')) || content.includes(utf16le('EncryptionInfo'));
  return encrypted ? 'encrypted' : 'legacy';
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

const TYPE_NAMES: Record<string, string> = {
  [MIME.pdf]: 'PDF',
  [MIME.docx]: 'Word (.docx)',
  [MIME.png]: 'ảnh PNG',
  [MIME.jpeg]: 'ảnh JPEG',
  'application/zip': 'tệp nén ZIP',
  'application/x-msdownload': 'chương trình chạy (.exe)',
};
const typeName = (mime: string | null | undefined) => (mime ? (TYPE_NAMES[mime] ?? mime) : null);

function notAWorkbook(detected: string | null) {
  const what = typeName(detected);
  return fileError(
    'IMPORT_FILE_TYPE_MISMATCH',
    what
      ? `Tệp có đuôi .xlsx nhưng nội dung là ${what}, không phải bảng tính Excel. Hãy chọn đúng tệp Excel (.xlsx).`
      : undefined,
  );
}

/**
 * Checks the upload's real type from its bytes and opens it as rows. Refusals are 4xx with a message
 * that says what the file is and what to do.
 */
export async function openSource(name: string, content: Buffer): Promise<RowSource> {
  const cfb = cfbKind(content);
  if (cfb === 'encrypted') throw badRequest('IMPORT_WORKBOOK_ENCRYPTED');
  const extension = extensionOf(name);
  if (cfb === 'legacy') throw badRequest('IMPORT_WORKBOOK_LEGACY');
  if (extension === 'xlsx') {
    const detected = (await fileTypeFromBuffer(content))?.mime ?? null;
    // file-type names a workbook by its first entries; workbooks written by streaming writers (ExcelJS's
    // among them) come out as plain ZIP, so the container's structure decides.
    if (detected !== null && detected !== MIME.xlsx && detected !== 'application/zip')
      throw notAWorkbook(detected);
    const names = zipEntryNames(content);
    // A ZIP whose directory cannot be read: cut short in transfer, or damaged.
    if (names === null) throw detected === null ? notAWorkbook(null) : badRequest('IMPORT_WORKBOOK_CORRUPT');
    const workbook =
      names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/worksheets/'));
    if (!workbook) throw notAWorkbook(detected === MIME.xlsx ? null : 'application/zip');
    return xlsxSource(content);
  }
  if (extension === 'csv') return await csvSource(content);
  throw new AppError(415, 'IMPORT_FILE_TYPE_UNSUPPORTED');
}

// ---------------------------------------------------------------------------------------------------
// .xlsx

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** One entry of a ZIP's central directory, located by name. */
function zipEntry(buf: Buffer, wanted: string): ZipEntry | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && at + 46 <= buf.length; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const entryName = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === wanted) {
      return {
        method: buf.readUInt16LE(at + 10),
        compressedSize: buf.readUInt32LE(at + 20),
        localOffset: buf.readUInt32LE(at + 42),
      };
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

/** Counts `<row` elements of one worksheet by inflating it as a stream; stops past `limit`. */
async function countSheetRows(buf: Buffer, path: string, limit: number): Promise<number> {
  const entry = zipEntry(buf, path);
  if (!entry) return 0;
  const local = entry.localOffset;
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return 0;
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + entry.compressedSize));
  const source = Readable.from(chunks(data));
  const stream = entry.method === 8 ? source.pipe(createInflateRaw()) : source;
  let count = 0;
  let carry = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = carry + chunk.toString('latin1');
      const matches = text.match(/<row[\s>/]/g);
      count += matches?.length ?? 0;
      // A match takes five characters: the last four carry a tag cut at the chunk's end, never a whole one.
      carry = text.slice(-4);
      if (count > limit) break;
    }
  } catch {
    // A damaged entry: the parse reports it with the row where it happens.
  } finally {
    source.destroy();
    stream.destroy();
  }
  return count;
}

const DATE_FORMAT = /[ymdhsb]/i;
/** An Excel number format that shows a date (ExcelJS's own rule: date letters outside quotes and brackets). */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return DATE_FORMAT.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A Date as ExcelJS builds it from a serial (UTC midnight plus the time of day): dd/mm/yyyy. */
function dateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  // Half a second of rounding in ExcelJS's conversion never moves a date across midnight.
  const day = new Date(d.getTime() + 500);
  return `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

/** The text Excel would show for a general number: no binary noise ("0.30000000000000004" → "0.3"). */
export function numberText(n: number): string {
  if (Number.isInteger(n))
    return Number.isSafeInteger(n) ? String(n) : n.toLocaleString('en-US').replace(/,/g, '');
  return String(Number(n.toPrecision(15)));
}

/** Excel's serial day for a Date (1900 system), for formulas whose result is a date. */
function serialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  return dateText(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));
}

interface RichText {
  richText: { text: string }[];
}
type CellValue = ExcelJS.CellValue;

function formulaProblem(formula: string, result: unknown): CellProblem | null {
  if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result))) {
    const shown = `=${formula}`;
    return {
      shown,
      problem:
        result === undefined || result === null
          ? `Ô có công thức «${shown}» nhưng không có giá trị đã tính. Hãy mở tệp bằng Excel, để Excel tính rồi lưu lại, hoặc thay công thức bằng giá trị.`
          : `Công thức «${shown}» cho kết quả lỗi; hãy sửa công thức hoặc ghi giá trị.`,
    };
  }
  if (typeof result === 'object' && result !== null && 'error' in result) {
    const shown = `=${formula}`;
    return { shown, problem: `Công thức «${shown}» cho kết quả lỗi ${String(result.error)}.` };
  }
  return null;
}

/** One cell's text, or the reason it cannot be read; formulas give their stored result, never evaluated. */
function xlsxCell(cell: ExcelJS.Cell, date1904: boolean): Cell {
  const value: CellValue = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value) ?? { shown: '', problem: 'Ô chứa ngày không hợp lệ.' };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = 'formula' in value ? value.formula : value.sharedFormula;
      const result = (value as { result?: unknown }).result;
      const problem = formulaProblem(String(formula ?? ''), result);
      if (problem) return problem;
      if (typeof result === 'number') {
        if (isDateFormat(cell.numFmt)) return serialDate(result, date1904) ?? '';
        return numberText(result);
      }
      if (result instanceof Date) return dateText(result) ?? '';
      if (typeof result === 'boolean') return result ? 'TRUE' : 'FALSE';
      return String(result);
    }
    if ('richText' in value) return (value as RichText).richText.map((r) => r.text ?? '').join('');
    if ('error' in value) {
      return { shown: String(value.error), problem: `Ô có giá trị lỗi ${String(value.error)}.` };
    }
    if ('text' in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === 'string') return text;
      if (text && typeof text === 'object' && 'richText' in text)
        return (text as RichText).richText.map((r) => r.text ?? '').join('');
    }
  }
  return String(value);
}

const corrupt = () => badRequest('IMPORT_WORKBOOK_CORRUPT');

function xlsxSource(content: Buffer): RowSource {
  const input = Readable.from(chunks(content));
  let sheetPath: string | null = null;
  let done = false;
  let skip = false;
  let stay = false;

  async function* rows(): AsyncGenerator<SourceRow> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Number formats tell a date cell from a number.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'emit',
    });
    let lastSheet: string | null = null;
    (reader as unknown as NodeJS.EventEmitter).on('entry', (e: { type: string; id?: string }) => {
      if (e.type === 'worksheet') lastSheet = `xl/worksheets/sheet${e.id}.xml`;
    });
    let found = false;
    let index = -1;
    try {
      for await (const sheet of reader) {
        const ws = sheet as unknown as ExcelJS.Worksheet & { state?: string; name: string };
        if (ws.state === 'hidden' || ws.state === 'veryHidden' || ws.name === HELP_SHEET_NAME) continue;
        found = true;
        index++;
        skip = false;
        sheetPath = lastSheet;
        const date1904 = Boolean(
          (reader as unknown as { properties?: { date1904?: boolean } }).properties?.date1904,
        );
        for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
          const cells: Cell[] = [];
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            cells[col - 1] = xlsxCell(cell, date1904);
          });
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
          yield { sheet: index, row: row.number, cells };
          if (skip) break;
        }
        if (stay) break;
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw corrupt();
    } finally {
      done = true;
      input.destroy();
    }
    if (!found) throw badRequest('IMPORT_EMPTY');
  }

  return {
    format: 'xlsx',
    rows: rows(),
    countRows: async (limit) => (sheetPath ? countSheetRows(content, sheetPath, limit) : 0),
    skipSheet: () => {
      skip = true;
    },
    stayOnSheet: () => {
      stay = true;
    },
    close: () => {
      if (!done) input.destroy();
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// .csv

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Comma or semicolon, whichever the header line uses more (outside quotes); Excel in Vietnam writes either. */
function detectDelimiter(content: Buffer): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < content.length && i < 64 * 1024; i++) {
    const b = content[i];
    if (b === 0x22) quoted = !quoted;
    else if (!quoted && (b === 0x0a || b === 0x0d)) break;
    else if (!quoted && b === 0x2c) commas++;
    else if (!quoted && b === 0x3b) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** UTF-16 without its BOM passes as UTF-8 (NUL is valid there): half the bytes of its ASCII are NUL. */
function looksUtf16(body: Buffer): boolean {
  const head = body.subarray(0, 4096);
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  return nul > head.length / 8;
}

/** Records of a CSV, counted on the bytes: line feeds outside quotes. */
function countCsvRecords(content: Buffer, limit: number): number {
  let count = 0;
  let quoted = false;
  let pending = false;
  for (let i = 0; i < content.length; i++) {
    const b = content[i];
    if (b === 0x22) quoted = !quoted;
    if (b === 0x0a && !quoted) {
      count++;
      pending = false;
      if (count > limit) return count;
    } else if (b !== 0x0d) pending = true;
  }
  return count + (pending ? 1 : 0);
}

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'có dấu ngoặc kép (") mở mà không đóng',
  CSV_INVALID_CLOSING_QUOTE: 'có dấu ngoặc kép (") đặt sai chỗ giữa ô',
  CSV_MAX_RECORD_SIZE: 'có một dòng quá dài',
};

async function csvSource(content: Buffer): Promise<RowSource> {
  const utf16 =
    content.length >= 2 &&
    ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff));
  if (utf16) throw badRequest('IMPORT_CSV_ENCODING');
  const body = content.subarray(0, 3).equals(BOM) ? content.subarray(3) : content;
  // Bytes that name another kind of file: a PDF or a workbook renamed .csv.
  const what = typeName((await fileTypeFromBuffer(body))?.mime);
  if (what) {
    throw new AppError(
      400,
      'IMPORT_FILE_TYPE_MISMATCH',
      undefined,
      `Tệp có đuôi .csv nhưng nội dung là ${what}, không phải văn bản CSV.`,
    );
  }
  if (!isUtf8(body) || looksUtf16(body)) throw badRequest('IMPORT_CSV_ENCODING');
  const delimiter = detectDelimiter(body);
  const input = Readable.from(chunks(body));
  const parser = input.pipe(
    parseCsv({
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 1024 * 1024,
    }),
  );
  let done = false;
  let skip = false;

  async function* rows(): AsyncGenerator<SourceRow> {
    let n = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        n++;
        yield { sheet: 0, row: n, cells: record.map(csvCell) };
        if (skip) break;
      }
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      // The record being read when the parser gave up, numbered as Excel shows a CSV's rows.
      const line = ((err as { records?: number }).records ?? n) + 1;
      const what = CSV_ERRORS[code] ?? 'không đúng định dạng CSV';
      throw new AppError(
        400,
        'IMPORT_CSV_MALFORMED',
        { row: line },
        `Tệp CSV không đọc được ở dòng ${line}: ${what}. Hãy mở tệp bằng Excel, kiểm tra dòng đó rồi lưu lại dưới dạng "CSV UTF-8".`,
      );
    } finally {
      done = true;
      input.destroy();
    }
  }

  return {
    format: 'csv',
    rows: rows(),
    countRows: async (limit) => countCsvRecords(body, limit),
    skipSheet: () => {
      skip = true;
    },
    stayOnSheet: () => {},
    close: () => {
      if (!done) {
        input.destroy();
        parser.destroy();
      }
    },
  };
}

/** A CSV keeps no computed values: text that starts with "=" is a formula written out, not data. */
function csvCell(text: string): Cell {
  if (text.startsWith('=') && text.length > 1) {
    return {
      shown: text,
      problem: `Ô chứa công thức «${text}»; tệp CSV không lưu giá trị đã tính. Hãy ghi giá trị thay cho công thức.`,
    };
  }
  return text;
}
