/** Small order statistics over a handful of runs: the median and the spread around it. */
export interface Summary {
  p50: number;
  min: number;
  max: number;
  n: number;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function summarize(values: readonly number[]): Summary {
  return {
    p50: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
  };
}

/** Pairwise ratios of two series measured side by side (run i of one against run i of the other). */
export function ratios(numerators: readonly number[], denominators: readonly number[]): number[] {
  return numerators.map((v, i) => v / denominators[i]!);
}

function digits(v: number): string {
  const a = Math.abs(v);
  if (a >= 999.5) return Math.round(v).toLocaleString('en-US');
  if (a >= 99.95) return v.toFixed(0);
  if (a >= 9.995) return v.toFixed(1);
  if (a >= 0.9995) return v.toFixed(2);
  return v.toFixed(3);
}

export const fmt = digits;

/** "p50 (min–max)". */
export const fmtSummary = (s: Summary, unit = '') =>
  `${digits(s.p50)}${unit} (${digits(s.min)}–${digits(s.max)})`;

export const fmtRatio = (s: Summary) => `${digits(s.p50)}× (${digits(s.min)}–${digits(s.max)})`;

/** Mean microseconds per call over `n` calls made one after another. */
export async function time(n: number, call: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await call();
  return Number(process.hrtime.bigint() - started) / 1000 / n;
}
