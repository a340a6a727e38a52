import {
  addDays,
  CONGRESS_HELD_STEP,
  calendarWithEdits,
  compareIsoDates,
  defaultPreparationTemplate,
  foldVietnamese,
  formatRuleSource,
  getRuleSet,
  isOrganizationLevel,
  OPENING_ANNOUNCED_STEP,
  ORGANIZATION_LEVELS,
  PREPARATION_OFFSET_MAX,
  type PreparationStep,
  type PreparationTemplate,
  type RuleSetId,
  type StepOffset,
  scheduleSteps,
  type TemplateError,
  templateRuleErrors,
  VIETNAM_CALENDAR,
  validateTemplate,
  type WorkingCalendar,
} from '@daihoi/core';
import { isApiError } from '../../app/api';
import type {
  CongressTemplateView,
  PutTemplateInput,
  StoredTemplate,
  TemplateStep,
  TemplateStepInput,
} from './templateApi';

/**
 * The editing of an upper committee's preparation template, without React: the rows as the editor holds
 * them, where the editor starts, the body the server takes, core's checks placed at the step and cell
 * they are about, the server's refusals placed the same way, the due dates for an example congress date
 * on the administrator's calendar, and the copy kept in the browser while the user types.
 */

export type OffsetUnit = 'days' | 'workingDays';
export type OffsetDirection = 'before' | 'after';

export interface StepRow {
  /** The editor's handle on the row (React key, messages); never sent. */
  id: string;
  /** The stored step key; null for a step added here, which gets one from its title when sent. */
  key: string | null;
  titleVi: string;
  owner: string | null;
  unit: OffsetUnit;
  direction: OffsetDirection;
  /** How far from the congress, without sign; null while empty. */
  amount: number | null;
  submission: string | null;
  noteVi: string;
}

export interface TemplateDraft {
  nameVi: string;
  sourceDocument: string;
  steps: StepRow[];
}

let rowSeq = 0;
export const nextRowId = () => `step-${++rowSeq}`;

// ---------------------------------------------------------------------------------------------------
// Offsets

/** The offset the row says, or null while its number is missing or not whole. */
export function rowOffset(row: Pick<StepRow, 'unit' | 'direction' | 'amount'>): StepOffset | null {
  const { amount, unit, direction } = row;
  if (amount === null || !Number.isSafeInteger(amount) || amount < 0) return null;
  const n = amount === 0 ? 0 : direction === 'before' ? -amount : amount;
  return unit === 'days' ? { days: n } : { workingDays: n };
}

export function splitOffset(offset: StepOffset): Pick<StepRow, 'unit' | 'direction' | 'amount'> {
  const unit: OffsetUnit = 'workingDays' in offset ? 'workingDays' : 'days';
  const n = 'workingDays' in offset ? offset.workingDays : offset.days;
  return { unit, direction: n > 0 ? 'after' : 'before', amount: Math.abs(n) };
}

/** Whether the step is one the template may not lose: the congress itself, and the announcement the rules require. */
export const isRequiredStep = (key: string | null) =>
  key === CONGRESS_HELD_STEP || key === OPENING_ANNOUNCED_STEP;

// ---------------------------------------------------------------------------------------------------
// From what the server shows to rows, and back

function shippedStep(ruleSetId: RuleSetId, key: string): PreparationStep | undefined {
  return defaultPreparationTemplate(ruleSetId).steps.find((s) => s.key === key);
}

const sameOffset = (a: StepOffset, b: StepOffset) => JSON.stringify(a) === JSON.stringify(b);

/** A step's rule and mark as the page shows them: the document that fixes its offset, or that it is practice to check. */
export interface StepMark {
  /** 'Hướng dẫn 26-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương'; null for practice. */
  source: string | null;
  /** "thông lệ, cần kiểm tra". */
  unverified: boolean;
}

/**
 * The server keeps no source or mark with a committee's own steps, so they are read from the shipped
 * template: a step keeps the shipped step's source (the announcement's rule), and stays "practice, to
 * check" while its offset is still the shipped practice value; once the committee sets its own number
 * it is the committee's decision.
 */
export function stepMark(
  step: {
    key: string | null;
    offset: StepOffset | null;
    source?: TemplateStep['source'];
    unverified?: boolean;
  },
  ruleSetId: RuleSetId,
): StepMark {
  const shipped = step.key ? shippedStep(ruleSetId, step.key) : undefined;
  const source = step.source ?? shipped?.source;
  const practice =
    Boolean(shipped?.unverified) &&
    !shipped?.source &&
    step.offset !== null &&
    sameOffset(step.offset, shipped!.offset);
  return {
    source: source?.date ? formatRuleSource({ ...source, date: source.date }) : (source?.document ?? null),
    unverified: step.unverified ?? (Boolean(shipped?.source && shipped.unverified) || practice),
  };
}

/**
 * The note as the page shows it under a step: the shipped template's practice note, the same on each of
 * its practice steps, is said once under the list (with the mark it explains) instead.
 */
export function shownNote(step: { key: string; noteVi?: string }, ruleSetId: RuleSetId): string | null {
  if (!step.noteVi) return null;
  const shipped = shippedStep(ruleSetId, step.key);
  const practice = shipped?.unverified && !shipped.source && step.noteVi === shipped.noteVi;
  return practice ? null : step.noteVi;
}

/**
 * A stored step as a row. A note the shipped template puts on its steps (practice, or the rule's note)
 * is not copied into a committee's own template: the mark and source say it, and a note copied would
 * go stale once the committee changes the number.
 */
export function rowOf(step: TemplateStep, ruleSetId: RuleSetId): StepRow {
  const shipped = shippedStep(ruleSetId, step.key);
  const note = step.noteVi && step.noteVi !== shipped?.noteVi ? step.noteVi : '';
  return {
    id: nextRowId(),
    key: step.key,
    titleVi: step.titleVi,
    owner: step.owner,
    ...splitOffset(step.offset),
    submission: step.submission ?? null,
    noteVi: note,
  };
}

export function draftOf(stored: StoredTemplate, ruleSetId: RuleSetId): TemplateDraft {
  return {
    nameVi: stored.nameVi,
    sourceDocument: stored.sourceDocument ?? '',
    steps: stored.steps.map((s) => rowOf(s, ruleSetId)),
  };
}

/** The steps the organization's subtree follows now: its own published template, else what it inherits. */
export function followedSteps(view: CongressTemplateView): TemplateStep[] {
  return view.own?.published?.steps ?? view.inherited.steps;
}

/**
 * Where "Soạn mẫu riêng" starts: the saved draft, else the committee's published template, else the
 * inherited steps under a name of the committee's own (the inherited name belongs to the one above).
 */
export function startingDraft(
  view: CongressTemplateView,
  ruleSetId: RuleSetId,
  ownName: string,
): TemplateDraft {
  const own = view.own?.draft ?? view.own?.published;
  if (own) return draftOf(own, ruleSetId);
  return {
    nameVi: ownName,
    sourceDocument: '',
    steps: view.inherited.steps.map((s) => rowOf(s, ruleSetId)),
  };
}

/** Who published a template and when; `organization` null for the template shipped under the directive. */
export interface TemplateOrigin {
  organization: string | null;
  publishedAt: string | null;
}

/** Where the inherited template comes from: the shipped one under the directive, or a committee above's. */
export function inheritedOrigin(view: CongressTemplateView): TemplateOrigin {
  const { organization, publishedAt } = view.inherited;
  return { organization: organization?.name ?? null, publishedAt };
}

/** Where what the subtree follows now comes from: the committee's own published template, else what it inherits. */
export function followedOrigin(view: CongressTemplateView): TemplateOrigin {
  if (!view.own?.published) return inheritedOrigin(view);
  return { organization: view.organization.name, publishedAt: view.own.publishedAt };
}

/** What the editor's draft was read from: the version a save or publication sends back, and the stored draft. */
export interface DraftBase {
  version: number | undefined;
  draft: TemplateDraft | null;
}

export const baseOf = (view: CongressTemplateView, ruleSetId: RuleSetId): DraftBase => ({
  version: view.own?.version,
  draft: view.own?.draft ? draftOf(view.own.draft, ruleSetId) : null,
});

export interface EditorStart {
  draft: TemplateDraft;
  base: DraftBase;
  /** When the draft was restored from this browser: the time it was kept. */
  restoredAt: string | null;
}

/**
 * The editor as it opens: the copy kept in this browser when it says more than what is stored (against
 * the version it was typed on), else the stored draft, else where a new draft starts.
 */
export function editorStart(
  view: CongressTemplateView,
  ruleSetId: RuleSetId,
  local: LocalDraft | null,
  ownName: string,
): EditorStart {
  const base = baseOf(view, ruleSetId);
  if (local && !sameDraft(local.draft, base.draft))
    return {
      draft: local.draft,
      base: { ...base, version: local.baseVersion ?? undefined },
      restoredAt: local.savedAt,
    };
  return { draft: base.draft ?? startingDraft(view, ruleSetId, ownName), base, restoredAt: null };
}

/**
 * What the rows show once a save answers: what was typed while it ran stays, and so do rows that say
 * what is stored; otherwise (the server kept the text trimmed, say) the draft as stored. `kept` tells
 * the rows stayed, so that the copy kept in the browser goes only when they did not.
 */
export function draftAfterSave(
  now: TemplateDraft,
  sent: TemplateDraft | null,
  stored: TemplateDraft,
): { draft: TemplateDraft; kept: boolean } {
  const kept = !sameDraft(now, sent) || sameDraft(now, stored);
  return { draft: kept ? now : stored, kept };
}

/** Why the draft cannot be published now: it is not saved as it stands, or core has messages on it. */
export function publishBlock(
  dirty: boolean,
  base: DraftBase,
  issues: readonly DraftIssue[],
): 'save' | 'fix' | null {
  if (dirty || base.draft === null || base.version === undefined) return 'save';
  return issues.length > 0 ? 'fix' : null;
}

/**
 * "Báo cáo Thường trực Đảng ủy Khối" → "bao_cao_thuong_truc_dang_uy_khoi": a stable key for a step added
 * in the editor (ASCII snake_case, as core wants), unique among `taken`.
 */
export function stepKeyOf(title: string, taken: ReadonlySet<string>): string {
  let base = foldVietnamese(title)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48)
    .replace(/_+$/, '');
  if (!/^[a-z]/.test(base)) base = base ? `step_${base}` : 'step';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Each row's key: its stored one, or one made from its title for a step added here. */
export function rowKeys(steps: readonly StepRow[]): string[] {
  const taken = new Set(steps.flatMap((r) => (r.key ? [r.key] : [])));
  return steps.map((r) => {
    if (r.key) return r.key;
    const key = stepKeyOf(r.titleVi, taken);
    taken.add(key);
    return key;
  });
}

/** The draft as core checks it; an offset still missing is NaN days, which core refuses at its step. */
export function toTemplate(draft: TemplateDraft, ruleSetId: RuleSetId): PreparationTemplate {
  const keys = rowKeys(draft.steps);
  return {
    id: 'draft',
    nameVi: draft.nameVi,
    ruleSetId,
    steps: draft.steps.map((r, i) => ({
      key: keys[i]!,
      titleVi: r.titleVi,
      owner: (r.owner ?? '') as PreparationStep['owner'],
      offset: rowOffset(r) ?? { [r.unit]: Number.NaN },
      ...(r.submission ? { submission: r.submission as PreparationStep['submission'] } : {}),
    })) as PreparationStep[],
  };
}

export function templateBody(
  draft: TemplateDraft,
  ruleSetId: RuleSetId,
  version: number | undefined,
): PutTemplateInput {
  const keys = rowKeys(draft.steps);
  const steps: TemplateStepInput[] = draft.steps.map((r, i) => {
    const note = r.noteVi.trim();
    return {
      key: keys[i]!,
      titleVi: r.titleVi.trim(),
      owner: r.owner ?? '',
      offset: rowOffset(r) ?? { [r.unit]: 0 },
      ...(r.submission ? { submission: r.submission } : {}),
      ...(note ? { noteVi: note } : {}),
    } as TemplateStepInput;
  });
  const source = draft.sourceDocument.trim();
  return {
    ruleSetId,
    nameVi: draft.nameVi.trim(),
    ...(source ? { sourceDocument: source } : {}),
    steps,
    ...(version !== undefined ? { version } : {}),
  };
}

/** Whether two drafts say the same, row handles aside: what decides "unsaved changes". */
export function sameDraft(a: TemplateDraft | null, b: TemplateDraft | null): boolean {
  if (!a || !b) return a === b;
  const plain = (d: TemplateDraft) =>
    JSON.stringify({ ...d, steps: d.steps.map(({ id: _id, ...rest }) => rest) });
  return plain(a) === plain(b);
}

// ---------------------------------------------------------------------------------------------------
// Editing the rows

/** The row with the changes typed into it. */
export function updateRow(steps: readonly StepRow[], id: string, changes: Partial<StepRow>): StepRow[] {
  return steps.map((r) => (r.id === id ? { ...r, ...changes } : r));
}

/** Up (-1) or down (+1) by one; the row stays where it is at either end. */
export function moveRow(steps: readonly StepRow[], id: string, delta: -1 | 1): StepRow[] {
  const from = steps.findIndex((r) => r.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= steps.length) return [...steps];
  const next = [...steps];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/**
 * A new empty step, before the congress itself: most steps a committee adds prepare the congress, and
 * the arrows move it from there.
 */
export function addRow(steps: readonly StepRow[], row: StepRow = emptyRow()): StepRow[] {
  const at = steps.findIndex((r) => r.key === CONGRESS_HELD_STEP);
  const next = [...steps];
  next.splice(at < 0 ? next.length : at, 0, row);
  return next;
}

export function emptyRow(): StepRow {
  return {
    id: nextRowId(),
    key: null,
    titleVi: '',
    owner: null,
    unit: 'days',
    direction: 'before',
    amount: null,
    submission: null,
    noteVi: '',
  };
}

/** Removes a row, never a required one (the congress, the announcement). */
export function removeRow(steps: readonly StepRow[], id: string): StepRow[] {
  return steps.filter((r) => r.id !== id || isRequiredStep(r.key));
}

// ---------------------------------------------------------------------------------------------------
// Messages at their place

/** The part of a row a message is about. */
export type StepCell = 'title' | 'owner' | 'offset' | 'submission' | 'note';

export interface DraftIssue {
  /** The row's id; null for the template as a whole. */
  row: string | null;
  /** With a row: the cell; without: 'nameVi' or 'sourceDocument' for those fields, else null. */
  cell: StepCell | 'nameVi' | 'sourceDocument' | null;
  code: string;
  message: string;
}

const CODE_CELL: Readonly<Record<string, StepCell>> = {
  STEP_KEY_INVALID: 'title',
  STEP_KEY_DUPLICATE: 'title',
  STEP_TITLE_EMPTY: 'title',
  STEP_OWNER_INVALID: 'owner',
  STEP_SUBMISSION_INVALID: 'submission',
  STEP_OFFSET_INVALID: 'offset',
  STEP_OFFSET_TOO_FAR: 'offset',
  CONGRESS_HELD_NOT_ON_CONGRESS_DATE: 'offset',
  OPENING_ANNOUNCEMENT_TOO_LATE: 'offset',
};

/** The cell of a row's field, as the editor holds it or as the server names it in a refusal. */
const FIELD_CELL: Readonly<Record<string, StepCell>> = {
  key: 'title',
  titleVi: 'title',
  owner: 'owner',
  offset: 'offset',
  days: 'offset',
  workingDays: 'offset',
  unit: 'offset',
  direction: 'offset',
  amount: 'offset',
  submission: 'submission',
  noteVi: 'note',
};

/** The cells an edit of these fields of a row changes (whose server messages it clears). */
export function cellsOf(changes: Partial<StepRow>): StepCell[] {
  return [...new Set(Object.keys(changes).flatMap((f) => FIELD_CELL[f] ?? []))];
}

function issueOf(error: TemplateError, rowIds: readonly string[]): DraftIssue {
  const row = error.stepIndex === undefined ? null : (rowIds[error.stepIndex] ?? null);
  const cell = row
    ? (CODE_CELL[error.code] ?? 'title')
    : error.code === 'TEMPLATE_NAME_EMPTY'
      ? 'nameVi'
      : null;
  return { row, cell, code: error.code, message: error.message };
}

/**
 * What core says of the draft before it is sent: whether it can be scheduled (validateTemplate) and
 * whether it keeps the announcement the rules require (templateRuleErrors). Both run at once, so a late
 * announcement shows while another step is still being typed.
 */
export function draftIssues(draft: TemplateDraft, ruleSetId: RuleSetId): DraftIssue[] {
  const template = toTemplate(draft, ruleSetId);
  const rowIds = draft.steps.map((r) => r.id);
  return [...validateTemplate(template), ...templateRuleErrors(template)].map((e) => issueOf(e, rowIds));
}

/** ['body', 'steps', 3, 'offset', 'days'] or 'body.steps.3.offset' → its segments without 'body'. */
function segmentsOf(path: unknown): string[] {
  const raw = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split(/[.[\]]+/) : [];
  const segments = raw.filter(Boolean);
  return segments[0] === 'body' ? segments.slice(1) : segments;
}

/**
 * The server's refusal placed like core's messages: a detail at 'body.steps.3' belongs to the fourth row
 * sent (`sentIds`, the rows as they were when saved), in the cell its code or field names. Anything else
 * (a stale version, a template that is gone) is null: the caller shows it as it is.
 */
export function serverIssues(error: unknown, sentIds: readonly string[]): DraftIssue[] | null {
  if (!isApiError(error) || error.status !== 400 || !Array.isArray(error.details)) return null;
  const issues: DraftIssue[] = [];
  for (const d of error.details) {
    const { path, code, message } = (d ?? {}) as { path?: unknown; code?: unknown; message?: unknown };
    const text = typeof message === 'string' && message ? message : error.message;
    const codeText = typeof code === 'string' ? code : error.code;
    const [head, index, field] = segmentsOf(path);
    if (head === 'steps' && index !== undefined && /^\d+$/.test(index)) {
      const row = sentIds[Number(index)] ?? null;
      const cell = row ? (CODE_CELL[codeText] ?? (field ? FIELD_CELL[field] : undefined) ?? 'title') : null;
      issues.push({ row, cell, code: codeText, message: text });
    } else {
      const cell =
        head === 'nameVi' || codeText === 'TEMPLATE_NAME_EMPTY'
          ? 'nameVi'
          : head === 'sourceDocument'
            ? 'sourceDocument'
            : null;
      issues.push({ row: null, cell, code: codeText, message: text });
    }
  }
  return issues.length > 0 ? issues : null;
}

/** The messages of one cell, or of the template as a whole (`row` null, `cell` null). */
export function messagesAt(
  issues: readonly DraftIssue[],
  row: string | null,
  cell: DraftIssue['cell'],
): string[] {
  return [...new Set(issues.filter((i) => i.row === row && i.cell === cell).map((i) => i.message))];
}

/** What the user has done that lets core's messages show: touched fields, rows added here, a save tried. */
export interface IssueReveal {
  /** 'nameVi', or '<row id>.<cell>'. */
  touched: ReadonlySet<string>;
  /** Rows added in the editor: empty at first, their messages wait until their cells are left. */
  newRows: ReadonlySet<string>;
  /** After a save was tried: every message shows. */
  all: boolean;
}

/**
 * Core's messages that show now: all of them once a save was tried; else those of the stored rows at
 * once (a step made invalid elsewhere shows as the draft opens), those of a new row's cell once it was
 * left, the name's once it was, and the rest of the template's as they arise.
 */
export function shownIssues(issues: readonly DraftIssue[], reveal: IssueReveal): DraftIssue[] {
  if (reveal.all) return [...issues];
  return issues.filter((i) => {
    if (i.row === null) return i.cell !== 'nameVi' || reveal.touched.has('nameVi');
    return !reveal.newRows.has(i.row) || reveal.touched.has(`${i.row}.${i.cell}`);
  });
}

/** The numbers of the steps (from 1, in the editor's order) that have a message, for the summary above them. */
export function stepsWithIssues(issues: readonly DraftIssue[], steps: readonly StepRow[]): number[] {
  const at = new Set(issues.flatMap((i) => (i.row ? [steps.findIndex((r) => r.id === i.row) + 1] : [])));
  return [...at].filter((n) => n > 0).sort((a, b) => a - b);
}

/** The server's messages of a cell go once the user changes that cell; those of the whole template once anything changes. */
export function withoutCell(
  issues: readonly DraftIssue[],
  row: string | null,
  cell: DraftIssue['cell'],
): DraftIssue[] {
  return issues.filter((i) => !(i.row === row && i.cell === cell) && !(i.row === null && i.cell === null));
}

// ---------------------------------------------------------------------------------------------------
// The example schedule

const PROBE = 'probe';

/**
 * The deadline of one offset for a congress on `congressDate`, as core schedules a plan (days off moved,
 * working days counted on `calendar`: the shipped one unless the administrator's edits are given); null
 * while the offset is missing, too far, or out of the calendar's years.
 */
export function dueOnFor(
  offset: StepOffset | null,
  congressDate: string,
  ruleSetId: RuleSetId,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): string | null {
  if (!offset) return null;
  const unit = 'workingDays' in offset ? 'workingDays' : 'days';
  const n = 'workingDays' in offset ? offset.workingDays : offset.days;
  if (!Number.isSafeInteger(n) || Math.abs(n) > PREPARATION_OFFSET_MAX[unit]) return null;
  const congress = {
    key: CONGRESS_HELD_STEP,
    titleVi: PROBE,
    owner: 'committee',
    offset: { days: 0 },
  } as const;
  const probe = { key: PROBE, titleVi: PROBE, owner: 'committee', offset } as const;
  try {
    const steps = scheduleSteps(
      { id: PROBE, nameVi: PROBE, ruleSetId, steps: [congress, probe] },
      congressDate,
      calendar,
    );
    return steps[1]?.dueOn ?? null;
  } catch {
    return null;
  }
}

/** How far beyond its deadlines on the shipped calendar a preview may reach once edited days off move them. */
const PREVIEW_MARGIN_DAYS = 31;

/**
 * The years whose days off the preview counts on: from the earliest deadline to the latest (and the
 * congress date), on the shipped calendar, with a month's margin for the days an administrator adds.
 */
export function previewYears(
  offsets: readonly (StepOffset | null)[],
  congressDate: string | null,
  ruleSetId: RuleSetId,
): number[] {
  if (!congressDate || dueOnFor({ days: 0 }, congressDate, ruleSetId) === null) return [];
  const dates = [congressDate, ...offsets.flatMap((o) => dueOnFor(o, congressDate, ruleSetId) ?? [])];
  const sorted = dates.sort(compareIsoDates);
  const first = Number(addDays(sorted[0]!, -PREVIEW_MARGIN_DAYS).slice(0, 4));
  const last = Number(addDays(sorted.at(-1)!, PREVIEW_MARGIN_DAYS).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** A year's edits as GET /calendar/{year} shows them: 'day_off', 'working', or 'plain' (an ordinary day). */
export interface CalendarYearEdits {
  edits: readonly { date: string; kind: string }[];
}

/**
 * The shipped calendar with the administrator's edits of the given years, as the server counts plan
 * deadlines (calendar/service.ts workingCalendar): an edited day loses what the shipped calendar said of
 * it and becomes what the edit says.
 */
export function previewCalendar(years: readonly CalendarYearEdits[]): WorkingCalendar {
  return calendarWithEdits(years.flatMap((y) => y.edits));
}

/**
 * The example congress date the preview starts from: the directive's deadline for the first level below
 * the organization that has one (a bloc's grassroots organizations: 30/06/2020 under CT 35), else the
 * first deadline the rule set has.
 */
export function exampleCongressDate(ruleSetId: RuleSetId, level: string): string | null {
  const levels = getRuleSet(ruleSetId).levels;
  const from = isOrganizationLevel(level) ? ORGANIZATION_LEVELS.indexOf(level) : -1;
  const below = ORGANIZATION_LEVELS.filter((_, i) => i > from);
  for (const l of [...below, ...ORGANIZATION_LEVELS]) {
    const deadline = levels[l]?.deadline?.value;
    if (deadline) return deadline;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// The copy kept in this browser

/** What the editor keeps in the browser as the user types, so that a closed tab loses nothing. */
export interface LocalDraft {
  savedAt: string;
  /** The template's version the typing started from; null before the committee's first draft. */
  baseVersion: number | null;
  draft: TemplateDraft;
}

const LOCAL_PREFIX = 'daihoi.draft.congressTemplate';
/** A copy older than this is not offered again. */
export const LOCAL_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export const localDraftKey = (userId: string, organizationId: string, ruleSetId: string) =>
  `${LOCAL_PREFIX}.${userId}.${organizationId}.${ruleSetId}`;

export function serializeLocal(draft: TemplateDraft, baseVersion: number | null, now: Date): string {
  return JSON.stringify({ savedAt: now.toISOString(), baseVersion, draft } satisfies LocalDraft);
}

/** The browser's storage, or null where the page may not use it (a private window, a sandbox, a test). */
export function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const isText = (v: unknown): v is string => typeof v === 'string';

function rowFrom(value: unknown): StepRow | null {
  if (!value || typeof value !== 'object') return null;
  const r = value as Record<string, unknown>;
  if (!isText(r.titleVi) || !isText(r.noteVi)) return null;
  if (r.unit !== 'days' && r.unit !== 'workingDays') return null;
  if (r.direction !== 'before' && r.direction !== 'after') return null;
  return {
    id: nextRowId(),
    key: isText(r.key) ? r.key : null,
    titleVi: r.titleVi,
    owner: isText(r.owner) ? r.owner : null,
    unit: r.unit,
    direction: r.direction,
    amount: typeof r.amount === 'number' && Number.isFinite(r.amount) ? r.amount : null,
    submission: isText(r.submission) ? r.submission : null,
    noteVi: r.noteVi,
  };
}

/** A kept copy, or null when there is none, it is unreadable or too old. Rows get fresh handles. */
export function parseLocal(text: string | null, now: Date): LocalDraft | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as Partial<LocalDraft> | null;
    if (!d || !isText(d.savedAt) || !d.draft || typeof d.draft !== 'object') return null;
    const saved = Date.parse(d.savedAt);
    if (Number.isNaN(saved) || now.getTime() - saved > LOCAL_MAX_AGE_MS) return null;
    const { nameVi, sourceDocument, steps } = d.draft;
    if (!isText(nameVi) || !isText(sourceDocument) || !Array.isArray(steps)) return null;
    const rows = steps.map(rowFrom);
    if (rows.some((r) => r === null)) return null;
    return {
      savedAt: d.savedAt,
      baseVersion: typeof d.baseVersion === 'number' ? d.baseVersion : null,
      draft: { nameVi, sourceDocument, steps: rows as StepRow[] },
    };
  } catch {
    return null;
  }
}
