import { i18next } from './i18n';

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Validation details `[{path, message}]` as form field paths; a path alone carries the main message. */
  get fieldIssues(): FieldIssue[] {
    return parseFieldIssues(this.details, this.message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function parseFieldIssues(details: unknown, fallbackMessage?: string): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  const issues: FieldIssue[] = [];
  for (const d of details) {
    if (!d || typeof d !== 'object') continue;
    const { path, message: own } = d as { path?: unknown; message?: unknown };
    const message = typeof own === 'string' && own ? own : fallbackMessage;
    if (!message) continue;
    const segments = Array.isArray(path) ? path : typeof path === 'string' ? path.split(/[.[\]]+/) : [];
    const clean = segments
      .filter((s): s is string | number => (typeof s === 'string' && s !== '') || typeof s === 'number')
      .map((s) => (typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : s));
    if (clean.length > 0) issues.push({ path: clean, message });
  }
  return issues;
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type ErrorListener = (error: ApiError) => void;
const listeners = new Set<ErrorListener>();

/** Session-wide reactions (signed out, password change required) subscribe here. */
export function onApiError(listener: ErrorListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export const API_BASE = '/api/v1';

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', i18next.t('errors.network'));
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;

  const error = toApiError(response.status, payload);
  for (const listener of listeners) listener(error);
  throw error;
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  const code = typeof body?.code === 'string' ? body.code : `HTTP_${status}`;
  const message =
    typeof body?.message === 'string' && body.message
      ? body.message
      : i18next.t(status === 401 ? 'errors.sessionExpired' : 'errors.unexpected');
  return new ApiError(status, code, message, body?.details);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
