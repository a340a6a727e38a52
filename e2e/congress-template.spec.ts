import type { Locator, Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { button, option, screenshot, settled, visible } from './browser.ts';
import { signIn, signOut, useSession } from './session.ts';

const BLOC = 'Đảng bộ Khối Các cơ quan tỉnh';
const ORG_NAME = 'Đảng bộ Sở Tài chính';
const TEMPLATE = `Các bước chuẩn bị đại hội của ${BLOC}`;
const EXTRA = 'Báo cáo Thường trực Đảng ủy Khối về dự thảo văn kiện';
/** The shipped steps of the 2020–2025 term, and the announcement of the opening date among them. */
const STEPS = 15;
const OPENING = 10;

const session = useSession();

/** The message under a cell: the one its aria-describedby points to. */
async function cellError(page: Page, field: Locator): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const id = (await field.getAttribute('aria-describedby')) ?? '';
  return (await (await visible(page.locator(`[id="${id}"]`))).textContent()) ?? '';
}

describe('preparation template journey', () => {
  it('the bloc office drafts a template with a step of its own, is stopped at the late announcement, publishes it to the plans adopted below too; a plan adopted later gets the step', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, 'congress-template-failed');
    });
    const saves: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT' && new URL(r.url()).pathname.endsWith('/congress-template'))
        saves.push(r.url());
    });

    // (1) The bloc's office starts its own template from the shipped steps and adds one.
    await signIn(page, 'vanphong');
    await page.goto('/congress-setup?tab=template');
    await visible(page.getByText(`Các tổ chức trực thuộc đang theo: `, { exact: false }));
    await visible(page.getByText(/^Mẫu chung theo Chỉ thị 35-CT\/TW · 15 bước$/));
    await page.getByRole('button', { name: 'Soạn mẫu riêng' }).click();
    await page.getByLabel('Văn bản căn cứ').fill('Kế hoạch 165-KH/ĐUK ngày 31/10/2019');
    await page.getByRole('button', { name: 'Thêm bước' }).click();
    const extra = STEPS - 2; // before the congress and the two steps after it
    await page.getByLabel(`Tên bước, Bước ${extra}`, { exact: true }).fill(EXTRA);
    await page.getByLabel(`Bộ phận thực hiện, Bước ${extra}`, { exact: true }).click();
    await (await visible(option(page, 'Cấp ủy triệu tập đại hội'))).click();
    await page.getByLabel(`Số ngày, Bước ${extra}`, { exact: true }).fill('55');

    // (2) The announcement 20 working days ahead is refused at its step, before anything is sent.
    const announce = page.getByLabel(`Số ngày, Bước ${OPENING}`, { exact: true });
    await announce.fill('20');
    await announce.press('Tab');
    const refusal = await cellError(page, announce);
    expect(refusal).toContain('26-HD/BTCTW');
    expect(refusal).toContain('ít nhất 30 ngày làm việc');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await visible(
      page.getByText(`Có 1 chỗ chưa hợp lệ (đánh dấu đỏ) ở bước ${OPENING}; hãy sửa rồi lưu lại.`),
    );
    expect(saves).toHaveLength(0);
    await settled(page);
    await screenshot(page, 'congress-template-01-refused');

    // (3) Fixed, saved as a draft, published to the organizations below.
    await announce.fill('30');
    await announce.press('Tab');
    await expect.poll(() => announce.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await visible(page.getByText(/^Đã lưu bản nháp\./));
    expect(saves).toHaveLength(1);
    await page.getByRole('button', { name: 'Công bố' }).click();
    const confirm = await visible(page.getByRole('dialog').filter({ hasText: `Công bố mẫu «${TEMPLATE}»?` }));
    await visible(confirm.getByText('Kế hoạch đã ban hành trước đó giữ nguyên các công việc của mình.'));
    // The plans already adopted below, none of which has held its congress, take the new step as well.
    await confirm.getByLabel('Áp dụng cho các kế hoạch đã lập (chưa tiến hành đại hội)').check();
    await confirm.getByRole('button', { name: 'Công bố' }).click();
    await visible(page.getByText(`Đã công bố mẫu «${TEMPLATE}» cho các tổ chức thuộc ${BLOC}.`));
    await visible(page.getByText(/^Đã cập nhật (\d+) kế hoạch: thêm \1 công việc, sửa \d+, bỏ 0\.$/));
    await visible(page.getByText(`Các tổ chức trực thuộc đang theo: ${TEMPLATE}`));
    await visible(page.getByRole('cell', { name: EXTRA }));
    await settled(page);
    await screenshot(page, 'congress-template-02-published');
    await signOut(page);

    // (4) The department's secretary adopts its plan: the bloc's step is among its tasks.
    await signIn(page, 'bithu.stc');
    await page.goto('/congress-plans/new');
    await visible(page.getByRole('heading', { name: 'Lập kế hoạch đại hội' }));
    const date = page.getByLabel('Ngày khai mạc (dự kiến)');
    await date.fill('20/05/2020');
    await date.press('Tab');
    await button(page, 'Lưu').click();
    await page.waitForURL(/\/congress-plans\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name: `Kế hoạch đại hội — ${ORG_NAME}` }));
    const tasks = page.getByRole('tabpanel', { name: `Công việc chuẩn bị (${STEPS + 1})` });
    await visible(tasks.getByText(`Các bước theo: ${TEMPLATE}`, { exact: true }));
    await visible(tasks.getByText(EXTRA, { exact: true }));
    await settled(page);
    await screenshot(page, 'congress-template-03-plan-tasks');
    await context.close();
  });
});
