import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { pdf as samplePdf, png as samplePng } from '../packages/server/src/modules/files/fixtures.ts';
import { screenshot, settled, visible } from './browser.ts';
import { signIn, signOut, useSession } from './session.ts';

const ORG_NAME = 'Đảng bộ Sở Tài chính';
const PLAN_NAME = 'Kế hoạch tổ chức đại hội.pdf';
const HALL_NAME = 'Sơ đồ hội trường.png';
const FAKE_PDF_NAME = 'Biên bản giả mạo.pdf';
const TYPE_MISMATCH =
  'Nội dung tệp không đúng với phần mở rộng trong tên tệp (ví dụ tệp tên .pdf nhưng thực chất là ảnh); hãy kiểm tra lại tệp.';

/** Sizes under 1 KB as the file list shows them in Vietnamese. */
const bytesLabel = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} B`;

const session = useSession();

async function downloaded(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFile(file);
}

/** The bell's unread count, read from its accessible name once it is at least `atLeast`. */
async function unreadCount(page: Page, atLeast = 0): Promise<number> {
  const bell = page.getByRole('button', { name: /^Thông báo \(\d+ chưa đọc\)$/ });
  await visible(bell);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const name = (await bell.getAttribute('aria-label')) ?? '';
    const count = Number(/\((\d+) chưa đọc\)/.exec(name)?.[1] ?? Number.NaN);
    if (count >= atLeast || Date.now() > deadline) return count;
    await page.waitForTimeout(200);
  }
}

describe('platform services journey', () => {
  it('a file uploaded by the secretary reaches the office as a notification; the admin takes a backup', async () => {
    const pdf = samplePdf();
    const png = samplePng();
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.length).toBeLessThan(1000);

    // (1) The secretary of the department's committee attaches the congress plan.
    const context = await session.newContext();
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, 'services-failed');
    });

    await signIn(page, 'bithu.stc');
    await page.getByRole('tree', { name: 'Cây tổ chức' }).getByText(ORG_NAME, { exact: true }).click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name: ORG_NAME }));
    const orgPath = new URL(page.url()).pathname;

    await page.getByRole('tab', { name: 'Tệp đính kèm' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Tệp đính kèm' });
    const uploadButton = await visible(panel.getByRole('button', { name: 'Tải tệp lên' }));
    await expect.poll(() => uploadButton.isEnabled()).toBe(true);
    await visible(panel.getByText('Chưa có tệp đính kèm.'));
    await settled(page);
    await screenshot(page, 'services-01-files-empty');

    const fileInput = panel.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: PLAN_NAME, mimeType: 'application/pdf', buffer: pdf });
    await visible(page.getByText(`Đã tải lên «${PLAN_NAME}».`));
    const planLinkName = { name: `Tải về ${PLAN_NAME}`, exact: true };
    const planLink = await visible(panel.getByRole('link', planLinkName));
    const planRow = panel.getByRole('row').filter({ has: page.getByRole('link', planLinkName) });
    await visible(planRow.getByText(bytesLabel(pdf.length), { exact: true }));
    await visible(planRow.getByText('Lê Văn Quang'));
    await settled(page);
    await screenshot(page, 'services-02-plan-uploaded');

    const [download] = await Promise.all([page.waitForEvent('download'), planLink.click()]);
    expect(download.suggestedFilename()).toBe(PLAN_NAME);
    expect((await downloaded(download)).equals(pdf)).toBe(true);

    await fileInput.setInputFiles({ name: HALL_NAME, mimeType: 'image/png', buffer: png });
    await visible(page.getByText(`Đã tải lên «${HALL_NAME}».`));
    await visible(panel.getByRole('link', { name: `Tải về ${HALL_NAME}`, exact: true }));

    await fileInput.setInputFiles({ name: FAKE_PDF_NAME, mimeType: 'application/pdf', buffer: png });
    await visible(page.getByText(TYPE_MISMATCH, { exact: true }));
    await settled(page);
    await screenshot(page, 'services-03-type-mismatch-refused');
    expect(await panel.getByRole('link', { name: `Tải về ${FAKE_PDF_NAME}` }).count()).toBe(0);
    expect(await panel.locator('tbody tr.ant-table-row').count()).toBe(2);

    await signOut(page);

    // (2) The office of the bloc above hears of it.
    await signIn(page, 'vanphong');
    const unread = await unreadCount(page, 1);
    expect(unread).toBeGreaterThanOrEqual(2);
    const bell = page.getByRole('button', { name: `Thông báo (${unread} chưa đọc)` });
    await visible(page.locator('.ant-badge-count').filter({ hasText: String(unread) }));
    await settled(page);
    await screenshot(page, 'services-04-bell-unread');

    await bell.click();
    const popover = await visible(page.getByRole('tooltip'));
    await visible(popover.getByText('Thông báo', { exact: true }));
    const planNotice = await visible(
      popover.getByRole('link', { name: `Tệp mới tại ${ORG_NAME}: ${PLAN_NAME}`, exact: true }),
    );
    await visible(popover.getByText(`Lê Văn Quang đã tải lên tệp «${PLAN_NAME}».`));
    await visible(popover.getByRole('link', { name: `Tệp mới tại ${ORG_NAME}: ${HALL_NAME}`, exact: true }));
    expect(await popover.getByLabel('Chưa đọc', { exact: true }).count()).toBe(unread);
    await settled(page);
    await screenshot(page, 'services-05-bell-open');

    await planNotice.click();
    await page.waitForURL(`**${orgPath}`);
    await visible(page.getByRole('heading', { name: ORG_NAME }));
    expect(await unreadCount(page)).toBe(unread - 1);
    await settled(page);
    await screenshot(page, 'services-06-notification-followed');

    await page.getByRole('button', { name: `Thông báo (${unread - 1} chưa đọc)` }).click();
    await (
      await visible(page.getByRole('tooltip').getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }))
    ).click();
    await visible(page.getByText(`Đã đánh dấu ${unread - 1} thông báo là đã đọc.`));
    await visible(page.getByRole('button', { name: 'Thông báo (0 chưa đọc)' }));
    await page.locator('.ant-badge-count').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByRole('tooltip').getByLabel('Chưa đọc', { exact: true }).count())
      .toBe(0);
    await settled(page);
    await screenshot(page, 'services-07-all-read');

    await page.getByRole('tooltip').getByRole('link', { name: 'Xem tất cả thông báo' }).click();
    await page.waitForURL('**/notifications');
    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { name: 'Thông báo' }));
    await visible(main.getByRole('link', { name: `Tệp mới tại ${ORG_NAME}: ${PLAN_NAME}`, exact: true }));
    await visible(main.getByRole('link', { name: `Tệp mới tại ${ORG_NAME}: ${HALL_NAME}`, exact: true }));
    expect(await main.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).isDisabled()).toBe(true);
    expect(await main.getByLabel('Chưa đọc', { exact: true }).count()).toBe(0);
    await page.getByRole('tooltip').waitFor({ state: 'hidden' });
    await settled(page);
    await screenshot(page, 'services-08-notifications-page');

    await signOut(page);

    // (3) The administrator backs the data up and takes a copy away.
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Hệ thống' }).click();
    await page.waitForURL('**/system');
    await visible(page.getByRole('heading', { name: 'Hệ thống', level: 3 }));
    const backupButton = await visible(page.getByRole('button', { name: 'Sao lưu ngay' }));
    await settled(page);
    await screenshot(page, 'services-09-system');

    const [created] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/system/backups',
      ),
      backupButton.click(),
    ]);
    expect(created.ok()).toBe(true);
    const backup = (await created.json()) as { name: string; size: number };
    await visible(page.getByText(`Đã sao lưu: ${backup.name}`));
    const backupRow = await visible(
      page.getByRole('row').filter({ has: page.getByRole('cell', { name: backup.name, exact: true }) }),
    );
    await settled(page);
    await screenshot(page, 'services-10-backup-listed');

    const [backupDownload] = await Promise.all([
      page.waitForEvent('download'),
      backupRow.getByRole('link', { name: 'Tải về' }).click(),
    ]);
    expect(backupDownload.suggestedFilename()).toBe(backup.name);
    const bytes = await downloaded(backupDownload);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(bytes.length).toBeGreaterThan(1024);
    expect(bytes.length).toBe(backup.size);

    await context.close();
  });
});
