import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { docx, exe, pdf } from '../modules/files/fixtures.js';
import { expectError, failOnServerErrors, refusedWithoutWrite, rows } from '../test/expect.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../test/harness.js';
import {
  csvOf,
  encryptedWorkbook,
  legacyWorkbook,
  type MemberCells,
  member,
  preview,
  readWorkbook,
  settled,
  uploadImport,
  xlsxOf,
} from './fixtures.js';
import { MEMBER_COLUMNS } from './members.js';

const MAX_BYTES = 1024 * 1024;
const serverErrors = failOnServerErrors();
let t: TestApp;
let office: Agent;
let duk: string;

beforeAll(async () => {
  t = await startTestApp({ config: { importMaxBytes: MAX_BYTES } });
  serverErrors.watch(t.app);
  office = await t.login('vanphong');
  duk = await orgIdByCode(t, 'NA-DUK');
});
afterAll(() => t.close());

const upload = (name: string, content: Buffer) => uploadImport(t, office, duk, name, content);
/** A refusal before any job exists: nothing at all is written. */
const refused = (name: string, content: Buffer) => refusedWithoutWrite(t, () => upload(name, content));

async function membersDigest() {
  const [row] = await rows<{ d: string | null; n: number }>(
    t,
    sql`SELECT md5(string_agg(m::text, '|' ORDER BY m::text)) AS d, count(*) AS n FROM members m`,
  );
  return `${row?.n}:${row?.d}`;
}

/** The stored member of the i-th fixture row, after a confirmed import. */
async function imported(cells: MemberCells[], name = 'ds.xlsx', content?: Buffer) {
  const job = await preview(t, office, duk, name, content ?? (await xlsxOf(cells)));
  expect(job.counts.rejected, JSON.stringify(job.errors)).toBe(0);
  const res = await office.post(`/api/v1/member-imports/${job.id}/commit`);
  expect(res.statusCode, res.body).toBe(200);
  return Promise.all(
    cells.map(
      async (c) =>
        (
          await rows<Record<string, unknown>>(
            t,
            sql`SELECT *, birth_date::text AS birth_iso, admitted_on::text AS admitted_iso FROM members WHERE card_number = ${String(c.cardNumber)}`,
          )
        )[0]!,
    ),
  );
}

/** A workbook whose data sheet has one row of cells written as given (formulas, dates, numbers). */
async function workbookWith(values: Record<string, ExcelJS.CellValue>, format: Record<string, string> = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(MEMBER_COLUMNS.map((c) => c.header));
  const row = ws.addRow(MEMBER_COLUMNS.map((c) => values[c.key] ?? null));
  MEMBER_COLUMNS.forEach((c, i) => {
    if (format[c.key]) row.getCell(i + 1).numFmt = format[c.key]!;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cellsOf = (i: number, overrides: MemberCells = {}) =>
  member(i, overrides) as Record<string, ExcelJS.CellValue>;

describe('the file itself', () => {
  it('a PDF (or a program, or a Word file) renamed .xlsx is refused by its content', async () => {
    const res = await refused('Danh sách.xlsx', pdf());
    expectError(res, 400, 'IMPORT_FILE_TYPE_MISMATCH');
    expect(res.json().error.message).toContain('nội dung là PDF');
    expect((await refused('ds.xlsx', exe())).json().error.code).toBe('IMPORT_FILE_TYPE_MISMATCH');
    expect((await refused('ds.xlsx', docx())).json().error.message).toContain('Word');
    expect((await refused('ds.xlsx', Buffer.from('Họ và tên,Giới tính\n'))).json().error.code).toBe(
      'IMPORT_FILE_TYPE_MISMATCH',
    );
    expect((await refused('ds.csv', pdf())).json().error.message).toContain('.csv nhưng nội dung là PDF');
  });

  it('only .xlsx and .csv are taken', async () => {
    expectError(await refused('ds.pdf', pdf()), 415, 'IMPORT_FILE_TYPE_UNSUPPORTED');
    expectError(await refused('ds.ods', await xlsxOf([member(1)])), 415, 'IMPORT_FILE_TYPE_UNSUPPORTED');
    expectError(await refused('ds.xls', legacyWorkbook()), 400, 'IMPORT_WORKBOOK_LEGACY');
  });

  it('a password-protected workbook says so', async () => {
    const res = await refused('Có mật khẩu.xlsx', encryptedWorkbook());
    expectError(res, 400, 'IMPORT_WORKBOOK_ENCRYPTED');
    expect(res.json().error.message).toContain('mật khẩu');
  });

  it('a workbook cut short is corrupt', async () => {
    const whole = await xlsxOf(Array.from({ length: 50 }, (_, i) => member(i)));
    for (const part of [
      whole.subarray(0, Math.floor(whole.length * 0.6)),
      whole.subarray(0, whole.length - 10),
    ]) {
      expectError(await refused('dở.xlsx', part), 400, 'IMPORT_WORKBOOK_CORRUPT');
    }
  });

  it('a workbook damaged inside its rows fails, with the same message, and writes nothing', async () => {
    const whole = await xlsxOf(Array.from({ length: 3000 }, (_, i) => member(i)));
    // Garbage over the middle of the largest entry (the worksheet), the ZIP directory left intact.
    const damaged = Buffer.from(whole);
    const at = Math.floor(whole.length * 0.5);
    damaged.fill(0x41, at, at + 2000);
    const before = await membersDigest();
    const res = await upload('hỏng.xlsx', damaged);
    if (res.statusCode === 202) {
      const job = await settled(office, res.json().id);
      expect(job.status).toBe('failed');
      expect(job.message).toContain('Tệp Excel bị hỏng');
      expectError(await office.post(`/api/v1/member-imports/${job.id}/commit`), 409, 'IMPORT_NOT_READY');
    } else {
      expectError(res, 400, 'IMPORT_WORKBOOK_CORRUPT');
    }
    expect(await membersDigest()).toBe(before);
  });

  it('a file over the limit is refused while it arrives, before any parsing (50 MB unless configured)', async () => {
    expect(loadConfig({}).importMaxBytes).toBe(50 * 1024 * 1024);
    expect(loadConfig({ IMPORT_MAX_MB: '5' }).importMaxBytes).toBe(5 * 1024 * 1024);
    const big = csvOf(Array.from({ length: 6000 }, (_, i) => member(i)));
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    const res = await refused('lớn.csv', big);
    expectError(res, 413, 'FILE_TOO_LARGE');
    expect(res.json().error.message).toContain('tối đa 1 MB');
  });

  it('an empty file, or a header without rows, is refused', async () => {
    expectError(await refused('rỗng.csv', Buffer.alloc(0)), 400, 'FILE_EMPTY');
    expectError(await refused('rỗng.csv', csvOf([])), 400, 'IMPORT_EMPTY');
    expectError(await refused('rỗng.xlsx', await xlsxOf([])), 400, 'IMPORT_EMPTY');
  });
});

describe('columns', () => {
  it('missing required columns are named', async () => {
    const keys = ['fullName', 'gender', 'admittedOn', 'status'];
    for (const content of [await xlsxOf([member(1)], { keys }), csvOf([member(1)], { keys })]) {
      const res = await refused(content[0] === 0x50 ? 'thiếu.xlsx' : 'thiếu.csv', content);
      const error = expectError(res, 400, 'IMPORT_COLUMNS_MISSING');
      expect(error.message).toContain('«Ngày sinh», «Số thẻ đảng viên»');
      expect(error.message).toContain('dòng 1');
      expect(error.details).toEqual([
        { row: 1, field: 'Ngày sinh', message: 'Thiếu cột bắt buộc «Ngày sinh».' },
        { row: 1, field: 'Số thẻ đảng viên', message: 'Thiếu cột bắt buộc «Số thẻ đảng viên».' },
      ]);
    }
    const none = expectError(
      await refused('khác.csv', Buffer.from('a,b,c\n1,2,3\n')),
      400,
      'IMPORT_COLUMNS_MISSING',
    );
    expect(none.message).toContain('«Họ và tên»');
  });

  it('a column twice is refused, naming both places', async () => {
    const keys = [...MEMBER_COLUMNS.map((c) => c.key), 'birthDate'];
    const error = expectError(
      await refused('lặp.xlsx', await xlsxOf([member(1)], { keys })),
      400,
      'IMPORT_COLUMN_DUPLICATE',
    );
    expect(error.message).toContain('«Ngày sinh» xuất hiện hai lần (cột C và cột Q)');
  });

  it('headers are matched without regard to case, marks or a note in brackets; a title above is skipped', async () => {
    const headers = {
      fullName: 'HỌ VÀ TÊN *',
      birthDate: 'Ngày sinh (dd/mm/yyyy)',
      cardNumber: 'so the dang vien',
    };
    const job = await preview(
      t,
      office,
      duk,
      'tieu-de.xlsx',
      await xlsxOf([member(700)], { headers, titleRows: ['DANH SÁCH ĐẢNG VIÊN', ''], before: ['Ghi chú'] }),
    );
    expect(job.counts).toEqual({ new: 1, changed: 0, unchanged: 0, rejected: 0 });
  });
});

describe('cells', () => {
  it('bad dates name the row, the column and the value', async () => {
    const job = await preview(
      t,
      office,
      duk,
      'ngày.csv',
      csvOf([
        member(710, { birthDate: '31/02/1980' }),
        member(711, { birthDate: '1980-13-01' }),
        member(712, { admittedOn: 'năm 2005' }),
        member(713, { fullMemberOn: '1980' }),
        member(714, { admittedOn: '01/01/2030' }),
      ]),
    );
    expect(job.counts.rejected).toBe(5);
    expect(job.errors).toEqual([
      {
        row: 2,
        field: 'Ngày sinh',
        message:
          '«31/02/1980» không phải là ngày có thật; hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/02/1980.',
      },
      {
        row: 3,
        field: 'Ngày sinh',
        message:
          '«1980-13-01» không phải là ngày có thật; hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/02/1980.',
      },
      { row: 4, field: 'Ngày vào Đảng', message: expect.stringContaining('«năm 2005» không phải là ngày') },
      { row: 5, field: 'Ngày chính thức', message: expect.stringContaining('«1980» mới là năm') },
      {
        row: 6,
        field: 'Ngày vào Đảng',
        message: expect.stringContaining('không được sau ngày hôm nay (15/03/2020)'),
      },
    ]);
  });

  it('Excel date cells and date serial numbers are both dates', async () => {
    const asDate = cellsOf(720, {
      birthDate: new Date(Date.UTC(1980, 1, 15)),
      admittedOn: new Date(Date.UTC(2005, 4, 19)),
    });
    const asSerial = cellsOf(721, { birthDate: 29266, admittedOn: 38491, fullMemberOn: '19/05/2006' });
    const [a] = await imported(
      [asDate as MemberCells],
      'date.xlsx',
      await workbookWith(asDate, { birthDate: 'dd/mm/yyyy', admittedOn: 'd-mmm-yy' }),
    );
    const [b] = await imported([asSerial as MemberCells], 'serial.xlsx', await workbookWith(asSerial));
    for (const m of [a!, b!]) {
      expect(m.birth_iso).toBe('1980-02-15');
      expect(m.admitted_iso).toBe('2005-05-19');
    }
  });

  it('formulas give their computed value, never evaluated; one without a value is an error', async () => {
    const computed = cellsOf(730, {
      fullName: { formula: 'CONCATENATE("Lê Văn"," Công Thức")', result: 'Lê Văn Công Thức' },
      birthDate: { formula: 'DATE(1980,2,15)', result: 29266 },
      employer: { formula: 'SUM(1,2)', result: 3 },
    });
    const [stored] = await imported(
      [computed as MemberCells],
      'cong-thuc.xlsx',
      await workbookWith(computed, { birthDate: 'dd/mm/yyyy' }),
    );
    expect(stored).toMatchObject({ full_name: 'Lê Văn Công Thức', employer: '3' });
    expect(stored!.birth_iso).toBe('1980-02-15');

    const uncomputed = cellsOf(731, {
      fullName: { formula: 'A1&B1' } as ExcelJS.CellValue,
      hometown: { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue,
    });
    const before = await membersDigest();
    const job = await preview(t, office, duk, 'chua-tinh.xlsx', await workbookWith(uncomputed));
    expect(job.counts.rejected).toBe(1);
    expect(job.errors).toEqual([
      {
        row: 2,
        field: 'Họ và tên',
        message: expect.stringContaining('công thức «=A1&B1» nhưng không có giá trị đã tính'),
      },
      { row: 2, field: 'Quê quán', message: expect.stringContaining('«=1/0»') },
    ]);
    const report = await readWorkbook(
      (await office.get(`/api/v1/member-imports/${job.id}/errors.xlsx`)).rawPayload,
    );
    expect(report.get('Đảng viên')![1]![1]).toBe('=A1&B1');
    expect(await membersDigest()).toBe(before);

    // A CSV holds no computed values: "=…" is a formula written out.
    const csv = await preview(
      t,
      office,
      duk,
      'cong-thuc.csv',
      csvOf([member(732, { employer: '=HYPERLINK("http://x")' })]),
    );
    expect(csv.errors).toEqual([
      { row: 2, field: 'Đơn vị công tác', message: expect.stringContaining('Ô chứa công thức') },
    ]);
  });

  it('HTML and script are stored as the text they are; the error report keeps them as text', async () => {
    const html = '<script>alert("xss")</script><b>Sở</b> & "Ban"';
    const [stored] = await imported([
      member(740, { employer: html, hometown: '<img src=x onerror=alert(1)>' }),
    ]);
    expect(stored).toMatchObject({ employer: html, hometown: '<img src=x onerror=alert(1)>' });
    const job = await preview(
      t,
      office,
      duk,
      'html.xlsx',
      await xlsxOf([member(741, { employer: html, birthDate: 'x' })]),
    );
    const report = await readWorkbook(
      (await office.get(`/api/v1/member-imports/${job.id}/errors.xlsx`)).rawPayload,
    );
    const row = report.get('Đảng viên')![1]!;
    expect(row[MEMBER_COLUMNS.findIndex((c) => c.key === 'employer') + 1]).toBe(html);
  });

  it('control characters are refused, not stripped', async () => {
    const job = await preview(
      t,
      office,
      duk,
      'dieu-khien.csv',
      csvOf([
        member(750, { hometown: 'Nghi Lộc\u0007' }),
        member(751, { employer: 'Sở Tài chính\nPhòng Ngân sách' }),
        member(752, { fullName: 'Nguyễn \u202eVăn A' }),
        member(753, { jobTitle: 'Chuyên\u0000viên' }),
      ]),
    );
    expect(job.counts).toEqual({ new: 0, changed: 0, unchanged: 0, rejected: 4 });
    expect(job.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [2, 'Quê quán', expect.stringContaining('ký tự điều khiển U+0007')],
      [3, 'Đơn vị công tác', expect.stringContaining('ký tự xuống dòng')],
      [4, 'Họ và tên', expect.stringContaining('U+202E')],
      [5, 'Chức vụ', expect.stringContaining('U+0000')],
    ]);
  });

  it('other values a clerk may get wrong', async () => {
    const job = await preview(
      t,
      office,
      duk,
      'sai.csv',
      csvOf([
        member(760, { gender: 'x' }),
        member(761, { status: 'Đang công tác' }),
        member(762, { email: 'khong-phai-email' }),
        member(763, { phone: 'gọi sau' }),
        member(764, { cardNumber: '12-34' }),
        member(765, { fullName: '' }),
        member(766, { birthDate: '01/01/1995', admittedOn: '01/01/2010' }),
        member(767, { status: 'Chính thức', fullMemberOn: '' }),
        member(768, { status: 'Chuyển sinh hoạt ra ngoài' }),
        member(769, { organizationCode: 'mã có dấu' }),
      ]),
    );
    expect(job.counts.rejected).toBe(10);
    expect(job.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'Giới tính'],
      [3, 'Trạng thái'],
      [4, 'Email'],
      [5, 'Điện thoại'],
      [6, 'Số thẻ đảng viên'],
      [7, 'Họ và tên'],
      [8, 'Ngày vào Đảng'],
      [9, 'Ngày chính thức'],
      [10, 'Trạng thái'],
      [11, 'Mã tổ chức'],
    ]);
    expect(job.errors[6]!.message).toContain('Điều lệ Đảng');
  });
});

describe('CSV', () => {
  it('UTF-8 with or without a BOM, comma or semicolon', async () => {
    const cells = [member(800, { hometown: 'Xã Nghi Phong, huyện Nghi Lộc' })];
    for (const opts of [
      { bom: true, delimiter: ';' as const },
      { bom: false, delimiter: ',' as const },
    ]) {
      const job = await preview(t, office, duk, 'ds.csv', csvOf(cells, opts));
      expect(job.counts.rejected, JSON.stringify(job.errors)).toBe(0);
    }
  });

  it('another encoding is refused with the way to save as UTF-8', async () => {
    const latin1 = Buffer.from(
      'Họ và tên,Giới tính\nLê Thị Ánh,Nữ\n'.normalize('NFD').replace(/\p{M}/gu, '').replace('A', '\u00c1'),
      'latin1',
    );
    expectError(await refused('cp1258.csv', latin1), 400, 'IMPORT_CSV_ENCODING');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Họ và tên\tGiới tính\n', 'utf16le'),
    ]);
    expect((await refused('unicode.csv', utf16)).json().error.message).toContain('CSV UTF-8');
  });

  it('a quote left open is refused naming the row, at once or while the rows are read', async () => {
    const line = `"Nguyễn Văn Mở,Nam\r\n`;
    const small = Buffer.from(`${csvOf([member(810)]).toString('utf8')}${line}`);
    const error = expectError(await refused('ngoac.csv', small), 400, 'IMPORT_CSV_MALFORMED');
    expect(error.message).toContain('ở dòng 3: có dấu ngoặc kép (") mở mà không đóng');
    // Far enough into a larger file, the header has been read and the import fails in the background.
    const many = Array.from({ length: 1000 }, (_, i) => member(820 + i));
    const before = await membersDigest();
    const job = await preview(
      t,
      office,
      duk,
      'ngoac.csv',
      Buffer.from(`${csvOf(many).toString('utf8')}${line}`),
    );
    expect(job.status).toBe('failed');
    expect(job.message).toContain('ở dòng 1002');
    expect(await membersDigest()).toBe(before);
  });
});
