import { ApiError, buildUrl } from './api';
import { i18next } from './i18n';

export interface UploadOptions {
  /** Form fields sent before the file part. */
  fields: Record<string, string>;
  file: Blob;
  filename: string;
  csrfToken: string | null;
  onProgress: (percent: number) => void;
  signal?: AbortSignal | undefined;
}

function errorFrom(status: number, text: string): ApiError {
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const e = body?.error;
  return new ApiError(
    status,
    typeof e?.code === 'string' ? e.code : `HTTP_${status}`,
    typeof e?.message === 'string' && e.message ? e.message : i18next.t('errors.unexpected'),
    e?.details,
  );
}

/** Multipart upload through XMLHttpRequest: fetch reports no upload progress. */
export function uploadWithProgress<T>(path: string, opts: UploadOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.setRequestHeader('Accept', 'application/json');
    if (opts.csrfToken) xhr.setRequestHeader('X-CSRF-Token', opts.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorFrom(xhr.status, xhr.responseText));
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(new ApiError(xhr.status, 'INVALID_RESPONSE', i18next.t('errors.unexpected')));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18next.t('errors.network')));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = new FormData();
    for (const [key, value] of Object.entries(opts.fields)) body.append(key, value);
    body.append('file', opts.file, opts.filename);
    xhr.send(body);
  });
}
