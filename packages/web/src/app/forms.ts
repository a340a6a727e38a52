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
