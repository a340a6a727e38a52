import { defaultPreparationTemplate, OPENING_ANNOUNCED_STEP } from '@daihoi/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import type { CongressTemplateView, TemplateStep } from './templateApi';
import {
  addRow,
  baseOf,
  cellsOf,
  draftAfterSave,
  draftIssues,
  draftOf,
  dueOnFor,
  editorStart,
  emptyRow,
  exampleCongressDate,
  followedOrigin,
  followedSteps,
  inheritedOrigin,
  moveRow,
  parseLocal,
  previewCalendar,
  previewYears,
  publishBlock,
  removeRow,
  rowKeys,
  rowOffset,
  sameDraft,
  serializeLocal,
  serverIssues,
  shownIssues,
  shownNote,
  splitOffset,
  startingDraft,
  stepKeyOf,
  stepMark,
  stepsWithIssues,
  type TemplateDraft,
  templateBody,
  updateRow,
  withoutCell,
} from './templateDraft';

const RULE_SET = 'ct35-2019';
const shipped = defaultPreparationTemplate(RULE_SET).steps as unknown as TemplateStep[];
/** What a committee's own template holds: the server keeps neither source nor mark. */
const stored = shipped.map(({ key, titleVi, owner, offset, submission }) => ({
  key,
  titleVi,
  owner,
  offset,
  ...(submission ? { submission } : {}),
}));

function view(own: CongressTemplateView['own'] = null): CongressTemplateView {
  return {
    ruleSet: { id: RULE_SET, name: 'Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị' },
    organization: { id: 'bloc', name: 'Đảng bộ Khối Các cơ quan tỉnh' },
    inherited: { nameVi: 'Mẫu chung', organization: null, publishedAt: null, steps: shipped },
    own,
    abilities: { edit: true },
  };
}

const fresh = (): TemplateDraft => startingDraft(view(), RULE_SET, 'Các bước của Khối');
const indexOf = (draft: TemplateDraft, key: string) => draft.steps.findIndex((r) => r.key === key);
const withRow = (draft: TemplateDraft, key: string, changes: object): TemplateDraft => ({
  ...draft,
  steps: draft.steps.map((r) => (r.key === key ? { ...r, ...changes } : r)),
});

describe('offsets', () => {
  it('read a signed offset as a number, a unit and before or after the congress, and back', () => {
    expect(splitOffset({ days: -120 })).toEqual({ unit: 'days', direction: 'before', amount: 120 });
    expect(splitOffset({ workingDays: -30 })).toEqual({
      unit: 'workingDays',
      direction: 'before',
      amount: 30,
    });
    expect(splitOffset({ days: 7 })).toEqual({ unit: 'days', direction: 'after', amount: 7 });
    for (const offset of [{ days: -120 }, { workingDays: -30 }, { days: 7 }, { days: 0 }])
      expect(rowOffset(splitOffset(offset))).toEqual(offset);
  });

  it('are missing while the number is empty or not whole', () => {
    expect(rowOffset({ unit: 'days', direction: 'before', amount: null })).toBeNull();
    expect(rowOffset({ unit: 'days', direction: 'before', amount: 10.5 })).toBeNull();
    expect(rowOffset({ unit: 'workingDays', direction: 'after', amount: 0 })).toEqual({ workingDays: 0 });
  });
});

describe('the draft a committee starts from', () => {
  it('is the inherited steps under a name of its own, without the shipped notes', () => {
    const draft = fresh();
    expect(draft.nameVi).toBe('Các bước của Khối');
    expect(draft.sourceDocument).toBe('');
    expect(draft.steps.map((r) => r.key)).toEqual(shipped.map((s) => s.key));
    expect(draft.steps.every((r) => r.noteVi === '')).toBe(true);
    const opening = draft.steps[indexOf(draft, OPENING_ANNOUNCED_STEP)];
    expect(opening).toMatchObject({
      unit: 'workingDays',
      direction: 'before',
      amount: 30,
      owner: 'committee',
    });
  });

  it('is the saved draft when there is one, else the published template', () => {
    const published = { nameVi: 'Đã công bố', sourceDocument: 'Kế hoạch 165-KH/ĐUK', steps: stored };
    const saved = { nameVi: 'Bản nháp', sourceDocument: null, steps: stored.slice(1) };
    const own = { draft: null, published, publishedAt: '2019-11-01T02:00:00.000Z', version: 3 };
    expect(startingDraft(view(own), RULE_SET, 'x')).toMatchObject({
      nameVi: 'Đã công bố',
      sourceDocument: 'Kế hoạch 165-KH/ĐUK',
    });
    const next = startingDraft(view({ ...own, draft: saved }), RULE_SET, 'x');
    expect(next.nameVi).toBe('Bản nháp');
    expect(next.steps).toHaveLength(stored.length - 1);
    expect(followedSteps(view(own))).toBe(stored);
    expect(followedSteps(view())).toBe(shipped);
  });

  it('keeps a note the committee wrote', () => {
    const draft = draftOf(
      { nameVi: 'x', sourceDocument: null, steps: [{ ...stored[0]!, noteVi: 'Theo Kế hoạch 165-KH/ĐUK' }] },
      RULE_SET,
    );
    expect(draft.steps[0]?.noteVi).toBe('Theo Kế hoạch 165-KH/ĐUK');
  });
});

describe('where the editor opens', () => {
  const published = { nameVi: 'Đã công bố', sourceDocument: null, steps: stored };
  const saved = { nameVi: 'Bản nháp', sourceDocument: null, steps: stored.slice(1) };
  const own = { draft: saved, published, publishedAt: '2019-11-01T02:00:00.000Z', version: 3 };
  const now = new Date('2020-03-15T03:00:00.000Z');

  it('is the stored draft, against its version, when nothing was kept in the browser', () => {
    const start = editorStart(view(own), RULE_SET, null, 'x');
    expect(start.restoredAt).toBeNull();
    expect(start.base.version).toBe(3);
    expect(sameDraft(start.draft, start.base.draft)).toBe(true);
    expect(start.draft.nameVi).toBe('Bản nháp');
    expect(baseOf(view(), RULE_SET)).toEqual({ version: undefined, draft: null });
  });

  it('is the copy kept in the browser when it says more, against the version it was typed on', () => {
    const typed = { ...draftOf(saved, RULE_SET), nameVi: 'Bản nháp đang sửa' };
    const local = parseLocal(serializeLocal(typed, 2, now), now);
    const start = editorStart(view(own), RULE_SET, local, 'x');
    expect(start.restoredAt).toBe(now.toISOString());
    expect(start.draft.nameVi).toBe('Bản nháp đang sửa');
    expect(start.base.version).toBe(2);
    expect(start.base.draft?.nameVi).toBe('Bản nháp');
    const same = parseLocal(serializeLocal(draftOf(saved, RULE_SET), 3, now), now);
    expect(editorStart(view(own), RULE_SET, same, 'x').restoredAt).toBeNull();
  });

  it('starts a first draft from the inherited steps under the committee’s name', () => {
    const start = editorStart(view(), RULE_SET, null, 'Các bước của Khối');
    expect(start.base).toEqual({ version: undefined, draft: null });
    expect(start.draft.nameVi).toBe('Các bước của Khối');
  });

  it('names where the template in force comes from', () => {
    expect(inheritedOrigin(view(own))).toEqual({ organization: null, publishedAt: null });
    expect(followedOrigin(view())).toEqual({ organization: null, publishedAt: null });
    expect(followedOrigin(view(own))).toEqual({
      organization: 'Đảng bộ Khối Các cơ quan tỉnh',
      publishedAt: '2019-11-01T02:00:00.000Z',
    });
    expect(followedOrigin(view({ ...own, published: null }))).toEqual({
      organization: null,
      publishedAt: null,
    });
  });
});

describe('after a save', () => {
  const sent = { ...fresh(), nameVi: ' Các bước của Khối ' };
  const stored = {
    ...draftOf({ nameVi: 'Các bước của Khối', sourceDocument: null, steps: shipped }, RULE_SET),
  };

  it('shows the draft as stored, unless the user typed on while it ran or the rows say the same', () => {
    expect(draftAfterSave(sent, sent, stored)).toEqual({ draft: stored, kept: false });
    const typed = { ...sent, nameVi: 'Đã sửa tiếp' };
    expect(draftAfterSave(typed, sent, stored)).toEqual({ draft: typed, kept: true });
    const same = { ...stored, steps: [...stored.steps] };
    expect(draftAfterSave(same, same, stored)).toEqual({ draft: same, kept: true });
  });

  it('lets the draft be published once it is saved as it stands and core has nothing to say', () => {
    const base = { version: 2, draft: stored };
    expect(publishBlock(false, base, [])).toBeNull();
    expect(publishBlock(true, base, [])).toBe('save');
    expect(publishBlock(false, { version: undefined, draft: null }, [])).toBe('save');
    expect(publishBlock(false, base, [{ row: null, cell: null, code: 'X', message: 'x' }])).toBe('fix');
  });
});

describe('marks', () => {
  it('cite the rule of the announcement, also on a committee’s own step that lost its source', () => {
    const own = stored.find((s) => s.key === OPENING_ANNOUNCED_STEP)!;
    for (const step of [shipped.find((s) => s.key === OPENING_ANNOUNCED_STEP)!, own]) {
      const mark = stepMark(step, RULE_SET);
      expect(mark.source).toBe('Hướng dẫn 26-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương');
      expect(mark.unverified).toBe(false);
    }
  });

  it('call a practice offset "to check" until the committee sets its own number', () => {
    const plan = stored[0]!;
    expect(stepMark(shipped[0]!, RULE_SET)).toEqual({ source: null, unverified: true });
    expect(stepMark(plan, RULE_SET).unverified).toBe(true);
    expect(stepMark({ ...plan, offset: { days: -100 } }, RULE_SET).unverified).toBe(false);
    expect(stepMark({ key: null, offset: { days: -5 } }, RULE_SET)).toEqual({
      source: null,
      unverified: false,
    });
  });

  it('say the practice note once rather than under every step', () => {
    expect(shownNote(shipped[0]!, RULE_SET)).toBeNull();
    const opening = shipped.find((s) => s.key === OPENING_ANNOUNCED_STEP)!;
    expect(shownNote(opening, RULE_SET)).toContain('30 ngày làm việc');
    expect(shownNote({ key: 'bloc_review', noteVi: 'Theo 165-KH/ĐUK' }, RULE_SET)).toBe('Theo 165-KH/ĐUK');
  });
});

describe('step keys', () => {
  it('are made from the title of a step added in the editor, ASCII snake_case and unique', () => {
    expect(stepKeyOf('Báo cáo Thường trực Đảng ủy Khối về dự thảo văn kiện', new Set())).toBe(
      'bao_cao_thuong_truc_dang_uy_khoi_ve_du_thao_van',
    );
    expect(stepKeyOf('Rà soát', new Set(['ra_soat', 'ra_soat_2']))).toBe('ra_soat_3');
    expect(stepKeyOf('3. Họp', new Set())).toBe('step_3_hop');
    expect(stepKeyOf('  ', new Set())).toBe('step');
  });

  it('keep a stored key, and give new steps keys that clash with none', () => {
    const draft = fresh();
    const a = { ...emptyRow(), titleVi: 'Chốt danh sách đại biểu dự đại hội' };
    const b = { ...emptyRow(), titleVi: 'delegate list' };
    const keys = rowKeys([...draft.steps, a, b]);
    expect(keys.slice(0, draft.steps.length)).toEqual(draft.steps.map((r) => r.key));
    expect(keys.at(-2)).toBe('chot_danh_sach_dai_bieu_du_dai_hoi');
    expect(keys.at(-1)).toBe('delegate_list_2');
  });
});

describe('editing the rows', () => {
  it('adds a step before the congress, moves rows by one and never removes a required step', () => {
    const draft = fresh();
    const row = emptyRow();
    const added = addRow(draft.steps, row);
    expect(added[indexOf(draft, 'congress_held')]?.id).toBe(row.id);
    const first = added[0]!;
    expect(moveRow(added, first.id, -1)).toEqual(added);
    expect(moveRow(added, first.id, 1)[1]?.id).toBe(first.id);
    const congress = added.find((r) => r.key === 'congress_held')!;
    const opening = added.find((r) => r.key === OPENING_ANNOUNCED_STEP)!;
    expect(removeRow(added, congress.id)).toHaveLength(added.length);
    expect(removeRow(added, opening.id)).toHaveLength(added.length);
    expect(removeRow(added, row.id)).toEqual(draft.steps);
  });

  it('tells unsaved changes by what the draft says, not by the rows’ handles', () => {
    const a = fresh();
    expect(sameDraft(a, fresh())).toBe(true);
    expect(sameDraft(a, { ...a, nameVi: 'khác' })).toBe(false);
    expect(sameDraft(a, null)).toBe(false);
    expect(sameDraft(null, null)).toBe(true);
  });
});

describe('edits', () => {
  it('change one row, and clear the server messages of the cells they touch', () => {
    const draft = fresh();
    const id = draft.steps[1]!.id;
    const next = updateRow(draft.steps, id, { amount: 12, direction: 'after' });
    expect(next[1]).toMatchObject({ amount: 12, direction: 'after' });
    expect(next[0]).toBe(draft.steps[0]);
    expect(cellsOf({ amount: 12, direction: 'after' })).toEqual(['offset']);
    expect(cellsOf({ titleVi: 'x', noteVi: 'y', owner: 'office' })).toEqual(['title', 'note', 'owner']);
  });
});

describe('the body sent', () => {
  it('holds what the server takes: trimmed text, blank notes and submissions left out, keys for new steps', () => {
    const draft = fresh();
    const added = {
      ...emptyRow(),
      titleVi: ' Báo cáo Thường trực ',
      owner: 'committee',
      amount: 55,
      noteVi: ' ',
    };
    const body = templateBody(
      { ...draft, nameVi: ' Các bước ', steps: addRow(draft.steps, added) },
      RULE_SET,
      undefined,
    );
    expect(body).not.toHaveProperty('version');
    expect(body).not.toHaveProperty('sourceDocument');
    expect(body.nameVi).toBe('Các bước');
    expect(body.steps[0]).toEqual({
      key: 'plan_adopted',
      titleVi: 'Ban hành kế hoạch tổ chức đại hội',
      owner: 'committee',
      offset: { days: -120 },
      submission: 'plan',
    });
    expect(body.steps.find((s) => s.key === 'bao_cao_thuong_truc')).toEqual({
      key: 'bao_cao_thuong_truc',
      titleVi: 'Báo cáo Thường trực',
      owner: 'committee',
      offset: { days: -55 },
    });
    const next = templateBody({ ...draft, sourceDocument: ' Kế hoạch 165-KH/ĐUK ' }, RULE_SET, 4);
    expect(next).toMatchObject({ version: 4, sourceDocument: 'Kế hoạch 165-KH/ĐUK' });
  });
});

describe("core's checks at their place", () => {
  it('find nothing in the inherited steps', () => {
    expect(draftIssues(fresh(), RULE_SET)).toEqual([]);
  });

  it('put a late announcement at the step’s deadline, citing the guidance', () => {
    const draft = withRow(fresh(), OPENING_ANNOUNCED_STEP, { amount: 20 });
    const issues = draftIssues(draft, RULE_SET);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      row: draft.steps[indexOf(draft, OPENING_ANNOUNCED_STEP)]!.id,
      cell: 'offset',
      code: 'OPENING_ANNOUNCEMENT_TOO_LATE',
    });
    expect(issues[0]?.message).toContain('26-HD/BTCTW');
    expect(issues[0]?.message).toContain('ít nhất 30 ngày làm việc');
    // Calendar days give a different margin every year: the rule counts working days.
    const inDays = withRow(fresh(), OPENING_ANNOUNCED_STEP, { unit: 'days', amount: 60 });
    expect(draftIssues(inDays, RULE_SET).map((i) => i.code)).toEqual(['OPENING_ANNOUNCEMENT_TOO_LATE']);
  });

  it('put a blank title, a missing owner and a missing number at their cells, and an empty name at the name', () => {
    const draft = fresh();
    const row = emptyRow();
    const issues = draftIssues({ ...draft, nameVi: ' ', steps: addRow(draft.steps, row) }, RULE_SET);
    const at = (code: string) => issues.find((i) => i.code === code);
    expect(at('TEMPLATE_NAME_EMPTY')).toMatchObject({ row: null, cell: 'nameVi' });
    expect(at('STEP_TITLE_EMPTY')).toMatchObject({ row: row.id, cell: 'title' });
    expect(at('STEP_OWNER_INVALID')).toMatchObject({ row: row.id, cell: 'owner' });
    expect(at('STEP_OFFSET_INVALID')).toMatchObject({ row: row.id, cell: 'offset' });
    expect(stepsWithIssues(issues, addRow(draft.steps, row))).toEqual([indexOf(draft, 'congress_held') + 1]);
  });

  it('refuse an offset more than a year away', () => {
    const draft = withRow(fresh(), 'plan_adopted', { amount: 400 });
    expect(draftIssues(draft, RULE_SET).map((i) => [i.code, i.cell])).toEqual([
      ['STEP_OFFSET_TOO_FAR', 'offset'],
    ]);
  });
});

describe("which of core's messages show", () => {
  const issues = [
    { row: 'stored', cell: 'offset' as const, code: 'A', message: 'a' },
    { row: 'new', cell: 'title' as const, code: 'B', message: 'b' },
    { row: 'new', cell: 'owner' as const, code: 'C', message: 'c' },
    { row: null, cell: 'nameVi' as const, code: 'D', message: 'd' },
    { row: null, cell: null, code: 'E', message: 'e' },
  ];
  const codes = (reveal: Parameters<typeof shownIssues>[1]) => shownIssues(issues, reveal).map((i) => i.code);

  it('are those of stored rows and of the whole template at once; a new row’s and the name’s once left', () => {
    expect(codes({ touched: new Set(), newRows: new Set(['new']), all: false })).toEqual(['A', 'E']);
    expect(
      codes({ touched: new Set(['new.title', 'nameVi']), newRows: new Set(['new']), all: false }),
    ).toEqual(['A', 'B', 'D', 'E']);
  });

  it('are all of them once a save was tried', () => {
    expect(codes({ touched: new Set(), newRows: new Set(['new']), all: true })).toHaveLength(issues.length);
  });
});

describe("the server's refusal", () => {
  const sent = ['r0', 'r1', 'r2', 'r3'];

  it('lands at the row sent at that position, in the cell its code or field names', () => {
    const error = new ApiError(400, 'CONGRESS_TEMPLATE_INVALID', 'Bước 4 …', [
      {
        path: 'body.steps.3',
        code: 'OPENING_ANNOUNCEMENT_TOO_LATE',
        message: 'Bước 4: ít nhất 30 ngày làm việc',
      },
      { path: 'body.steps.1', code: 'STEP_TITLE_EMPTY', message: 'Bước 2 chưa có tên bước.' },
      { path: 'body', code: 'TEMPLATE_NAME_EMPTY', message: 'Mẫu chưa có tên.' },
    ]);
    expect(serverIssues(error, sent)).toEqual([
      {
        row: 'r3',
        cell: 'offset',
        code: 'OPENING_ANNOUNCEMENT_TOO_LATE',
        message: 'Bước 4: ít nhất 30 ngày làm việc',
      },
      { row: 'r1', cell: 'title', code: 'STEP_TITLE_EMPTY', message: 'Bước 2 chưa có tên bước.' },
      { row: null, cell: 'nameVi', code: 'TEMPLATE_NAME_EMPTY', message: 'Mẫu chưa có tên.' },
    ]);
  });

  it('reads a schema refusal by its field', () => {
    const error = new ApiError(400, 'VALIDATION_ERROR', 'Dữ liệu không hợp lệ', [
      { path: ['body', 'steps', 2, 'noteVi'], message: 'Quá dài' },
      { path: 'body.sourceDocument', message: 'Quá dài' },
    ]);
    expect(serverIssues(error, sent)).toMatchObject([
      { row: 'r2', cell: 'note' },
      { row: null, cell: 'sourceDocument' },
    ]);
  });

  it('is left as it is when it names no place', () => {
    expect(serverIssues(new ApiError(409, 'VERSION_CONFLICT', 'x', { currentVersion: 3 }), sent)).toBeNull();
    expect(serverIssues(new ApiError(400, 'CONGRESS_TEMPLATE_NO_DRAFT', 'x'), sent)).toBeNull();
    expect(serverIssues(new Error('x'), sent)).toBeNull();
  });

  it('goes from a cell once the user changes it, and from the whole template once anything changes', () => {
    const issues = [
      { row: 'r1', cell: 'title' as const, code: 'A', message: 'a' },
      { row: 'r1', cell: 'owner' as const, code: 'B', message: 'b' },
      { row: null, cell: null, code: 'C', message: 'c' },
      { row: null, cell: 'nameVi' as const, code: 'D', message: 'd' },
    ];
    expect(withoutCell(issues, 'r1', 'title').map((i) => i.code)).toEqual(['B', 'D']);
  });
});

describe('the example schedule', () => {
  // Tuesday 30/06/2020, the grassroots deadline under CT 35.
  const congress = '2020-06-30';

  it('counts as core schedules a plan', () => {
    expect(dueOnFor({ days: -120 }, congress, RULE_SET)).toBe('2020-03-02');
    expect(dueOnFor({ workingDays: -30 }, congress, RULE_SET)).toBe('2020-05-19');
    expect(dueOnFor({ days: 7 }, congress, RULE_SET)).toBe('2020-07-07');
    expect(dueOnFor({ days: 0 }, congress, RULE_SET)).toBe(congress);
  });

  it('has no date for a missing offset, one too far away, or a malformed date', () => {
    expect(dueOnFor(null, congress, RULE_SET)).toBeNull();
    expect(dueOnFor({ days: -400 }, congress, RULE_SET)).toBeNull();
    expect(dueOnFor({ days: -1 }, '30/06/2020', RULE_SET)).toBeNull();
  });

  it('reads the days off of the years its deadlines reach, with a month to spare', () => {
    const offsets = [{ days: -120 }, { workingDays: -30 }, { days: 7 }, null];
    expect(previewYears(offsets, congress, RULE_SET)).toEqual([2020]);
    expect(previewYears([{ days: -180 }], congress, RULE_SET)).toEqual([2019, 2020]);
    expect(previewYears([{ days: 7 }], '2020-12-20', RULE_SET)).toEqual([2020, 2021]);
    expect(previewYears(offsets, null, RULE_SET)).toEqual([]);
    expect(previewYears(offsets, '30/06/2020', RULE_SET)).toEqual([]);
  });

  it('counts on the administrator’s days off as the server does', () => {
    const thirty = { workingDays: -30 };
    expect(previewCalendar([{ edits: [] }])).toBe(previewCalendar([]));
    // Monday 1/6/2020 made a day off: thirty working days before 30/6 start a day earlier.
    const dayOff = previewCalendar([{ edits: [{ date: '2020-06-01', kind: 'day_off' }] }]);
    expect(dueOnFor(thirty, congress, RULE_SET, dayOff)).toBe('2020-05-18');
    // Saturday 27/6/2020 made a working day: a day later.
    const working = previewCalendar([{ edits: [{ date: '2020-06-27', kind: 'working' }] }]);
    expect(dueOnFor(thirty, congress, RULE_SET, working)).toBe('2020-05-20');
    // The holidays of 30/4 and 1/5/2020 made ordinary days: 45 working days before go back two less.
    const forty5 = { workingDays: -45 };
    expect(dueOnFor(forty5, congress, RULE_SET)).toBe('2020-04-24');
    const plain = previewCalendar([
      { edits: [{ date: '2020-04-30', kind: 'plain' }] },
      { edits: [{ date: '2020-05-01', kind: 'plain' }] },
    ]);
    expect(dueOnFor(forty5, congress, RULE_SET, plain)).toBe('2020-04-28');
  });

  it('starts from the directive’s deadline for the level below the committee', () => {
    expect(exampleCongressDate(RULE_SET, 'upper_grassroots')).toBe('2020-06-30');
    expect(exampleCongressDate('ct45-2025', 'upper_grassroots')).toBe('2025-06-30');
  });
});

describe('the copy kept in this browser', () => {
  const now = new Date('2020-03-15T03:00:00.000Z');

  it('comes back as typed, with fresh row handles', () => {
    const draft = withRow(fresh(), OPENING_ANNOUNCED_STEP, { amount: 35 });
    const back = parseLocal(serializeLocal(draft, 2, now), now);
    expect(back?.baseVersion).toBe(2);
    expect(back?.savedAt).toBe(now.toISOString());
    expect(sameDraft(back!.draft, draft)).toBe(true);
    expect(back!.draft.steps[0]?.id).not.toBe(draft.steps[0]?.id);
  });

  it('is not offered when it is old, unreadable or of another shape', () => {
    const text = serializeLocal(fresh(), null, now);
    expect(parseLocal(text, new Date('2020-05-15T03:00:00.000Z'))).toBeNull();
    expect(parseLocal('{', now)).toBeNull();
    expect(parseLocal(null, now)).toBeNull();
    expect(parseLocal(JSON.stringify({ savedAt: now.toISOString(), draft: { nameVi: 1 } }), now)).toBeNull();
    const broken = JSON.parse(text) as { draft: { steps: { unit: string }[] } };
    broken.draft.steps[0]!.unit = 'weeks';
    expect(parseLocal(JSON.stringify(broken), now)).toBeNull();
  });
});
