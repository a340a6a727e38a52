// Spreadsheets for the import tests, built in memory: no binary fixtures in the repository.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Agent, TestApp } from '../test/harness.js';
import { MEMBER_COLUMNS } from './members.js';

export const HEADERS = MEMBER_COLUMNS.map((c) => c.header);
const HEADER_OF = Object.fromEntries(MEMBER_COLUMNS.map((c) => [c.key, c.header]));

export type CellInput = string | number | boolean | Date | null | ExcelJS.CellValue;
/** A row by column key (fullName, cardNumber…), as a clerk would fill it. */
export type MemberCells = Record<string, CellInput>;

const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hoa',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Oanh',
  'Phúc',
  'Quang',
  'Sơn',
  'Thảo',
  'Tuấn',
  'Vân',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Ngọc'];

/** The i-th invented member, valid on 15/03/2020, card number 900000000 + i (nine digits: never a demo card). */
export function member(i: number, overrides: MemberCells = {}): MemberCells {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    fullName: `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
    gender: i % 2 === 0 ? 'Nam' : 'Nữ',
    birthDate: `${day}/${month}/${1960 + (i % 30)}`,
    ethnicity: 'Kinh',
    hometown: 'Nghi Lộc, Nghệ An',
    cardNumber: String(900_000_000 + i),
    admittedOn: `${day}/${month}/2010`,
    fullMemberOn: `${day}/${month}/2011`,
    status: 'Chính thức',
    educationLevel: 'Đại học',
    theoryLevel: 'Trung cấp',
    jobTitle: 'Chuyên viên',
    employer: 'Sở Tài chính',
    phone: '0912345678',
    email: `dv${i}@example.vn`,
    organizationCode: 'NA-DUK-STC-CB02',
    ...overrides,
  };
}

export interface SheetOptions {
  /** Column keys in order (default: every column of the template). */
  keys?: string[];
  /** Header texts to use instead of the template's (by key). */
  headers?: Record<string, string>;
  sheetName?: string;
  /** Rows written above the header (a title). */
  titleRows?: string[];
  /** Extra sheets before the data sheet. */
  before?: string[];
}

/** A real .xlsx written by ExcelJS (the same library Excel files are read with, but its writer). */
export async function xlsxOf(rows: MemberCells[], opts: SheetOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const name of opts.before ?? []) wb.addWorksheet(name).addRow(['ghi chú']);
  const ws = wb.addWorksheet(opts.sheetName ?? 'Đảng viên');
  const keys = opts.keys ?? MEMBER_COLUMNS.map((c) => c.key);
  for (const title of opts.titleRows ?? []) ws.addRow([title]);
  ws.addRow(keys.map((k) => opts.headers?.[k] ?? HEADER_OF[k] ?? k));
  for (const r of rows) {
    const row = ws.addRow(keys.map((k) => (r[k] === undefined ? null : r[k])));
    keys.forEach((k, i) => {
      const v = r[k];
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV as Excel writes it: fields quoted when needed, CRLF, optional BOM. */
export function csvOf(
  rows: MemberCells[],
  opts: { delimiter?: ',' | ';'; bom?: boolean; keys?: string[] } = {},
): Buffer {
  const d = opts.delimiter ?? ',';
  const keys = opts.keys ?? MEMBER_COLUMNS.map((c) => c.key);
  const quote = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /["\r\n,;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    keys.map((k) => quote(HEADER_OF[k] ?? k)).join(d),
    ...rows.map((r) => keys.map((k) => quote(r[k])).join(d)),
  ];
  const text = `${lines.join('\r\n')}\r\n`;
  return Buffer.concat([
    opts.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(text, 'utf8'),
  ]);
}

/** A Compound File (OLE2) with the given stream names in its directory: enough for a type check. */
export function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(0, 48); // first directory sector
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 64);
    directory[at + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, directory, Buffer.alloc(1024, 0x5a)]);
}

/** What Excel writes for "Encrypt with Password": the real package hidden in a compound file. */
export const encryptedWorkbook = () =>
  compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']);
/** An Excel 97–2003 workbook. */
export const legacyWorkbook = () => compoundFile(['Workbook', '\u0005SummaryInformation']);

export function form(fields: Record<string, string>, name: string, content: Buffer): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append('file', new Blob([new Uint8Array(content)], { type: 'application/octet-stream' }), name);
  return body;
}

export function uploadImport(
  t: TestApp,
  agent: Agent,
  organizationId: string,
  name: string,
  content: Buffer,
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/member-imports',
    headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    payload: form({ organizationId }, name, content),
  });
}

export interface JobBody {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  counts: { new: number; changed: number; unchanged: number; rejected: number };
  errors: { row: number; field: string; message: string }[];
  message: string | null;
}

/** Polls the import until its rows are read (preview or failed). */
export async function settled(agent: Agent, id: string): Promise<JobBody> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await agent.get(`/api/v1/member-imports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as JobBody;
    if (body.status !== 'parsing') return body;
    if (Date.now() > deadline) throw new Error(`import ${id} still parsing`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Uploads and waits for the preview; the upload must be accepted. */
export async function preview(
  t: TestApp,
  agent: Agent,
  organizationId: string,
  name: string,
  content: Buffer,
) {
  const res = await uploadImport(t, agent, organizationId, name, content);
  expect(res.statusCode, res.body).toBe(202);
  return settled(agent, res.json().id);
}

/** Reads a workbook back: every sheet as rows of cell values (1-based like Excel, index 0 unused). */
export async function readWorkbook(content: Buffer): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    sheets.set(ws.name, rows);
  });
  return sheets;
}
