import type { Locator, Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { button, fieldError, fillDate, option, screenshot, settled, visible } from './browser.ts';
import { signIn, signOut, useSession } from './session.ts';

const ORG_NAME = 'Đảng bộ Sở Tài chính';
const ORG_OPTION = `${ORG_NAME} (NA-DUK-STC)`;
const BUDGET = 'Dự toán kinh phí đại hội';
const COMMENT = 'Giảm chi phí khánh tiết';
const OPEN_PLAN = `Mở kế hoạch đại hội của ${ORG_NAME}`;
const CREATE_PLAN = `Lập kế hoạch đại hội cho ${ORG_NAME}`;
/** The template's preparation steps for the 2020–2025 term. */
const STEPS = 15;

const session = useSession();

/** One budget line, typed cell by cell as a clerk would (the category from its list). */
async function fillLine(
  page: Page,
  n: number,
  line: { category: string; description: string; quantity: string; unit: string; unitPrice: string },
) {
  const cell = (column: string) => page.getByLabel(`${column}, Dòng ${n}`, { exact: true });
  await cell('Nhóm chi').click();
  await (await visible(option(page, line.category))).click();
  await cell('Nội dung chi').fill(line.description);
  await cell('Số lượng').fill(line.quantity);
  await cell('Đơn vị tính').fill(line.unit);
  await cell('Đơn giá').fill(line.unitPrice);
}

/**
 * The dashboard narrowed to the department's row, as one types its name into the table's search. The table
 * is virtual (divs), and its ARIA roles make the row a row to the accessibility tree.
 */
async function departmentRow(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: 'Tiến độ đại hội', exact: true }).click();
  await page.waitForURL('**/congress-dashboard');
  await visible(page.getByRole('heading', { name: 'Tiến độ chuẩn bị đại hội' }));
  await page.getByLabel('Tìm tổ chức trong bảng').fill('so tai chinh');
  await visible(page.getByRole('status').filter({ hasText: /^[\d.]+\/[\d.]+ tổ chức khớp từ khóa/ }));
  const row = page
    .getByRole('table', { name: /^Bảng tiến độ chuẩn bị đại hội/ })
    .getByRole('row')
    .filter({ hasText: ORG_NAME })
    .filter({
      has: page.getByRole('link', { name: new RegExp(`^(${OPEN_PLAN}|${CREATE_PLAN})$`) }),
    });
  return visible(row);
}

/** How many steps of a state the dashboard counts, from its figure. */
async function stepCount(page: Page, state: string): Promise<number> {
  const figure = page.getByRole('button', { name: new RegExp(`^[\\d.]+\\s*${state} · `) });
  const value = await visible(figure.locator('.dh-congress-count-value'));
  return Number(((await value.textContent()) ?? '').replace(/\./g, ''));
}

/** The states of the row's step cells, read from their labels. */
async function cellStates(row: Locator): Promise<string[]> {
  const labels = await row
    .getByRole('img', { name: /^\d+\. .+: / })
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.slice(l.lastIndexOf(': ') + 2));
}

describe('congress journey', () => {
  it('the secretary adopts a plan within the deadline and submits the budget, the bloc returns it, the secretary resubmits, the dashboard shows the plan', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, 'congress-failed-journey');
    });
    const created: string[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/congress-plans' && r.ok())
        created.push(r.url());
    });

    // (0) Before: the bloc's dashboard has the department without a plan, every step not started.
    await signIn(page, 'vanphong');
    let row = await departmentRow(page);
    await visible(row.getByText('Chưa có kế hoạch', { exact: true }));
    await visible(row.getByRole('link', { name: CREATE_PLAN, exact: true }));
    expect(await cellStates(row)).toEqual(Array(STEPS).fill('Chưa triển khai'));
    const notStartedBefore = await stepCount(page, 'Chưa triển khai');
    await settled(page);
    await screenshot(page, 'congress-01-dashboard-before');
    await signOut(page);

    // (1) The secretary draws up the plan; a congress after 30/06/2020 is refused under the date.
    await signIn(page, 'bithu.stc');
    await page.getByRole('link', { name: 'Kế hoạch đại hội', exact: true }).click();
    await page.waitForURL('**/congress-plans');
    await page.getByRole('button', { name: 'Lập kế hoạch đại hội' }).click();
    await page.waitForURL('**/congress-plans/new');
    await visible(page.getByRole('heading', { name: 'Lập kế hoạch đại hội' }));
    // The secretary manages one organization: the form starts on it, and on the term being prepared.
    const form = page.locator('form');
    await visible(form.getByText(ORG_OPTION, { exact: true }));
    await visible(form.getByText(/^2020–2025 \(/));
    await visible(page.getByText('Hoàn thành chậm nhất ngày 30/06/2020'));
    const date = page.getByLabel('Ngày khai mạc (dự kiến)');
    await fillDate(date, '10/07/2020');
    await page.getByLabel('Thời gian đại hội').click();
    await (await visible(option(page, /^1½ ngày$/))).click();
    await button(page, 'Lưu').click();
    const refusal = await fieldError(page, date);
    expect(await refusal.textContent()).toContain('30/06/2020');
    expect(await refusal.textContent()).toContain('35-CT/TW');
    expect(new URL(page.url()).pathname).toBe('/congress-plans/new');
    expect(created).toHaveLength(0);
    await settled(page);
    await screenshot(page, 'congress-02-date-refused');

    await fillDate(date, '20/05/2020');
    await expect.poll(() => date.getAttribute('aria-invalid')).not.toBe('true');
    await button(page, 'Lưu').click();
    await page.waitForURL(/\/congress-plans\/[0-9a-f-]{36}$/);
    const planPath = new URL(page.url()).pathname;
    expect(created).toHaveLength(1);
    await visible(page.getByText(`Đã lập kế hoạch đại hội của ${ORG_NAME}.`));
    await visible(page.getByRole('heading', { name: `Kế hoạch đại hội — ${ORG_NAME}` }));
    await visible(page.getByText('20/05/2020 – 21/05/2020', { exact: true }));
    await visible(page.getByRole('tab', { name: `Công việc chuẩn bị (${STEPS})` }));
    const tasks = page.getByRole('tabpanel', { name: `Công việc chuẩn bị (${STEPS})` });
    const summary = await visible(
      // Adopting the plan is its first step, done on saving it.
      tasks.getByText(new RegExp(`^1/${STEPS} việc đã xong, \\d+ việc quá hạn; sắp xếp theo hạn\\.$`)),
    );
    const overdue = Number(/, (\d+) việc quá hạn/.exec((await summary.textContent()) ?? '')?.[1]);
    const taskRows = tasks.locator('tbody tr.ant-table-row');
    expect(await taskRows.count()).toBe(STEPS);
    const state = /^(Đã hoàn thành|Đúng tiến độ|Sắp đến hạn|Quá hạn|Chưa triển khai)$/;
    for (let i = 0; i < STEPS; i++) await visible(taskRows.nth(i).getByRole('cell', { name: state }));
    // The steps due before the business date (15/03/2020) are the overdue ones the summary counts.
    expect(
      await taskRows.filter({ has: page.getByRole('cell', { name: 'Quá hạn', exact: true }) }).count(),
    ).toBe(overdue);
    await settled(page);
    await screenshot(page, 'congress-03-plan-tasks');

    // (2) The budget estimate: two lines, the total in figures and in words, saved and submitted.
    await page.getByRole('tab', { name: 'Dự toán kinh phí' }).click();
    const budget = page.getByRole('tabpanel', { name: 'Dự toán kinh phí' });
    await visible(budget.getByText(/^Chưa có dự toán kinh phí\./));
    await fillLine(page, 1, {
      category: 'Hội trường, khánh tiết, trang trí',
      description: 'Hội trường, khánh tiết',
      quantity: '1',
      unit: 'gói',
      unitPrice: '150000000',
    });
    expect(await page.getByLabel('Đơn giá, Dòng 1', { exact: true }).inputValue()).toBe('150.000.000');
    await budget.getByRole('button', { name: 'Thêm dòng' }).click();
    await fillLine(page, 2, {
      category: 'Ăn, nghỉ của đại biểu',
      description: 'Ăn, nghỉ của đại biểu',
      quantity: '200',
      unit: 'suất',
      unitPrice: '5000000',
    });
    await visible(budget.getByText('1.150.000.000 đồng', { exact: true }));
    await visible(budget.getByText('Bằng chữ: Một tỷ một trăm năm mươi triệu đồng', { exact: true }));
    await settled(page);
    await screenshot(page, 'congress-04-budget-typed');
    await budget.getByRole('button', { name: 'Lưu dự toán' }).click();
    await visible(page.getByText('Đã lưu dự toán (phiên bản 1).'));
    await visible(budget.getByText('Đang soạn', { exact: true }));
    await budget.getByRole('button', { name: 'Trình cấp trên' }).click();
    const submitDialog = await visible(page.getByRole('dialog', { name: `Trình cấp trên: ${BUDGET}` }));
    await submitDialog.getByRole('button', { name: 'Trình cấp trên' }).click();
    await submitDialog.waitFor({ state: 'hidden' });
    await visible(page.getByText(`Đã trình «${BUDGET}» lên cấp trên.`));
    await visible(budget.getByText('Đã trình, chờ duyệt', { exact: true }));
    await budget.getByRole('button', { name: 'Lưu dự toán' }).waitFor({ state: 'detached' });
    await settled(page);
    await screenshot(page, 'congress-05-budget-submitted');
    await signOut(page);

    // (3) The bloc's office opens the plan from its dashboard and returns the budget with a comment.
    await signIn(page, 'vanphong');
    row = await departmentRow(page);
    await row.getByRole('link', { name: OPEN_PLAN, exact: true }).click();
    await page.waitForURL(`**${planPath}`);
    await page.getByRole('tab', { name: 'Trình cấp trên (1)' }).click();
    const upper = page.getByRole('tabpanel', { name: 'Trình cấp trên (1)' });
    const round1 = upper.getByRole('row').filter({ hasText: 'Lần 1' });
    await visible(round1.getByRole('cell', { name: 'Chờ ý kiến', exact: true }));
    await round1.getByRole('button', { name: `Trả lại: ${BUDGET}, Lần 1` }).click();
    const returnDialog = await visible(page.getByRole('dialog', { name: `Trả lại «${BUDGET}» (lần 1)` }));
    await returnDialog.getByLabel('Ý kiến').fill(COMMENT);
    await returnDialog.getByRole('button', { name: 'Trả lại' }).click();
    await returnDialog.waitFor({ state: 'hidden' });
    await visible(page.getByText(`Đã trả lại «${BUDGET}» kèm ý kiến.`));
    await visible(round1.getByRole('cell', { name: 'Trả lại', exact: true }));
    await visible(round1.getByRole('cell', { name: COMMENT, exact: true }));
    await round1.getByRole('button', { name: `Trả lại: ${BUDGET}, Lần 1` }).waitFor({ state: 'detached' });
    await settled(page);
    await screenshot(page, 'congress-06-returned');
    await signOut(page);

    // (4) The secretary reads the comment, lowers the hall, saves and submits again.
    await signIn(page, 'bithu.stc');
    await page.getByRole('link', { name: 'Kế hoạch đại hội', exact: true }).click();
    await page.waitForURL('**/congress-plans');
    await (await visible(page.getByRole('link', { name: ORG_NAME, exact: true }))).click();
    await page.waitForURL(`**${planPath}`);
    await page.getByRole('tab', { name: 'Trình cấp trên (1)' }).click();
    const returned = await visible(
      page.getByRole('alert').filter({ hasText: `Cấp trên trả lại «${BUDGET}» (lần 1, ` }),
    );
    await visible(returned.getByText(COMMENT, { exact: true }));
    await visible(returned.getByText('Sửa theo ý kiến trên rồi trình lại.'));
    await settled(page);
    await screenshot(page, 'congress-07-returned-seen');

    await page.getByRole('tab', { name: 'Dự toán kinh phí' }).click();
    await visible(budget.getByText('Bị trả lại', { exact: true }));
    const hallPrice = page.getByLabel('Đơn giá, Dòng 1', { exact: true });
    expect(await hallPrice.inputValue()).toBe('150.000.000');
    await hallPrice.fill('120000000');
    await visible(budget.getByText('1.120.000.000 đồng', { exact: true }));
    await visible(budget.getByText('Bằng chữ: Một tỷ một trăm hai mươi triệu đồng', { exact: true }));
    await budget.getByRole('button', { name: 'Lưu dự toán' }).click();
    // A returned version is corrected in place and goes up again as the same version.
    await visible(page.getByText('Đã lưu dự toán (phiên bản 1).'));
    await budget.getByText('Có thay đổi chưa lưu.').waitFor({ state: 'detached' });
    await visible(budget.getByText('Bị trả lại', { exact: true }));
    await budget.getByRole('button', { name: 'Trình cấp trên' }).click();
    const resubmitDialog = await visible(page.getByRole('dialog', { name: `Trình cấp trên: ${BUDGET}` }));
    await resubmitDialog.getByRole('button', { name: 'Trình cấp trên' }).click();
    await resubmitDialog.waitFor({ state: 'hidden' });
    await visible(budget.getByText('Đã trình, chờ duyệt', { exact: true }));

    await page.getByRole('tab', { name: 'Trình cấp trên (2)' }).click();
    const history = page.getByRole('tabpanel', { name: 'Trình cấp trên (2)' });
    const second = history.getByRole('row').filter({ hasText: 'Lần 2' });
    await visible(second.getByRole('cell', { name: 'Chờ ý kiến', exact: true }));
    const first = history.getByRole('row').filter({ hasText: 'Lần 1' });
    await visible(first.getByRole('cell', { name: 'Trả lại', exact: true }));
    await visible(first.getByRole('cell', { name: COMMENT, exact: true }));
    expect(await history.getByRole('row').filter({ hasText: BUDGET }).count()).toBe(2);
    expect(await page.getByRole('alert').filter({ hasText: 'Cấp trên trả lại' }).count()).toBe(0);
    await settled(page);
    await screenshot(page, 'congress-08-resubmitted');
    await signOut(page);

    // (5) The bloc's dashboard: the department now has its congress date and steps under way.
    await signIn(page, 'vanphong');
    row = await departmentRow(page);
    await visible(row.getByText('20/05/2020', { exact: true }));
    await visible(row.getByRole('link', { name: OPEN_PLAN, exact: true }));
    const states = await cellStates(row);
    expect(states).toHaveLength(STEPS);
    const started = states.filter((s) => s !== 'Chưa triển khai').length;
    expect(started).toBeGreaterThan(0);
    // The counts are over the whole bloc: its not-started steps went down by the department's.
    expect(await stepCount(page, 'Chưa triển khai')).toBe(notStartedBefore - started);
    await settled(page);
    await screenshot(page, 'congress-09-dashboard-after');

    // (6) The calendar of the same rows: the grassroots deadline on its day, the department's congress of
    // 1½ days on 20 and 21/05, and a click through to its plan.
    await page
      .getByRole('radiogroup', { name: 'Cách xem' })
      .getByText('Lịch đại hội', { exact: true })
      .click();
    await page.waitForURL('**/congress-dashboard?view=calendar');
    await visible(page.getByText('Hạn chót cấp cơ sở 30/06/2020', { exact: true }));
    const day = (date: string) => page.getByRole('cell', { name: new RegExp(`^Thứ \\S+, ${date}`) });
    await visible(
      day('21/05/2020').getByRole('link', { name: `${ORG_NAME}, ngày 2/2, nửa ngày`, exact: true }),
    );
    const opening = await visible(
      day('20/05/2020').getByRole('link', { name: `${ORG_NAME}, ngày 1/2`, exact: true }),
    );
    await settled(page);
    await screenshot(page, 'congress-10-calendar');
    await opening.click();
    await page.waitForURL(`**${planPath}`);
    await context.close();
  });
});
