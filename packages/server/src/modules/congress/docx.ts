import {
  formatCongressDaysVi,
  formatDateVi,
  PREPARATION_OWNER_LABELS_VI,
  type PreparationOwner,
} from '@daihoi/core';
import { eq } from 'drizzle-orm';
import { type PartyDocument, renderPartyDocument } from '../../exports/party-document.js';
import type { Ctx } from '../../http/context.js';
import { listCommittee } from '../members/committee.js';
import { organizations } from '../organizations/tables.js';
import { findVisiblePlan } from './access.js';
import { presentTasks } from './tasks.js';

const o = organizations;
const KIND_VI = { all_member: 'Đại hội toàn thể đảng viên', delegates: 'Đại hội đại biểu' } as const;

/** The committee's issuing name and the body above it, as the Party frame prints them. */
async function bodies(ctx: Ctx, organizationId: string) {
  const [org] = await ctx.db
    .select({ name: o.name, parentId: o.parentId, placeName: o.placeName, level: o.level })
    .from(o)
    .where(eq(o.id, organizationId));
  const [parent] = org!.parentId
    ? await ctx.db.select({ name: o.name }).from(o).where(eq(o.id, org!.parentId))
    : [];
  return { org: org!, parent: parent?.name ?? null };
}

/** The secretary of the term now sitting, who signs the plan; blank lines to sign by hand otherwise. */
async function signer(ctx: Ctx, organizationId: string) {
  const { items } = await listCommittee(ctx, organizationId, undefined);
  const secretary = items.filter((s) => s.position === 'secretary').at(-1);
  return secretary?.fullName ?? '……………………';
}

/** GET /congress-plans/{id}.docx: the plan in the Party document frame, its tasks as a table. */
export async function planDocx(ctx: Ctx, id: string) {
  const { plan, organization, term } = await findVisiblePlan(ctx.db, ctx.actor, id);
  const { org, parent } = await bodies(ctx, organization.id);
  const tasks = (await presentTasks(ctx.db, plan.id, ctx.clock.today())).sort((a, b) =>
    (a.dueOn ?? '9').localeCompare(b.dueOn ?? '9'),
  );
  const committee = org.name.replace(/^Đảng bộ/u, 'Đảng ủy');
  const when = plan.plannedOn
    ? `dự kiến tiến hành ngày ${formatDateVi(plan.plannedOn)}, trong ${formatCongressDaysVi(plan.durationHalfDays / 2)}`
    : 'thời gian sẽ được thông báo sau';
  const doc: PartyDocument = {
    superiorBody: parent ? parent.toLocaleUpperCase('vi') : null,
    issuingBody: committee.toLocaleUpperCase('vi'),
    number: null,
    place: org.placeName ?? '',
    date: plan.adoptedOn,
    typeName: 'KẾ HOẠCH',
    summary: `Tổ chức đại hội ${org.name}, nhiệm kỳ ${term.name}`,
    body: [
      { kind: 'heading', text: 'I. HÌNH THỨC, THỜI GIAN' },
      {
        kind: 'paragraph',
        text: `${KIND_VI[plan.congressKind as keyof typeof KIND_VI]} ${org.name} nhiệm kỳ ${term.name}, ${when}.`,
      },
      { kind: 'heading', text: 'II. CÁC BƯỚC CHUẨN BỊ' },
      {
        kind: 'table',
        header: ['STT', 'Công việc', 'Bộ phận thực hiện', 'Thời hạn'],
        widths: [1, 6, 3, 2],
        rows: tasks.map((t, i) => [
          String(i + 1),
          t.title,
          t.ownerName ?? PREPARATION_OWNER_LABELS_VI[t.ownerKind as PreparationOwner] ?? t.ownerKind,
          t.dueOn ? formatDateVi(t.dueOn) : '',
        ]),
      },
      { kind: 'heading', text: 'III. TỔ CHỨC THỰC HIỆN' },
      {
        kind: 'paragraph',
        text: 'Các bộ phận được phân công căn cứ kế hoạch này triển khai thực hiện, báo cáo tiến độ về thường trực cấp ủy.',
      },
    ],
    signature: {
      authority: org.level === 'cell' ? 'T/M CHI BỘ' : 'T/M ĐẢNG ỦY',
      position: 'BÍ THƯ',
      name: await signer(ctx, organization.id),
    },
    recipients: [
      parent ? `${parent.replace(/^Đảng bộ/u, 'Đảng ủy')} (để b/c)` : 'Cấp ủy cấp trên (để b/c)',
      'Các tiểu ban phục vụ đại hội',
      'Lưu.',
    ],
  };
  return { buffer: await renderPartyDocument(doc), fileName: `Kế hoạch đại hội ${term.name}.docx` };
}
