import { describe, expect, it, onTestFailed } from 'vitest';
import { fieldError, fillDate, screenshot, settled, visible } from './browser.ts';
import { signIn, signOut, useSession } from './session.ts';

const BLOC = 'Đảng bộ Khối Các cơ quan tỉnh';
const DEPARTMENT = 'Đảng bộ Sở Tài chính';
const GRASSROOTS_DEADLINE = 'Hạn chót (kết thúc chậm nhất) cấp mình quy định cho Cấp cơ sở';

const session = useSession();

/** Without diacritics, as the member search compares. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

describe('congress setup journey', () => {
  it('the bloc narrows the grassroots deadline, a department is held to it, and forms its subcommittees', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, 'congress-setup-failed');
    });

    // (1) The bloc's office narrows the grassroots deadline with its plan; a looser one is refused.
    await signIn(page, 'vanphong');
    await page.getByRole('link', { name: 'Thiết lập đại hội', exact: true }).click();
    await page.waitForURL('**/congress-setup');
    await visible(page.getByRole('tab', { name: 'Thời hạn của cấp mình', selected: true }));
    await visible(page.getByText(`${BLOC} (NA-DUK)`, { exact: true }));
    const grassroots = page.getByRole('region', { name: 'Cấp cơ sở', exact: true });
    await visible(grassroots.getByText('30/06/2020', { exact: true }));
    await page.getByLabel('Văn bản quy định').fill('Kế hoạch 165-KH/ĐUK');
    await fillDate(page.getByLabel('Ngày văn bản'), '31/10/2019');
    const deadline = page.getByLabel(GRASSROOTS_DEADLINE, { exact: true });
    await fillDate(deadline, '15/07/2020');
    await page.getByRole('button', { name: 'Lưu thời hạn' }).click();
    const refusal = (await (await fieldError(page, deadline)).textContent()) ?? '';
    expect(refusal).toContain('15/07/2020');
    expect(refusal).toContain('35-CT/TW');
    expect(refusal).toContain('30/06/2020');
    await settled(page);
    await screenshot(page, 'congress-setup-01-looser-refused');

    await fillDate(deadline, '15/06/2020');
    await expect.poll(() => deadline.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByRole('button', { name: 'Lưu thời hạn' }).click();
    await visible(page.getByText(`Đã lưu thời hạn đại hội của ${BLOC}.`));
    expect(await deadline.inputValue()).toBe('15/06/2020');
    await signOut(page);

    // (2) The department's secretary has no plan yet: a congress after the bloc's deadline is refused.
    await signIn(page, 'bithu.stc');
    await page.getByRole('link', { name: 'Kế hoạch đại hội', exact: true }).click();
    await page.getByRole('button', { name: 'Lập kế hoạch đại hội' }).click();
    await page.waitForURL('**/congress-plans/new');
    await visible(page.locator('form').getByText(/^2020–2025 \(/));
    // The rule beside the date is the bloc's, citing its plan, no longer the directive's 30/06.
    await visible(page.getByText('Hoàn thành chậm nhất ngày 15/06/2020', { exact: true }));
    await visible(page.getByText('Theo Kế hoạch 165-KH/ĐUK ngày 31/10/2019', { exact: true }));
    const date = page.getByLabel('Ngày khai mạc (dự kiến)');
    // Not by its exact name: while its spinner fades out, the button's name still carries the icon's.
    const save = page.locator('form').getByRole('button', { name: 'Lưu' });
    await fillDate(date, '22/06/2020');
    await save.click();
    const tighter = (await (await fieldError(page, date)).textContent()) ?? '';
    expect(tighter).toContain('15/06/2020');
    expect(tighter).toContain('165-KH/ĐUK');
    await settled(page);
    await screenshot(page, 'congress-setup-02-plan-refused');
    await fillDate(date, '12/06/2020');
    await expect.poll(() => date.getAttribute('aria-invalid')).not.toBe('true');
    await save.click();
    await page.waitForURL(/\/congress-plans\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name: `Kế hoạch đại hội — ${DEPARTMENT}` }));

    // (3) The three subcommittees in one click, then the documents subcommittee gets its head.
    await page.getByRole('tab', { name: 'Tiểu ban (0)' }).click();
    await page.getByRole('button', { name: 'Thành lập ba tiểu ban' }).click();
    await visible(page.getByRole('tab', { name: 'Tiểu ban (3)' }));
    const documents = await visible(page.getByRole('region', { name: 'Tiểu ban Văn kiện' }));
    await visible(page.getByRole('region', { name: 'Tiểu ban Nhân sự' }));
    await visible(page.getByRole('region', { name: 'Tiểu ban Tổ chức phục vụ đại hội' }));
    await documents.getByRole('button', { name: 'Sửa Tiểu ban Văn kiện' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Sửa Tiểu ban Văn kiện' }));
    await dialog.getByLabel('Nhiệm vụ', { exact: true }).fill('Xây dựng dự thảo báo cáo chính trị');
    const pick = dialog.getByLabel('Thêm thành viên');
    await pick.click();
    await pick.fill('nguyen');
    // The search answers after a pause: wait until every option shown is one it found.
    const options = page.locator('.ant-select-item-option').filter({ visible: true });
    await expect
      .poll(async () => {
        const names = await options.allTextContents();
        return names.length > 0 && names.every((n) => fold(n).includes('nguyen'));
      })
      .toBe(true);
    const first = options.first();
    const fullName = ((await first.textContent()) ?? '').replace(/\s*\(.*\)$/, '');
    await first.click();
    await visible(dialog.getByRole('combobox', { name: `Vai trò của ${fullName}` }));
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByText('Đã lưu tiểu ban.'));
    const row = documents.getByRole('row').filter({ hasText: fullName });
    await visible(row.getByRole('cell', { name: 'Trưởng tiểu ban', exact: true }));
    await visible(documents.getByText('Xây dựng dự thảo báo cáo chính trị'));
    await settled(page);
    await screenshot(page, 'congress-setup-03-subcommittee');
    await context.close();
  });
});
