import { queryOptions } from '@tanstack/react-query';
import { API_BASE, request } from '../../app/api';

export type Schedule = { everyMinutes: number } | { dailyAt: string };

export interface BackupInfo {
  name: string;
  size: number;
  createdAt: string;
}

export interface JobRun {
  status: 'running' | 'ok' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  message: string | null;
}

export interface SystemStatus {
  version: string;
  database: 'embedded' | 'server';
  today: string;
  backups: BackupInfo[];
  jobs: { name: string; schedule: Schedule; lastRun: JobRun | null }[];
}

export const SYSTEM_KEY = 'system';

export const systemStatusQuery = () =>
  queryOptions({
    queryKey: [SYSTEM_KEY, 'status'],
    queryFn: ({ signal }) => request<SystemStatus>('/system/status', { signal }),
    refetchInterval: 60_000,
  });

export const createBackup = () => request<BackupInfo>('/system/backups', { method: 'POST' });

/** A plain link: the browser downloads with the session cookie and shows its own progress. */
export const backupDownloadUrl = (name: string) => `${API_BASE}/system/backups/${encodeURIComponent(name)}`;
