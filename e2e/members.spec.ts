import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { screenshot, visible } from './browser.ts';
import { signIn, useSession } from './session.ts';
import { rowsOf, workbookOf } from './xlsx.ts';

const ORG_NAME = 'Đảng bộ Sở Tài chính';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const session = useSession();

type Person = Record<string, string>;

/** The people of the import; the card numbers (12 digits) stay clear of the demo dataset's. */
const PEOPLE: Person[] = [
  {
    'Họ và tên': 'Khổng Thị Ngọc Diệp',
    'Giới tính': 'Nữ',
    'Ngày sinh': '14/02/1984',
    'Dân tộc': 'Kinh',
    'Số thẻ đảng viên': '990000000001',
    'Ngày vào Đảng': '19/05/2008',
    'Ngày chính thức': '19/05/2009',
    'Trạng thái': 'Chính thức',
    'Mã tổ chức': 'NA-DUK-STC-CB01',
  },
  {
    'Họ và tên': 'Âu Văn Thành',
    'Giới tính': 'Nam',
    'Ngày sinh': '28/02/1980',
    'Dân tộc': 'Thái',
    'Số thẻ đảng viên': '990000000002',
    'Ngày vào Đảng': '03/02/2004',
    'Ngày chính thức': '03/02/2005',
    'Trạng thái': 'Chính thức',
    'Mã tổ chức': 'NA-DUK-STC-CB02',
  },
  {
    'Họ và tên': 'Lò Thị Hương Giang',
    'Giới tính': 'Nữ',
    'Ngày sinh': '01/01/1995',
    'Dân tộc': 'Thái',
    'Số thẻ đảng viên': '990000000003',
    'Ngày vào Đảng': '01/01/2019',
    'Ngày chính thức': '',
    'Trạng thái': 'Dự bị',
    'Mã tổ chức': 'NA-DUK-STC-CB01',
  },
  {
    'Họ và tên': 'Ông Đình Khoa',
    'Giới tính': 'Nam',
    'Ngày sinh': '15/08/1988',
    'Dân tộc': 'Kinh',
    'Số thẻ đảng viên': '990000000004',
    'Ngày vào Đảng': '10/10/2012',
    'Ngày chính thức': '10/10/2013',
    'Trạng thái': 'Chính thức',
    'Mã tổ chức': 'NA-DUK-STC-CB02',
  },
];

/** Three rows a clerk gets wrong: a 31 February, an admission at 14, a card number used twice in the file. */
function withMistakes(people: Person[]): Person[] {
  const [diep, thanh, giang, khoa] = people as [Person, Person, Person, Person];
  return [
    diep,
    { ...thanh, 'Ngày sinh': '31/02/1980' },
    { ...giang, 'Ngày sinh': '01/01/2005' },
    { ...khoa, 'Số thẻ đảng viên': diep['Số thẻ đảng viên'] ?? '' },
  ];
}

/** A workbook laid out as the template: its header row (read from the downloaded template), one person a row. */
async function memberFile(headers: string[], people: Person[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đảng viên');
  sheet.addRow(headers);
  for (const person of people) sheet.addRow(headers.map((h) => person[h] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function chooseImportOrganization(page: Page) {
  const select = await visible(page.getByLabel('Nhập vào tổ chức'));
  await select.click();
  await select.fill('so tai chinh');
  await page.locator('.ant-select-item-option').filter({ hasText: ORG_NAME }).first().click();
}

async function upload(page: Page, name: string, content: Buffer) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer: content });
  await page.waitForURL(/\/members\/import\/[0-9a-f-]{36}$/);
  // Parsing runs in the background; the page polls until the preview is there.
  await visible(page.getByText('Bị từ chối', { exact: true }), 60_000);
}

async function countOf(page: Page, label: string): Promise<string> {
  const card = page.locator('.ant-statistic').filter({ has: page.getByText(label, { exact: true }) });
  const value = await visible(card.locator('.ant-statistic-content-value'));
  return (await value.textContent()) ?? '';
}

describe('member registry journey', () => {
  it('the office imports the template with mistakes, reads them, fixes the file, commits, finds a name without diacritics and exports', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, 'members-failed-journey');
    });

    await signIn(page, 'vanphong');
    await page.getByRole('link', { name: 'Nhập đảng viên' }).click();
    await page.waitForURL('**/members/import');
    await visible(page.getByText('Tải tệp mẫu', { exact: true }).first());

    const [templateDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải tệp mẫu (.xlsx)' }).click(),
    ]);
    expect(templateDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const template = await workbookOf(templateDownload);
    const headers = rowsOf(template.worksheets[0] as ExcelJS.Worksheet)[0] ?? [];
    for (const column of Object.keys(PEOPLE[0] as Person)) expect(headers).toContain(column);
    await screenshot(page, 'members-01-import-template');

    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await chooseImportOrganization(page);
    await upload(page, 'danh-sach.xlsx', await memberFile(headers, withMistakes(PEOPLE)));
    await visible(page.getByRole('button', { name: 'Xác nhận nhập' }), 60_000);
    expect(await countOf(page, 'Mới')).toBe('1');
    expect(await countOf(page, 'Bị từ chối')).toBe('3');

    const errors = page.getByRole('region', { name: 'Các dòng bị từ chối' });
    const errorRow = (row: number) =>
      errors.getByRole('row').filter({ has: page.getByRole('cell', { name: String(row), exact: true }) });
    await visible(errorRow(3).filter({ hasText: 'Ngày sinh' }).filter({ hasText: '31/02/1980' }));
    await visible(errorRow(4).filter({ hasText: 'Ngày vào Đảng' }).filter({ hasText: '18 tuổi' }));
    await visible(errorRow(5).filter({ hasText: 'Số thẻ đảng viên' }).filter({ hasText: 'trùng' }));
    await screenshot(page, 'members-02-import-errors');

    const [reportDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải báo cáo lỗi (.xlsx)' }).click(),
    ]);
    const report = rowsOf((await workbookOf(reportDownload)).worksheets[0] as ExcelJS.Worksheet);
    const reportText = report.map((r) => r.join(' | ')).join('\n');
    expect(reportText).toContain('31/02/1980');
    expect(reportText).toContain('18 tuổi');

    // Fix the file and import it again: nothing from the first upload was written.
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await page.waitForURL('**/members/import');
    await chooseImportOrganization(page);
    const fixed = await memberFile(headers, PEOPLE);
    await upload(page, 'danh-sach.xlsx', fixed);
    await visible(page.getByRole('button', { name: 'Xác nhận nhập' }), 60_000);
    expect(await countOf(page, 'Mới')).toBe('4');
    expect(await countOf(page, 'Bị từ chối')).toBe('0');
    await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Xác nhận nhập' }).click();
    await visible(page.getByText('Đã nhập xong'), 60_000);
    await visible(page.getByText('Thêm mới 4, cập nhật 0, không đổi 0, bị từ chối 0.'));
    await screenshot(page, 'members-03-import-done');

    // The same file once more changes nothing: the card number is the key.
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await chooseImportOrganization(page);
    await upload(page, 'danh-sach.xlsx', fixed);
    await visible(page.getByText('Không có dòng nào mới hoặc thay đổi để nhập.'), 60_000);
    expect(await countOf(page, 'Không đổi')).toBe('4');
    expect(await page.getByRole('button', { name: 'Xác nhận nhập' }).isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'Đảng viên', exact: true }).click();
    await page.waitForURL('**/members');
    await page.getByRole('searchbox', { name: 'Tìm đảng viên' }).fill('khong thi ngoc diep');
    await page.waitForURL(/q=khong/);
    const table = page.locator('.dh-members-table');
    await visible(table.getByRole('link', { name: 'Khổng Thị Ngọc Diệp', exact: true }));
    await visible(page.getByText('Hiển thị 1 đảng viên.'));
    await screenshot(page, 'members-04-search-no-diacritics');

    // A probationary member past 12 months carries the warning, with its article.
    await page.getByRole('searchbox', { name: 'Tìm đảng viên' }).fill('lo thi huong giang');
    await page.waitForURL(/q=lo/);
    await visible(table.getByRole('link', { name: 'Lò Thị Hương Giang', exact: true }));
    await visible(table.getByRole('img', { name: /quá thời hạn dự bị 12 tháng.*Điều lệ Đảng/ }));

    await page.getByRole('searchbox', { name: 'Tìm đảng viên' }).fill('khong thi ngoc diep');
    await page.waitForURL(/q=khong/);
    await visible(table.getByRole('link', { name: 'Khổng Thị Ngọc Diệp', exact: true }));
    // The export takes the list's filters: the same one person.
    const [exportDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Excel' }).click(),
    ]);
    expect(exportDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = rowsOf((await workbookOf(exportDownload)).worksheets[0] as ExcelJS.Worksheet);
    const exportedHeader = exported.find((r) => r.includes('Họ và tên')) ?? [];
    const people = exported.filter((r) => r.includes('Khổng Thị Ngọc Diệp'));
    expect(people).toHaveLength(1);
    expect(exported.filter((r) => r.includes('Âu Văn Thành'))).toHaveLength(0);
    expect(people[0]?.[exportedHeader.indexOf('Ngày sinh')]).toBe('14/02/1984');
    await context.close();
  });

  it('a clerk adds a member with the rules of the browser, keeps a draft through a reload, and transfers the member', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, 'members-failed-form');
    });
    await signIn(page, 'vanphong');
    await page.goto('/members/new');
    await (await visible(page.getByLabel('Họ và tên'))).fill('Tạ Thị Minh Nguyệt');
    await page.getByText('Nữ', { exact: true }).click();
    const date = async (label: string, value: string) => {
      await page.getByLabel(label).fill(value);
      await page.getByLabel(label).press('Tab');
    };
    await date('Ngày sinh', '02/03/1990');
    await date('Ngày vào Đảng', '19/05/2005');
    const org = page.getByLabel('Tổ chức đảng');
    await org.click();
    await org.fill('phong ngan sach');
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: 'Chi bộ Phòng Ngân sách' })
      .first()
      .click();
    await page.getByLabel('Tình trạng').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Đảng viên chính thức' }).first().click();
    await page.getByRole('button', { name: 'Lưu' }).click();
    // The core's rules, in the browser, before anything is sent.
    await visible(page.getByText(/khi đó mới 15 tuổi; người vào Đảng phải từ đủ 18 tuổi/));
    await visible(page.getByText('Đảng viên chính thức phải có ngày chính thức.'));
    await screenshot(page, 'members-05-form-rules');

    await date('Ngày sinh', '02/03/1980');
    await date('Ngày chính thức', '19/05/2006');
    await page.getByLabel('Số thẻ đảng viên').fill('990000000009');
    await page.reload();
    await visible(page.getByText(/Đã khôi phục bản nháp/));
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Tạ Thị Minh Nguyệt');
    expect(await page.getByLabel('Ngày chính thức').inputValue()).toBe('19/05/2006');
    await visible(page.getByText('Chi bộ Phòng Ngân sách (NA-DUK-STC-CB02)'));
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name: 'Tạ Thị Minh Nguyệt' }));
    expect(
      await page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('daihoi.draft'))"),
    ).toEqual([]);

    await page.getByRole('button', { name: 'Chuyển sinh hoạt' }).click();
    const dialog = await visible(page.getByRole('dialog'));
    const target = dialog.getByLabel('Tổ chức chuyển đến');
    await target.click();
    await target.fill('van phong so');
    await page.locator('.ant-select-item-option').filter({ hasText: 'NA-DUK-STC-CB01' }).first().click();
    await dialog.getByLabel('Ngày chuyển').fill('01/04/2020');
    await dialog.getByLabel('Ngày chuyển').press('Tab');
    await dialog.getByLabel('Lý do').fill('Điều động công tác');
    await dialog.getByRole('button', { name: 'Chuyển sinh hoạt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Dated after the business date (15/03/2020): it waits for its day.
    await visible(page.getByText(/Đang chờ chuyển sinh hoạt sang .* từ ngày 01\/04\/2020/));
    await page.getByRole('tab', { name: /Chuyển sinh hoạt/ }).click();
    await visible(page.getByText('Chờ đến ngày'));
    await screenshot(page, 'members-06-transfer-pending');
    await context.close();
  });

  it('fits a phone: the member list as cards, the filters behind one button', async () => {
    const context = await session.newContext({ width: 390, height: 844 }, true);
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, 'members-failed-phone');
    });
    await signIn(page, 'vanphong');
    await page.goto('/members');
    await visible(page.getByRole('list', { name: 'Danh sách đảng viên' }).getByRole('listitem'));
    await visible(page.getByRole('button', { name: 'Bộ lọc' }));
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'members-07-phone-list');
    await context.close();
  });
});
