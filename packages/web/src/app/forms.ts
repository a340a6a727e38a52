import type { FormInstance } from 'antd';
import { isApiError } from './api';

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
