import type { ChartOption } from './Chart';

export interface Entry {
  key: string;
  label: string;
  count: number;
}

/**
 * A count record as entries in the given order (every known code, zero when absent), followed by
 * codes the order does not know, so nothing the server counts is dropped.
 */
export function entriesOf(
  record: Record<string, number> | undefined,
  order: readonly string[],
  label: (code: string) => string,
): Entry[] {
  const counts = record ?? {};
  const known = order.map((key) => ({ key, label: label(key), count: counts[key] ?? 0 }));
  const extra = Object.keys(counts)
    .filter((k) => !order.includes(k))
    .map((key) => ({ key, label: label(key), count: counts[key] ?? 0 }));
  return [...known, ...extra];
}

/** The largest `limit` entries, the rest summed into one entry labelled `otherLabel`. */
export function topWithOther(entries: readonly Entry[], limit: number, otherLabel: string): Entry[] {
  const sorted = [...entries].sort((a, b) => b.count - a.count);
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit).reduce((n, e) => n + e.count, 0);
  return [...sorted.slice(0, limit), { key: '__other__', label: otherLabel, count: rest }];
}

/** Share in percent with one decimal (Vietnamese writes the decimal comma; the caller formats). */
export function share(count: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((count / total) * 1000) / 10;
}

const PALETTE = ['#b3261e', '#d4883a', '#3a7bd5', '#2e9d6a', '#7b5ea7', '#c9a227', '#5b8c85', '#a0522d'];

export type NumberFormat = (n: number) => string;
const plain: NumberFormat = (n) => String(n);

export function pieOption(entries: readonly Entry[], format: NumberFormat = plain): ChartOption {
  return {
    color: PALETTE,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const { name, value, percent } = p as { name: string; value: number; percent: number };
        return `${name}: ${format(value)} (${format(Math.round(percent * 10) / 10)}%)`;
      },
    },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { formatter: (p) => format((p as { value: number }).value) },
        data: entries.filter((e) => e.count > 0).map((e) => ({ name: e.label, value: e.count })),
      },
    ],
  };
}

/** Bars, vertical by default; horizontal for long labels (organization names). */
export function barOption(
  entries: readonly Entry[],
  horizontal = false,
  format: NumberFormat = plain,
): ChartOption {
  const names = entries.map((e) => e.label);
  const values = entries.map((e) => e.count);
  const category = {
    type: 'category' as const,
    data: horizontal ? [...names].reverse() : names,
    axisLabel: horizontal ? { width: 180, overflow: 'truncate' as const } : { interval: 0, rotate: 20 },
  };
  const value = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { formatter: (n: number) => format(n) },
  };
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => format(Number(v)) },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [
      {
        type: 'bar',
        data: horizontal ? [...values].reverse() : values,
        barMaxWidth: 36,
        label: {
          show: true,
          position: horizontal ? 'right' : 'top',
          formatter: (p) => format((p as { value: number }).value),
        },
      },
    ],
  };
}
