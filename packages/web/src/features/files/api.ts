import { queryOptions } from '@tanstack/react-query';
import { buildUrl, type Page, request } from '../../app/api';
import { uploadWithProgress } from '../../app/upload';

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

export function uploadFile(req: UploadRequest, signal?: AbortSignal): Promise<UploadedFile> {
  return uploadWithProgress<UploadedFile>('/files', { ...req, signal });
}
