import type { FormInstance } from 'antd';
import { ApiError, isApiError } from './api';

/**
 * Puts the server's validation messages under the matching fields.
 * Returns true when at least one message found its field.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error)) return false;
  const issues = error.fieldIssues;
  if (issues.length === 0) return false;
  form.setFields(issues.map((issue) => ({ name: issue.path, errors: [issue.message] })));
  return true;
}

export function errorText(error: unknown, fallback: string): string {
  return isApiError(error) ? error.message : fallback;
}

export type FormIssue = { path: (string | number)[]; message: string };

/**
 * The server's details as issues of one form: each detail at the field `toField` finds for its path
 * (null: not a field of this form), with the refusal's own message where a detail has none.
 */
export function detailIssues(
  error: ApiError,
  toField: (path: unknown) => (string | number)[] | null,
): FormIssue[] {
  if (!Array.isArray(error.details)) return [];
  const issues: FormIssue[] = [];
  for (const d of error.details) {
    const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown };
    const target = toField(path);
    if (target)
      issues.push({
        path: target,
        message: typeof message === 'string' && message ? message : error.message,
      });
  }
  return issues;
}

/** The refusal again, its details replaced by these issues; the refusal itself when none found a field. */
export function withIssues(error: ApiError, issues: FormIssue[]): ApiError {
  return issues.length === 0 ? error : new ApiError(error.status, error.code, error.message, issues);
}

/** A detail's path as a flat form's field: "body.summary" → "summary", "body.links.0.targetId" → "links". */
function topField(path: unknown, fields: readonly string[]): string | null {
  const segments = Array.isArray(path)
    ? path.map(String)
    : typeof path === 'string'
      ? path.split(/[.[\]/]+/).filter(Boolean)
      : [];
  const rest = segments[0] === 'body' ? segments.slice(1) : segments;
  const name = rest[0];
  return name && fields.includes(name) ? name : null;
}

/**
 * The server's refusal with its details rewritten as a flat form's own field names, so that the form
 * helpers put each message under its field. Where no detail names a field the form has, the refusal's
 * code may (`fieldOfCode`); what the details said besides (a duplicate's id) stays with that issue.
 */
export function refusalAtFields(
  error: unknown,
  fields: readonly string[],
  fieldOfCode: Readonly<Record<string, string>>,
): unknown {
  if (!isApiError(error)) return error;
  const issues: { path: string; message: string }[] = [];
  const extra =
    error.details && typeof error.details === 'object' && !Array.isArray(error.details) ? error.details : {};
  for (const d of Array.isArray(error.details) ? error.details : []) {
    if (!d || typeof d !== 'object') continue;
    const { path, field, message } = d as { path?: unknown; field?: unknown; message?: unknown };
    const name = topField(field ?? path, fields);
    if (name)
      issues.push({ path: name, message: typeof message === 'string' && message ? message : error.message });
  }
  const byCode = fieldOfCode[error.code];
  if (issues.length === 0 && byCode && fields.includes(byCode))
    issues.push({ ...extra, path: byCode, message: error.message });
  return new ApiError(error.status, error.code, error.message, issues.length > 0 ? issues : error.details);
}
