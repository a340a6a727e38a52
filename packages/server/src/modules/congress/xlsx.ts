import { PassThrough, type Readable } from 'node:stream';
import { formatDateVi, STEP_STATUS_LABELS_VI, type StepStatus } from '@daihoi/core';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../http/context.js';
import { congressDashboard } from './dashboard.js';
import type { DashboardQuery } from './dashboard-schema.js';

/** The dashboard's colours, as offices print them: green done, blue on track, amber soon, red late, grey. */
const FILL: Record<StepStatus, string> = {
  done: 'FFC6EFCE',
  on_track: 'FFDDEBF7',
  due_soon: 'FFFFEB9C',
  overdue: 'FFFFC7CE',
  not_started: 'FFEDEDED',
};

const dateVi = (iso: string | null) => (iso ? formatDateVi(iso) : '');

/** The progress report as .xlsx: one row per organization, one coloured column per preparation step. */
export async function exportDashboard(
  ctx: Ctx,
  q: DashboardQuery,
): Promise<{ stream: Readable; fileName: string }> {
  const data = await congressDashboard(ctx, q);
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'DaiHoi';
  const ws = wb.addWorksheet('Tiến độ chuẩn bị đại hội', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }],
  });
  ws.columns = [
    { width: 6 },
    { width: 48 },
    { width: 12 },
    { width: 12 },
    ...data.steps.map(() => ({ width: 14 })),
  ];
  const title = ws.addRow([
    `TIẾN ĐỘ CHUẨN BỊ ĐẠI HỘI NHIỆM KỲ ${data.term.name} — ${data.organization.name.toUpperCase()}`,
  ]);
  title.font = { bold: true };
  title.commit();
  ws.addRow([`Theo ${data.ruleSet.name}; tính đến ngày ${formatDateVi(data.today)}`]).commit();
  ws.addRow([]).commit();
  const header = ws.addRow([
    'STT',
    'Tổ chức đảng',
    'Ngày đại hội',
    'Hạn của cấp',
    ...data.steps.map((s) => s.title),
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.commit();
  const rootDepth = data.rows[0]?.organization.depth ?? 0;
  data.rows.forEach((r, i) => {
    const indent = '    '.repeat(Math.max(0, r.organization.depth - rootDepth));
    const row = ws.addRow([
      i + 1,
      `${indent}${r.organization.name}`,
      dateVi(r.plannedOn),
      dateVi(r.deadline),
      ...r.cells.map((c) => STEP_STATUS_LABELS_VI[c]),
    ]);
    r.cells.forEach((c, j) => {
      row.getCell(5 + j).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[c] } };
    });
    row.commit();
  });
  ws.commit();
  void wb.commit().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream: out, fileName: `Tiến độ đại hội ${data.term.name} ${data.today}.xlsx` };
}
