import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import {
  AGE_BAND_LABELS_VI,
  formatDateVi,
  GENDER_LABELS_VI,
  MEMBER_STATUS_LABELS_VI,
  THEORY_LEVEL_LABELS_VI,
} from '@daihoi/core';
import { and, count, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../audit/service.js';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import type { OrganizationRow } from '../organizations/presenter.js';
import type { MemberRow, StatisticsOut } from './presenter.js';
import type { MemberFilters } from './schema.js';
import { filterConditions, memberPage } from './service.js';
import { anchoredScope, computeStatistics, NO_THEORY_LEVEL } from './statistics.js';
import { members } from './tables.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const BATCH = 500;
const label = <K extends string>(labels: Readonly<Record<K, string>>, key: string | null) =>
  key === null ? '' : (labels[key as K] ?? key);
const dateVi = (iso: string | null) => (iso ? formatDateVi(iso) : '');

/** The columns of a member list export, with their Vietnamese headers. */
const COLUMNS: {
  header: string;
  width: number;
  value: (m: MemberRow, organizationName: string) => string;
}[] = [
  { header: 'Họ và tên', width: 28, value: (m) => m.fullName },
  { header: 'Giới tính', width: 10, value: (m) => label(GENDER_LABELS_VI, m.gender) },
  { header: 'Ngày sinh', width: 12, value: (m) => dateVi(m.birthDate) },
  { header: 'Dân tộc', width: 10, value: (m) => m.ethnicity ?? '' },
  { header: 'Quê quán', width: 24, value: (m) => m.hometown ?? '' },
  { header: 'Số thẻ đảng viên', width: 16, value: (m) => m.cardNumber ?? '' },
  { header: 'Ngày vào Đảng', width: 14, value: (m) => dateVi(m.admittedOn) },
  { header: 'Ngày chính thức', width: 14, value: (m) => dateVi(m.fullMemberOn) },
  { header: 'Tình trạng', width: 22, value: (m) => label(MEMBER_STATUS_LABELS_VI, m.status) },
  { header: 'Trình độ học vấn', width: 16, value: (m) => m.educationLevel ?? '' },
  { header: 'Lý luận chính trị', width: 16, value: (m) => label(THEORY_LEVEL_LABELS_VI, m.theoryLevel) },
  { header: 'Chức vụ', width: 22, value: (m) => m.jobTitle ?? '' },
  { header: 'Đơn vị công tác', width: 26, value: (m) => m.employer ?? '' },
  { header: 'Điện thoại', width: 14, value: (m) => m.phone ?? '' },
  { header: 'Thư điện tử', width: 24, value: (m) => m.email ?? '' },
  { header: 'Cán bộ lãnh đạo, quản lý', width: 12, value: (m) => (m.isLeader ? 'Có' : '') },
  { header: 'Tổ chức đảng', width: 32, value: (_m, organizationName) => organizationName },
  { header: 'Sinh hoạt tại tổ chức từ ngày', width: 14, value: (m) => dateVi(m.joinedOrganizationOn) },
];

/** Records the export in the audit log before a byte leaves: who took which list, and how many rows. */
async function auditExport(
  ctx: Ctx,
  kind: 'members.xlsx' | 'statistics.xlsx',
  anchor: OrganizationRow | null,
  filters: object,
  rows: number,
) {
  await inTransaction(ctx.db, (tx) =>
    recordAudit(
      tx,
      ctx.actor,
      {
        action: 'member.export',
        entity: 'member_list',
        entityId: anchor?.id ?? 'all',
        organizationId: anchor?.id ?? null,
        after: { kind, filters, rows },
      },
      ctx.clock.now(),
    ),
  );
}

function workbookTo(stream: PassThrough) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
}

/** Writes pages of members into the sheet, waiting for the reader between pages; stops if it went away. */
async function writeMembers(db: Db, conditions: SQL[], ws: ExcelJS.Worksheet, out: PassThrough) {
  let after: [string, string] | undefined;
  let n = 0;
  for (;;) {
    const rows = await memberPage(db, conditions, BATCH, after);
    for (const { member, organizationName } of rows) {
      ws.addRow([++n, ...COLUMNS.map((c) => c.value(member, organizationName))]).commit();
    }
    if (rows.length < BATCH || out.destroyed) return;
    const last = rows.at(-1)!.member;
    after = [last.sortKey, last.id];
    if (out.writableNeedDrain) await once(out, 'drain');
  }
}

/**
 * The filtered member list as an .xlsx stream (Vietnamese headers, dates dd/mm/yyyy), read page by page so
 * that a whole province's list never sits in memory. The export is audited first.
 */
export async function exportMembers(ctx: Ctx, filters: MemberFilters): Promise<Readable> {
  const today = ctx.clock.today();
  const { anchor, conditions } = await anchoredScope(ctx, filters.organizationId, 'member.export');
  conditions.push(...filterConditions(filters, today));
  const [total] = await ctx.db
    .select({ n: count() })
    .from(members)
    .where(and(...conditions));
  await auditExport(ctx, 'members.xlsx', anchor, filters, total?.n ?? 0);

  const out = new PassThrough();
  const wb = workbookTo(out);
  wb.creator = 'DaiHoi';
  const ws = wb.addWorksheet('Danh sách đảng viên', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 6 }, ...COLUMNS.map((c) => ({ width: c.width }))];
  const header = ws.addRow(['STT', ...COLUMNS.map((c) => c.header)]);
  header.font = { bold: true };
  header.commit();
  void (async () => {
    await writeMembers(ctx.db, conditions, ws, out);
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

const STATISTIC_SECTIONS: {
  title: string;
  rows: (s: StatisticsOut) => [string, number][];
  /** What the shares are of: the current members unless said otherwise. */
  base?: (s: StatisticsOut) => number;
}[] = [
  {
    title: 'Theo tình trạng (mọi hồ sơ)',
    rows: (s) => Object.entries(s.byStatus).map(([k, n]) => [label(MEMBER_STATUS_LABELS_VI, k), n]),
    base: (s) => Object.values(s.byStatus).reduce((a, b) => a + b, 0),
  },
  {
    title: 'Theo giới tính',
    rows: (s) => Object.entries(s.byGender).map(([k, n]) => [label(GENDER_LABELS_VI, k), n]),
  },
  {
    title: 'Theo độ tuổi',
    rows: (s) => Object.entries(s.byAgeBand).map(([k, n]) => [label(AGE_BAND_LABELS_VI, k), n]),
  },
  {
    title: 'Theo dân tộc',
    rows: (s) => s.byEthnicity.map((e) => [e.key ?? 'Chưa ghi', e.count]),
  },
  {
    title: 'Theo trình độ lý luận chính trị',
    rows: (s) =>
      Object.entries(s.byTheoryLevel).map(([k, n]) => [
        k === NO_THEORY_LEVEL ? 'Chưa có' : label(THEORY_LEVEL_LABELS_VI, k),
        n,
      ]),
  },
  {
    title: 'Theo tổ chức đảng',
    rows: (s) => s.byOrganization.map((r) => [r.name, r.count]),
  },
];

/** The statistics of a subtree as an .xlsx: one table per breakdown, with shares of the total. */
export async function exportStatistics(
  ctx: Ctx,
  q: { organizationId?: string | undefined },
): Promise<Readable> {
  const today = ctx.clock.today();
  const { anchor, conditions } = await anchoredScope(ctx, q.organizationId, 'member.export');
  const stats = await computeStatistics(ctx.db, conditions, anchor, today);
  await auditExport(ctx, 'statistics.xlsx', anchor, q, stats.total);

  const out = new PassThrough();
  const wb = workbookTo(out);
  wb.creator = 'DaiHoi';
  const ws = wb.addWorksheet('Thống kê đảng viên');
  ws.columns = [{ width: 44 }, { width: 14 }, { width: 12 }];
  const add = (values: (string | number)[], bold = false) => {
    const row = ws.addRow(values);
    if (bold) row.font = { bold: true };
    row.commit();
  };
  add([`THỐNG KÊ ĐẢNG VIÊN${anchor ? ` — ${anchor.name.toUpperCase()}` : ''}`], true);
  add([`Tính đến ngày ${formatDateVi(today)}`]);
  add(['Tổng số đảng viên (dự bị và chính thức)', stats.total], true);
  for (const section of STATISTIC_SECTIONS) {
    add([]);
    add([section.title, 'Số lượng', 'Tỷ lệ (%)'], true);
    const base = section.base?.(stats) ?? stats.total;
    for (const [name, n] of section.rows(stats)) {
      add([name, n, base > 0 ? Math.round((n / base) * 1000) / 10 : 0]);
    }
  }
  ws.commit();
  void wb.commit().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
