import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { formatDateVi } from '@daihoi/core';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../audit/service.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { findVisibleDocument } from '../documents/access.js';
import { coverageScope, coverageTree, missingMembers, type OrganizationCoverage } from './coverage.js';

const BATCH = 1000;
const percent = (studied: number, total: number) =>
  total > 0 ? Math.round((studied / total) * 1000) / 10 : 0;

/** The tree in reading order: each organization followed by its children, siblings by name as sorted. */
function treeOrder(tree: OrganizationCoverage[], rootId: string): OrganizationCoverage[] {
  const children = new Map<string, OrganizationCoverage[]>();
  for (const t of tree) if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const out: OrganizationCoverage[] = [];
  const visit = (t: OrganizationCoverage) => {
    out.push(t);
    for (const c of children.get(t.id) ?? []) visit(c);
  };
  visit(tree.find((t) => t.id === rootId)!);
  return out;
}

/**
 * The coverage report as .xlsx: the whole subtree with counts and shares, then every member still missing.
 * Names of people leave the system, so the export is audited first.
 */
export async function exportCoverage(
  ctx: Ctx,
  documentId: string,
  organizationId?: string,
): Promise<{ stream: Readable; fileName: string }> {
  const { document } = await findVisibleDocument(ctx.db, ctx.actor, documentId);
  const scope = await coverageScope(ctx, document.organizationId, organizationId);
  const tree = treeOrder(await coverageTree(ctx.db, documentId, scope), scope.anchor.id);
  const root = tree[0]!;
  await inTransaction(ctx.db, (tx) =>
    recordAudit(
      tx,
      ctx.actor,
      {
        action: 'dissemination.export',
        entity: 'document',
        entityId: documentId,
        organizationId: scope.anchor.id,
        after: { kind: 'coverage.xlsx', missing: root.total - root.studied },
      },
      ctx.clock.now(),
    ),
  );
  const label = document.number
    ? `${document.number} ngày ${formatDateVi(document.issuedOn)}`
    : document.summary;
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'DaiHoi';
  writeSummary(wb, tree, root, `${label} của ${document.issuerName}`, ctx.clock.today());
  void (async () => {
    await writeMissing(ctx, wb, documentId, scope, out);
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return {
    stream: out,
    fileName: `Kết quả học tập ${(document.number ?? document.type).replaceAll('/', '-')}.xlsx`,
  };
}

function writeSummary(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  tree: OrganizationCoverage[],
  root: OrganizationCoverage,
  label: string,
  today: string,
) {
  const ws = wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [{ width: 6 }, { width: 56 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 12 }];
  const add = (values: (string | number)[], bold = false) => {
    const row = ws.addRow(values);
    if (bold) row.font = { bold: true };
    row.commit();
  };
  add([`KẾT QUẢ HỌC TẬP, QUÁN TRIỆT ${label.toUpperCase()}`], true);
  add([`${root.name} — tính đến ngày ${formatDateVi(today)}`]);
  add([]);
  add(['STT', 'Tổ chức đảng', 'Số đảng viên', 'Đã học tập', 'Chưa học tập', 'Tỷ lệ (%)'], true);
  tree.forEach((t, i) => {
    const indent = '    '.repeat(Math.max(0, t.depth - root.depth));
    add(
      [i + 1, `${indent}${t.name}`, t.total, t.studied, t.total - t.studied, percent(t.studied, t.total)],
      t === root,
    );
  });
  ws.commit();
}

async function writeMissing(
  ctx: Ctx,
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  documentId: string,
  scope: Awaited<ReturnType<typeof coverageScope>>,
  out: PassThrough,
) {
  const ws = wb.addWorksheet('Chưa học tập', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 12 }, { width: 48 }];
  const header = ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Tổ chức đảng']);
  header.font = { bold: true };
  header.commit();
  let after: [string, string] | undefined;
  let n = 0;
  for (;;) {
    const rows = await missingMembers(ctx.db, documentId, scope, BATCH, after);
    for (const r of rows)
      ws.addRow([++n, r.fullName, formatDateVi(r.birthDate), r.organization.name]).commit();
    if (rows.length < BATCH || out.destroyed) break;
    after = [rows.at(-1)!.sortKey, rows.at(-1)!.id];
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  ws.commit();
}
