import type { ImportCounts, ImportJob } from './api';

export const IMPORT_EXTENSIONS = ['.xlsx', '.csv'] as const;

export function acceptsImportFile(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Steps of the wizard: template, file, parsing, preview, done. */
export type ImportStep = 0 | 1 | 2 | 3 | 4;

export function stepOf(job: Pick<ImportJob, 'status'> | undefined, chosen: 0 | 1): ImportStep {
  if (!job) return chosen;
  switch (job.status) {
    case 'parsing':
      return 2;
    case 'preview':
    case 'committing':
      return 3;
    case 'committed':
      return 4;
    default:
      return 2;
  }
}

/** The parsing progress in whole percent, or null while the number of rows is not known yet. */
export function parsePercent(job: Pick<ImportJob, 'processedRows' | 'totalRows'>): number | null {
  if (!job.totalRows || job.totalRows <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((job.processedRows / job.totalRows) * 100)));
}

const ZERO: ImportCounts = { new: 0, changed: 0, unchanged: 0, rejected: 0 };

export function countsOf(job: Pick<ImportJob, 'counts'> | undefined): ImportCounts {
  return { ...ZERO, ...(job?.counts ?? {}) };
}

/** Whether confirming would write anything. */
export function hasWrites(counts: ImportCounts): boolean {
  return counts.new + counts.changed > 0;
}

const LAST_IMPORT_PREFIX = 'daihoi.memberImport.last';

export function lastImportKey(userId: string): string {
  return `${LAST_IMPORT_PREFIX}.${userId}`;
}
