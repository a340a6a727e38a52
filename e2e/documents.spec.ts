import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { docxText } from '../packages/server/src/exports/docx-text.ts';
import { button, fieldError, fillDate, screenshot, settled, visible } from './browser.ts';
import { signIn, signOut, useSession } from './session.ts';
import { rowsOf, workbookOf } from './xlsx.ts';

const BLOC = 'Đảng bộ Khối Các cơ quan tỉnh';
const ORG_NAME = 'Đảng bộ Sở Tài chính';
const SUMMARY = 'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng';
/** Number · date · issuer, the way every list names the directive. */
const LABEL = '35-CT/TW · 30/05/2019 · Bộ Chính trị';
const HEADING = 'Chỉ thị số 35-CT/TW ngày 30/05/2019 của Bộ Chính trị';
/** No demo distribution carries this date, so it tells the new one apart in the secretary's inbox. */
const DUE = '30/04/2020';
const SESSION_TITLE = 'Hội nghị quán triệt Chỉ thị 35-CT/TW cho Đảng bộ Sở Tài chính';
const ABSENCE = 'Đi công tác';

const session = useSession();

/** Opens a search select, types, and picks the option that reads `option`. */
async function choose(page: Page, field: Locator, search: string, option: string) {
  await field.click();
  await field.fill(search);
  await (await visible(page.locator('.ant-select-item-option').filter({ hasText: option }))).click();
}

describe('document journey', () => {
  it('the office registers 35-CT/TW and sends it down, the secretary confirms, the conference is recorded and coverage exported', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, 'documents-failed-journey');
    });
    const created: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/documents') created.push(r.url());
    });

    // (1) The office registers the directive in the bloc's own register.
    await signIn(page, 'vanphong');
    await page.getByRole('link', { name: 'Sổ văn bản', exact: true }).click();
    await page.waitForURL('**/documents');
    await page.getByRole('button', { name: 'Nhập văn bản đến' }).click();
    await page.waitForURL('**/documents/new?direction=incoming*');
    await visible(page.getByRole('heading', { name: 'Nhập văn bản đến' }));
    await choose(page, page.getByLabel('Sổ văn bản của'), 'khoi cac co quan', `${BLOC} (NA-DUK)`);
    await choose(page, page.getByLabel('Loại văn bản'), 'Chỉ thị', 'Chỉ thị (CT)');
    const number = page.getByLabel('Số và ký hiệu');
    await number.fill('1206/QĐ-BTP');
    await page.getByLabel('Cơ quan ban hành').fill('Bộ Chính trị');
    await fillDate(page.getByLabel('Ngày ban hành'), '30/05/2019');
    await page.getByLabel('Trích yếu').fill(SUMMARY);
    await page.getByLabel('Người ký', { exact: true }).fill('Trần Quốc Vượng');
    await page.getByLabel('Chức vụ người ký').fill('Thường trực Ban Bí thư');
    await button(page, 'Lưu').click();
    const refusal = await fieldError(page, number);
    expect(await refusal.textContent()).toContain('“1206/QĐ-BTP” ghi theo kiểu số văn bản nhà nước');
    expect(await refusal.textContent()).toContain('“Số 165-KH/ĐUK”');
    expect(new URL(page.url()).pathname).toBe('/documents/new');
    expect(created).toHaveLength(0);
    await settled(page);
    await screenshot(page, 'documents-01-state-number-refused');

    await number.fill('Số 35-CT/TW');
    await expect.poll(() => number.getAttribute('aria-invalid')).not.toBe('true');
    await button(page, 'Lưu').click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    const documentPath = new URL(page.url()).pathname;
    expect(created).toHaveLength(1);
    await visible(page.getByText(`Đã vào sổ văn bản ${LABEL}.`));
    await visible(page.getByRole('heading', { name: HEADING, exact: true }));
    await visible(page.getByText(SUMMARY, { exact: true }));
    await visible(page.getByRole('tabpanel', { name: 'Thông tin' }).getByText(BLOC, { exact: true }));
    await settled(page);
    await screenshot(page, 'documents-02-registered');

    // (2) It goes down to the department's committee with a due date for the report.
    await page.getByRole('tab', { name: 'Gửi xuống' }).click();
    const distribution = page.getByRole('tabpanel', { name: 'Gửi xuống' });
    await visible(distribution.getByText('Chưa gửi văn bản cho tổ chức nào.'));
    await distribution.getByRole('button', { name: 'Gửi xuống tổ chức trực thuộc' }).click();
    const sendDialog = await visible(
      page.getByRole('dialog', { name: 'Gửi văn bản xuống tổ chức trực thuộc' }),
    );
    const recipients = sendDialog.getByLabel('Tổ chức nhận');
    await recipients.click();
    await recipients.fill('so tai chinh');
    await (
      await visible(page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: ORG_NAME }))
    ).click();
    await visible(sendDialog.getByText('Đã chọn 1 tổ chức.'));
    await fillDate(sendDialog.getByLabel('Hạn báo cáo triển khai'), DUE);
    await button(sendDialog, 'Gửi').click();
    await sendDialog.waitFor({ state: 'hidden' });
    await visible(page.getByText('Đã gửi văn bản cho 1 tổ chức.'));
    const recipientRow = await visible(
      distribution.getByRole('row').filter({ has: page.getByRole('cell', { name: ORG_NAME, exact: true }) }),
    );
    await visible(recipientRow.getByText('Đã gửi', { exact: true }));
    await visible(recipientRow.getByText(DUE, { exact: true }));
    await visible(distribution.getByText('1 tổ chức nhận · 0 đã nhận · 0 đã báo cáo'));
    await visible(page.getByRole('tab', { name: 'Gửi xuống (0/1)' }));
    await settled(page);
    await screenshot(page, 'documents-03-sent-down');

    // (3) The Word file in the Party format.
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải tệp Word (.docx)' }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe('35-CT-TW 2019-05-30.docx');
    const text = await docxText(await readFile(await docx.path()));
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Số 35-CT/TW');
    expect(text).toContain(SUMMARY);
    expect(text).toContain('Trần Quốc Vượng');

    await signOut(page);

    // (4) The department's secretary finds it among the incoming documents and confirms receipt.
    await signIn(page, 'bithu.stc');
    await page.getByRole('link', { name: 'Văn bản đến', exact: true }).click();
    await page.waitForURL('**/documents/incoming');
    const inboxRow = await visible(
      page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: LABEL, exact: true }) })
        .filter({ has: page.getByText(DUE, { exact: true }) }),
    );
    expect(await inboxRow.count()).toBe(1);
    await visible(inboxRow.getByText('Đã gửi', { exact: true }));
    await visible(inboxRow.getByText(SUMMARY));
    await settled(page);
    await screenshot(page, 'documents-04-inbox');
    await inboxRow.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
    await visible(page.getByText('Đã xác nhận nhận văn bản.'));
    await visible(inboxRow.getByText('Đã nhận', { exact: true }));
    await inboxRow.getByRole('button', { name: 'Xác nhận đã nhận' }).waitFor({ state: 'detached' });
    await visible(inboxRow.getByRole('button', { name: 'Báo cáo triển khai' }));
    await settled(page);
    await screenshot(page, 'documents-05-received');

    await signOut(page);

    // (5) The bloc's conference on the directive, with the department's members convened.
    await signIn(page, 'vanphong');
    await page.getByRole('link', { name: 'Hội nghị quán triệt', exact: true }).click();
    await page.waitForURL('**/dissemination-sessions');
    await page.getByRole('button', { name: 'Tạo hội nghị' }).click();
    await page.waitForURL('**/dissemination-sessions/new');
    await visible(page.getByRole('heading', { name: 'Tạo hội nghị quán triệt' }));
    await page.getByLabel('Tên hội nghị').fill(SESSION_TITLE);
    await choose(page, page.getByLabel('Đơn vị tổ chức'), 'khoi cac co quan', `${BLOC} (NA-DUK)`);
    await choose(page, page.getByLabel('Tổ chức được triệu tập'), 'so tai chinh', `${ORG_NAME} (NA-DUK-STC)`);
    await fillDate(page.getByLabel('Ngày', { exact: true }), '20/11/2019');
    await fillDate(page.getByLabel('Giờ', { exact: true }), '14:00');
    const studied = page.getByLabel('Văn bản được quán triệt');
    await studied.click();
    await studied.fill('35-CT/TW');
    const choices = page.locator('.ant-select-item-option').filter({ hasText: LABEL });
    await visible(choices);
    await settled(page);
    await screenshot(page, 'documents-06-document-choices');
    // The province's copy reads the same; the bloc's own, registered last, comes first (checked below by following it).
    await choices.first().click();
    await page.getByLabel('Tên hội nghị').click();
    await settled(page);
    await screenshot(page, 'documents-07-conference-form');
    await button(page, 'Lưu').click();
    await page.waitForURL(/\/dissemination-sessions\/[0-9a-f-]{36}$/);
    await visible(page.getByText(`Đã tạo hội nghị «${SESSION_TITLE}».`));
    await visible(page.getByRole('heading', { name: SESSION_TITLE }));
    await visible(page.getByText('20/11/2019 14:00'));

    const attendance = page.getByRole('tabpanel', { name: 'Điểm danh' });
    const shown = await visible(attendance.getByText(/^Hiển thị \d+ đảng viên\.$/));
    const total = Number(/\d+/.exec((await shown.textContent()) ?? '')?.[0]);
    // Every convened member is on this one page: the count is the whole list, with nothing more to load.
    expect(total).toBeGreaterThan(1);
    expect(total).toBeLessThanOrEqual(100);
    expect(await attendance.getByRole('button', { name: 'Xem thêm' }).count()).toBe(0);
    await visible(page.getByText(`Có mặt 0/${total} · vắng 0 · chưa điểm danh ${total}`));
    const memberRows = attendance.locator('tbody tr.ant-table-row');
    expect(await memberRows.count()).toBe(total);

    await attendance.getByRole('button', { name: 'Đánh dấu tất cả có mặt' }).click();
    await visible(attendance.getByText(`Đã đánh dấu ${total} đảng viên có mặt (chưa lưu).`));
    // The second member listed is away on business; each row's marks are named after the member.
    const marksLabel = (await attendance.getByRole('radiogroup').nth(1).getAttribute('aria-label')) ?? '';
    const absentName = marksLabel.replace(/^Điểm danh: /, '');
    expect(absentName).not.toBe(marksLabel);
    await visible(memberRows.nth(1).getByText(absentName, { exact: true }));
    const absentMarks = page.getByRole('radiogroup', { name: `Điểm danh: ${absentName}`, exact: true });
    await absentMarks.getByText('Vắng', { exact: true }).click();
    const reasonDialog = await visible(
      page.getByRole('dialog', { name: `Lý do vắng mặt của ${absentName}` }),
    );
    await reasonDialog.getByRole('button', { name: ABSENCE }).click();
    await reasonDialog.waitFor({ state: 'hidden' });
    const absentRow = memberRows.filter({ has: absentMarks });
    await visible(absentRow.getByText(ABSENCE, { exact: true }));
    expect(await absentMarks.getByRole('radio', { name: 'Vắng' }).isChecked()).toBe(true);
    await visible(page.getByText(`${total} thay đổi chưa lưu`, { exact: true }).first());
    await settled(page);
    await screenshot(page, 'documents-08-attendance-marked');

    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await visible(page.getByText(`Đã lưu điểm danh: ${total - 1} có mặt, 1 vắng, 0 bỏ điểm danh.`));
    await visible(page.getByText(`Có mặt ${total - 1}/${total} · vắng 1 · chưa điểm danh 0`));
    await page.getByRole('button', { name: 'Lưu điểm danh' }).waitFor({ state: 'detached' });
    await settled(page);
    await screenshot(page, 'documents-09-attendance-saved');

    // (6) Back on the directive: who has studied it, and who not yet.
    await page.getByRole('link', { name: LABEL, exact: true }).click();
    await page.waitForURL(`**${documentPath}`);
    await visible(page.getByRole('heading', { name: HEADING, exact: true }));
    await visible(page.getByRole('tab', { name: 'Gửi xuống (0/1)' }));
    await page.getByRole('tab', { name: 'Gửi xuống (0/1)' }).click();
    await visible(page.getByText('1 tổ chức nhận · 1 đã nhận · 0 đã báo cáo'));

    await page.getByRole('tab', { name: 'Kết quả học tập, quán triệt' }).click();
    const coverage = page.getByRole('tabpanel', { name: 'Kết quả học tập, quán triệt' });
    await visible(coverage.getByText(`Mặc định: đơn vị giữ sổ văn bản: ${BLOC}`));
    const drillName = { name: `Xem chi tiết ${ORG_NAME}`, exact: true };
    const departmentRow = coverage.getByRole('row').filter({ has: page.getByRole('button', drillName) });
    await visible(departmentRow.getByRole('cell', { name: String(total - 1), exact: true }));
    await visible(departmentRow.getByRole('cell', { name: String(total), exact: true }));
    await departmentRow.getByRole('button', drillName).click();
    await visible(coverage.getByText(`Phạm vi: ${ORG_NAME}`, { exact: true }));
    await visible(
      coverage.getByRole('heading', { name: new RegExp(`^Đã học tập ${total - 1}/${total} đảng viên \\(`) }),
    );
    const missing = coverage.getByRole('region', { name: 'Đảng viên chưa học tập (1)' });
    await visible(missing.getByRole('listitem').filter({ hasText: absentName }));
    expect(await missing.getByRole('listitem').count()).toBe(1);
    await settled(page);
    await screenshot(page, 'documents-10-coverage');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      coverage.getByRole('link', { name: 'Tải Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = await workbookOf(xlsx);
    const notYet = rowsOf(workbook.getWorksheet('Chưa học tập'));
    expect(notYet[0]).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Tổ chức đảng']);
    expect(notYet.slice(1).map((r) => r[1])).toEqual([absentName]);
    const summary = rowsOf(workbook.getWorksheet('Tổng hợp'));
    const header = summary.find((r) => r.includes('Số đảng viên')) ?? [];
    const department = summary.find((r) => r[1]?.trim() === ORG_NAME) ?? [];
    expect(department[header.indexOf('Số đảng viên')]).toBe(String(total));
    expect(department[header.indexOf('Đã học tập')]).toBe(String(total - 1));
    expect(department[header.indexOf('Chưa học tập')]).toBe('1');
    await context.close();
  });
});
