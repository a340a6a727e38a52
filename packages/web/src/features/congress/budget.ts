import {
  BUDGET_CATEGORIES,
  BUDGET_MAX_AMOUNT,
  BUDGET_MAX_QUANTITY,
  type BudgetCategory,
  type BudgetLine,
  budgetLineAmount,
  budgetTotals,
  formatAmountVi,
  isBudgetCategory,
  validateBudget,
  validateBudgetLine,
} from '@daihoi/core';
import { isApiError } from '../../app/api';
import {
  type BudgetLineOut,
  type BudgetStatus,
  type CongressSubmission,
  SUBMISSION_KINDS,
  type SubmissionKind,
} from './budgetApi';

// ---------------------------------------------------------------------------------------------------
// Numbers as an office types them: dots between thousands, a comma before decimals

const SPACES = /[\s\u00a0\u202f]/g;
const CURRENCY = /(đồng|đ|vnđ|vnd)$/iu;
const THOUSANDS = /^\d{1,3}(\.\d{3})+$/;

/** '1200000' → '1.200.000'. */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, '.');
}

/**
 * A number typed the Vietnamese way: "1.200.000" (dots between thousands), "2,5" (comma before decimals),
 * "1.234,5"; also "2.5" or "0.25" (a dot followed by one or two digits is a decimal point, since a
 * thousands group has three). A trailing "đồng"/"đ" is ignored. NaN when it is empty or not a number.
 */
export function parseViNumber(text: string | null | undefined): number {
  let s = (text ?? '').replace(SPACES, '').replace(CURRENCY, '');
  if (s === '') return Number.NaN;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  let value: number;
  const comma = /^([\d.]+),(\d+)$/.exec(s);
  if (comma) {
    const [, whole = '', fraction = ''] = comma;
    if (whole.includes('.') && !THOUSANDS.test(whole)) return Number.NaN;
    value = Number(`${whole.replace(/\./g, '')}.${fraction}`);
  } else if (THOUSANDS.test(s)) {
    value = Number(s.replace(/\./g, ''));
  } else if (/^\d+(\.\d{1,2})?$/.test(s)) {
    value = Number(s);
  } else {
    return Number.NaN;
  }
  return negative ? -value : value;
}

/** The price input as the user types: digits regrouped with dots; anything else left as typed (to be refused). */
export function formatPriceInput(text: string): string {
  if (!/^[\d.\s\u00a0]*$/.test(text)) return text;
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return groupDigits(digits);
}

/** 1200000 → '1.200.000' (the price field's text, without "đồng"). */
export function formatPrice(value: number): string {
  if (!Number.isFinite(value)) return '';
  return `${value < 0 ? '-' : ''}${groupDigits(String(Math.trunc(Math.abs(value))))}`;
}

/** 2.5 → '2,5'; 1500 → '1.500'; 0.25 → '0,25'. */
export function formatQuantity(value: number): string {
  if (!Number.isFinite(value)) return '';
  const [whole = '0', fraction] = String(Math.abs(value)).split('.');
  const grouped = `${value < 0 ? '-' : ''}${groupDigits(whole)}`;
  return fraction ? `${grouped},${fraction}` : grouped;
}

/** The quantity field once it loses focus: its number written the Vietnamese way, or the text as typed. */
export function normalizeQuantityInput(text: string): string {
  const value = parseViNumber(text);
  return Number.isFinite(value) && !/e/i.test(String(value)) ? formatQuantity(value) : text;
}

// ---------------------------------------------------------------------------------------------------
// Rows of the editor

export const BUDGET_FIELDS = ['category', 'description', 'quantity', 'unit', 'unitPrice'] as const;
export type BudgetField = (typeof BUDGET_FIELDS)[number];
/** Where a message goes: a field of the line, or its amount (a line total too large). */
export type BudgetCell = BudgetField | 'amount';

/** One line as the editor holds it: text as typed, so that "1.200." or "2," survive until the next key. */
export interface BudgetRow {
  key: string;
  category: BudgetCategory | '';
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
}

export function rowOfLine(line: Pick<BudgetLineOut, BudgetField>, key: string): BudgetRow {
  return {
    key,
    category: isBudgetCategory(line.category) ? line.category : '',
    description: line.description,
    quantity: formatQuantity(line.quantity),
    unit: line.unit,
    unitPrice: formatPrice(line.unitPrice),
  };
}

export function rowsOfLines(
  lines: readonly Pick<BudgetLineOut, BudgetField>[],
  newKey: () => string,
): BudgetRow[] {
  return lines.map((line) => rowOfLine(line, newKey()));
}

/** A new row takes the category of the row above it, as lines of one group are usually typed together. */
export function emptyRow(key: string, above?: BudgetRow): BudgetRow {
  return { key, category: above?.category ?? '', description: '', quantity: '', unit: '', unitPrice: '' };
}

/** Nothing typed in it (the category alone does not count): left out when saving. */
export function isBlankRow(row: BudgetRow): boolean {
  return [row.description, row.quantity, row.unit, row.unitPrice].every((v) => v.trim() === '');
}

/** The line as the server takes it; a number that does not parse stays NaN for the checks to refuse. */
export function lineOfRow(row: BudgetRow): BudgetLine {
  return {
    category: row.category as BudgetCategory,
    description: row.description.trim(),
    quantity: parseViNumber(row.quantity),
    unit: row.unit.trim(),
    unitPrice: parseViNumber(row.unitPrice),
  };
}

/** The lines to send, blank rows left out, with the key of the row each came from (for the server's errors). */
export function linesToSend(rows: readonly BudgetRow[]): { lines: BudgetLine[]; keys: string[] } {
  const kept = rows.filter((row) => !isBlankRow(row));
  return { lines: kept.map(lineOfRow), keys: kept.map((row) => row.key) };
}

/** Whether the rows say the same as the stored lines (blank rows aside). */
export function sameAsStored(
  rows: readonly BudgetRow[],
  stored: readonly Pick<BudgetLineOut, BudgetField>[],
) {
  const { lines } = linesToSend(rows);
  if (lines.length !== stored.length) return false;
  return lines.every((line, i) => {
    const s = stored[i]!;
    return (
      line.category === s.category &&
      line.description === s.description.trim() &&
      line.quantity === s.quantity &&
      line.unit === s.unit.trim() &&
      line.unitPrice === s.unitPrice
    );
  });
}

// ---------------------------------------------------------------------------------------------------
// Checks and totals (core's rules, as the server applies them)

export interface CellIssue {
  code: string;
  /** The Vietnamese text core or the server wrote; shown when the catalog has no text for the code. */
  message: string;
}

export type RowIssues = Record<string, Partial<Record<BudgetCell, CellIssue>>>;

export interface BudgetCheck {
  byRow: RowIssues;
  /** A refusal of the whole estimate (its total too large). */
  total: CellIssue | null;
  /** How many cells are refused. */
  count: number;
}

function put(byRow: RowIssues, key: string, cell: BudgetCell, issue: CellIssue) {
  const row = byRow[key] ?? {};
  if (!row[cell]) row[cell] = issue;
  byRow[key] = row;
}

/** core's checks of every non-blank row, each error beside its cell; the total's once every line is valid. */
export function checkRows(rows: readonly BudgetRow[]): BudgetCheck {
  const { lines, keys } = linesToSend(rows);
  const byRow: RowIssues = {};
  let count = 0;
  lines.forEach((line, i) => {
    for (const error of validateBudgetLine(line)) {
      put(byRow, keys[i]!, error.field ?? 'amount', { code: error.code, message: error.message });
      count++;
    }
  });
  let total: CellIssue | null = null;
  if (count === 0) {
    const error = validateBudget(lines).find((e) => e.line === undefined);
    if (error) {
      total = { code: error.code, message: error.message };
      count++;
    }
  }
  return { byRow, total, count };
}

const AMOUNT_FIELDS: ReadonlySet<string | undefined> = new Set([
  'category',
  'quantity',
  'unitPrice',
  undefined,
]);

export interface LiveTotals {
  /** Each row's amount; null while its category, quantity or price is missing or refused. */
  amounts: Record<string, number | null>;
  byCategory: Record<BudgetCategory, number>;
  /** null when the lines add up to more than core allows. */
  total: number | null;
  totalInWords: string | null;
  /** Non-blank rows not (yet) added up. */
  pending: number;
}

/**
 * The totals as the user types: every row whose category, quantity and unit price are valid is added
 * up by core (the same rounding as the server's); the others wait, counted in `pending`.
 */
export function liveTotals(rows: readonly BudgetRow[]): LiveTotals {
  const amounts: Record<string, number | null> = {};
  const counted: BudgetLine[] = [];
  const countedKeys: string[] = [];
  let pending = 0;
  for (const row of rows) {
    amounts[row.key] = null;
    if (isBlankRow(row)) continue;
    const line = lineOfRow(row);
    if (validateBudgetLine(line).some((e) => AMOUNT_FIELDS.has(e.field))) {
      pending++;
      continue;
    }
    counted.push(line);
    countedKeys.push(row.key);
  }
  const zero = Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, 0])) as Record<BudgetCategory, number>;
  try {
    const totals = budgetTotals(counted);
    totals.lineAmounts.forEach((amount, i) => {
      amounts[countedKeys[i]!] = amount;
    });
    return {
      amounts,
      byCategory: { ...totals.byCategory },
      total: totals.total,
      totalInWords: totals.totalInWords,
      pending,
    };
  } catch {
    // The total is above core's maximum: each line still has its amount, the total none.
    const byCategory = { ...zero };
    counted.forEach((line, i) => {
      const amount = budgetLineAmount(line);
      amounts[countedKeys[i]!] = amount;
      byCategory[line.category] += amount;
    });
    return { amounts, byCategory, total: null, totalInWords: null, pending };
  }
}

/** The categories to list under the table: those with a line, in core's order. */
export function categoriesInUse(rows: readonly BudgetRow[]): BudgetCategory[] {
  const used = new Set(rows.filter((r) => !isBlankRow(r)).map((r) => r.category));
  return BUDGET_CATEGORIES.filter((c) => used.has(c));
}

/** The values the catalog's error texts take. */
export const ISSUE_VALUES = {
  max: formatAmountVi(BUDGET_MAX_AMOUNT),
  maxQuantity: formatQuantity(BUDGET_MAX_QUANTITY),
} as const;

// ---------------------------------------------------------------------------------------------------
// The server's refusals, beside the rows that were sent

export interface ServerIssue {
  /** Position in the lines sent; null for the estimate as a whole. */
  line: number | null;
  cell: BudgetCell | null;
  code: string;
  message: string;
}

function segmentsOf(path: unknown): string[] {
  if (Array.isArray(path)) return path.map(String);
  if (typeof path === 'string') return path.split(/[.[\]/]+/).filter(Boolean);
  return [];
}

/**
 * A detail's path as line and field: "body.lines.3.unitPrice" → line 3, unitPrice; "body.lines.3" → line
 * 3, its amount; "body.lines" → the whole estimate. null for a path elsewhere (the version).
 */
export function pathToCell(path: unknown): { line: number | null; cell: BudgetCell | null } | null {
  const segments = segmentsOf(path);
  const rest = segments[0] === 'body' ? segments.slice(1) : segments;
  if (rest[0] !== 'lines') return null;
  if (rest.length === 1) return { line: null, cell: null };
  const line = Number(rest[1]);
  if (!Number.isInteger(line) || line < 0) return { line: null, cell: null };
  const field = rest[2];
  const cell =
    field && (BUDGET_FIELDS as readonly string[]).includes(field) ? (field as BudgetField) : 'amount';
  return { line, cell };
}

/** The issues of a refused PUT (CONGRESS_BUDGET_INVALID, or the schema's VALIDATION_FAILED). */
export function serverIssues(error: unknown): ServerIssue[] {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  const out: ServerIssue[] = [];
  for (const d of error.details) {
    if (!d || typeof d !== 'object') continue;
    const { path, code, message } = d as { path?: unknown; code?: unknown; message?: unknown };
    const where = pathToCell(path);
    if (!where) continue;
    out.push({
      ...where,
      code: typeof code === 'string' ? code : error.code,
      message: typeof message === 'string' && message ? message : error.message,
    });
  }
  return out;
}

/** The server's issues on the rows they came from (`keys`: the row of each line sent); the rest apart. */
export function serverIssuesByRow(
  error: unknown,
  keys: readonly string[],
): { byRow: RowIssues; general: CellIssue[] } {
  const byRow: RowIssues = {};
  const general: CellIssue[] = [];
  for (const issue of serverIssues(error)) {
    const key = issue.line === null ? undefined : keys[issue.line];
    const text = { code: issue.code, message: issue.message };
    if (key && issue.cell) put(byRow, key, issue.cell, text);
    else general.push(text);
  }
  return { byRow, general };
}

/** The row's issues without the one of a cell just edited (and the amount's, which follows the numbers). */
export function withoutCell(issues: RowIssues, key: string, cell: BudgetField): RowIssues {
  const row = issues[key];
  if (!row) return issues;
  const { [cell]: _gone, ...rest } = row;
  if (cell === 'quantity' || cell === 'unitPrice') delete rest.amount;
  return { ...issues, [key]: rest };
}

// ---------------------------------------------------------------------------------------------------
// Statuses

export const isEditableStatus = (status: string | null | undefined) =>
  status === 'draft' || status === 'returned';

/** The budget may go to the committee above: a saved draft or returned version with at least one line. */
export const canSubmitBudget = (budget: { status: string; lines: readonly unknown[] } | null | undefined) =>
  Boolean(budget && isEditableStatus(budget.status) && budget.lines.length > 0);

export const BUDGET_STATUS_TAG: Readonly<Record<BudgetStatus, string>> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
};

export const SUBMISSION_STATUS_TAG: Readonly<Record<string, string>> = {
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
};

export const statusTag = (map: Readonly<Record<string, string>>, status: string) => map[status] ?? 'default';

// ---------------------------------------------------------------------------------------------------
// Submissions

/** Each kind's newest round (the highest round), or none. */
export function latestByKind(
  submissions: readonly CongressSubmission[],
): Partial<Record<string, CongressSubmission>> {
  const out: Partial<Record<string, CongressSubmission>> = {};
  for (const s of submissions) {
    const last = out[s.kind];
    if (!last || s.round > last.round) out[s.kind] = s;
  }
  return out;
}

/** A kind may be sent unless its newest round still waits for an answer. */
export function canSubmitKind(submissions: readonly CongressSubmission[], kind: SubmissionKind): boolean {
  return latestByKind(submissions)[kind]?.status !== 'submitted';
}

/** The newest round of each kind when it came back returned: what the secretary has to fix, in kind order. */
export function openReturns(submissions: readonly CongressSubmission[]): CongressSubmission[] {
  const latest = latestByKind(submissions);
  const known = SUBMISSION_KINDS.map((k) => latest[k]);
  const others = Object.entries(latest)
    .filter(([k]) => !(SUBMISSION_KINDS as readonly string[]).includes(k))
    .map(([, s]) => s);
  return [...known, ...others].filter((s): s is CongressSubmission => s?.status === 'returned');
}

/** Newest first: the rounds as the table lists them. */
export function sortSubmissions(submissions: readonly CongressSubmission[]): CongressSubmission[] {
  return [...submissions].sort((a, b) =>
    a.submittedAt === b.submittedAt ? b.round - a.round : a.submittedAt < b.submittedAt ? 1 : -1,
  );
}
