import { queryOptions } from '@tanstack/react-query';
import { ApiError, buildUrl, type Page, request } from '../../app/api';
import { i18next } from '../../app/i18n';

export interface StoredFile {
  id: string;
  name: string;
  size: number;
  sha256: string;
  type: string;
  restricted: boolean;
  createdAt: string;
  uploadedBy: { id: string; displayName: string } | null;
}

export type UploadedFile = Pick<StoredFile, 'id' | 'name' | 'size' | 'sha256' | 'type'>;

export interface FileLimits {
  maxBytes: number;
  extensions: string[];
  types: string[];
}

export const FILES_KEY = 'files';

export const attachmentsQuery = (entity: string, entityId: string) =>
  queryOptions({
    queryKey: [FILES_KEY, 'list', entity, entityId],
    queryFn: ({ signal }) =>
      request<Page<StoredFile>>('/files', { query: { entity, entityId, limit: 500 }, signal }),
  });

export const fileLimitsQuery = () =>
  queryOptions({
    queryKey: [FILES_KEY, 'limits'],
    queryFn: () => request<FileLimits>('/files/limits'),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const downloadUrl = (id: string) => buildUrl(`/files/${id}`);

export function deleteFile(id: string): Promise<void> {
  return request<void>(`/files/${id}`, { method: 'DELETE' });
}

export interface UploadRequest {
  file: Blob;
  filename: string;
  fields: Record<string, string>;
  csrfToken: string | null;
  onProgress: (percent: number) => void;
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
export function uploadFile(req: UploadRequest, signal?: AbortSignal): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl('/files'));
    xhr.setRequestHeader('Accept', 'application/json');
    if (req.csrfToken) xhr.setRequestHeader('X-CSRF-Token', req.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) req.onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedFile);
        } catch {
          reject(new ApiError(xhr.status, 'INVALID_RESPONSE', i18next.t('errors.unexpected')));
        }
      } else reject(errorFrom(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18next.t('errors.network')));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = new FormData();
    for (const [key, value] of Object.entries(req.fields)) body.append(key, value);
    body.append('file', req.file, req.filename);
    xhr.send(body);
  });
}
