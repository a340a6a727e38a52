import { describe, expect, it, onTestFailed } from 'vitest';
import { screenshot, visible } from './browser.ts';
import { signIn, signOut, useSession } from './session.ts';

const NEW_CELL = { name: 'Chi bộ Phòng Thử nghiệm', code: 'E2E-CB01' };

const session = useSession();

describe('platform journey', () => {
  it('admin finds an organization, adds a cell and sees it audited; a member is kept out of the bloc', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, 'failed-journey');
    });

    await signIn(page, 'admin');
    await visible(page.getByText('Dữ liệu trình diễn — ngày làm việc: 15/03/2020'));
    await visible(page.getByRole('tree', { name: 'Cây tổ chức' }));
    await screenshot(page, '01-admin-organizations');

    const blocs = await context.request.get('/api/v1/organizations', { params: { q: 'khoi cac co quan' } });
    expect(blocs.status()).toBe(200);
    const bloc = ((await blocs.json()) as { items: { id: string; name: string }[] }).items.find(
      (o) => o.name === 'Đảng bộ Khối Các cơ quan tỉnh',
    );
    expect(bloc, 'the bloc from the demo dataset').toBeDefined();

    await page.getByRole('searchbox', { name: 'Tìm tổ chức' }).fill('so tai chinh');
    const results = await visible(page.getByRole('navigation', { name: 'Kết quả tìm kiếm' }));
    await screenshot(page, '02-search-no-diacritics');
    await results.getByRole('link', { name: 'Đảng bộ Sở Tài chính', exact: true }).click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name: 'Đảng bộ Sở Tài chính' }));
    await visible(page.getByText('NA-DUK-STC', { exact: true }));

    await page.getByRole('button', { name: 'Thêm tổ chức trực thuộc' }).click();
    const dialog = await visible(page.getByRole('dialog'));
    await dialog.getByLabel('Tên đầy đủ').fill(NEW_CELL.name);
    await dialog.getByLabel('Mã tổ chức').fill(NEW_CELL.code);
    await dialog.getByLabel('Cấp', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Chi bộ trực thuộc' }).first().click();
    await screenshot(page, '03-create-cell-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await visible(page.getByRole('tree').getByRole('treeitem', { name: NEW_CELL.name }));
    await page.getByRole('tab', { name: /Tổ chức trực thuộc/ }).click();
    await visible(page.getByRole('tabpanel').getByRole('link', { name: NEW_CELL.name }));
    await screenshot(page, '04-cell-created');

    await page.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
    await page.waitForURL('**/audit');
    const createRow = await visible(
      page.getByRole('row').filter({ hasText: 'Thêm tổ chức' }).filter({ hasText: NEW_CELL.name }),
    );
    await createRow.getByRole('button').first().click();
    await visible(page.getByRole('cell', { name: NEW_CELL.code, exact: true }));
    await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
    await visible(page.getByText(/Chuỗi nhật ký nguyên vẹn \(\d+ sự kiện\)/));
    await screenshot(page, '05-audit-log');

    await signOut(page);

    await signIn(page, 'dangvien');
    await page.goto(`/organizations/${bloc?.id}`);
    await visible(page.getByText('Không tìm thấy tổ chức hoặc bạn không có quyền xem'));
    await screenshot(page, '06-member-out-of-scope');
    expect(await page.getByRole('button', { name: 'Thêm tổ chức trực thuộc' }).count()).toBe(0);
    await context.close();
  });

  it('fits a phone: the sign-in page and the shell menu', async () => {
    const context = await session.newContext({ width: 390, height: 844 }, true);
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, 'failed-phone');
    });
    await page.goto('/login');
    await visible(page.getByRole('button', { name: 'Đăng nhập' }));
    await visible(page.getByText('DaiHoi', { exact: true }));
    await screenshot(page, '07-phone-login');

    await signIn(page, 'bithu.stc');
    const menuButton = await visible(page.getByRole('button', { name: 'Mở menu' }));
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, '08-phone-shell');
    await menuButton.click();
    await visible(page.getByRole('dialog').getByRole('link', { name: 'Tổ chức đảng' }));
    await visible(page.getByRole('dialog').getByRole('button', { name: 'Đăng xuất' }));
    await page.waitForTimeout(500);
    await screenshot(page, '09-phone-menu');
    await context.close();
  });
});
