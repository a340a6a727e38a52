import type { ChartOption } from '../members/Chart';
import type { CoverageRow } from './api';
import { percent } from './helpers';

export interface CoverageBar {
  key: string;
  label: string;
  value: number;
  studied: number;
  total: number;
}

/** One bar per row that has members, in the server's order; `ownLabel` names the own-members row. */
export function coverageBars(
  rows: readonly CoverageRow[],
  ownLabel: (name: string) => string,
): CoverageBar[] {
  return rows
    .filter((r) => r.total > 0)
    .map((r) => ({
      key: r.own ? `own:${r.organization.id}` : r.organization.id,
      label: r.own ? ownLabel(r.organization.name) : r.organization.name,
      value: percent(r.studied, r.total),
      studied: r.studied,
      total: r.total,
    }));
}

const color = (value: number) =>
  value >= 100 ? '#2e9d6a' : value >= 80 ? '#3a7bd5' : value >= 50 ? '#d4883a' : '#b3261e';

/** Horizontal bars of the share studied (0–100 %), the first row on top. */
export function coverageChartOption(
  bars: readonly CoverageBar[],
  format: (n: number) => string,
  narrow = false,
): ChartOption {
  const reversed = [...bars].reverse();
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number } | undefined;
        const bar = p ? reversed[p.dataIndex] : undefined;
        return bar ? `${bar.label}: ${bar.studied}/${bar.total} (${format(bar.value)}%)` : '';
      },
    },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: narrow ? 50 : 20,
      axisLabel: { formatter: (n: number) => `${format(n)}%` },
    },
    yAxis: {
      type: 'category',
      data: reversed.map((b) => b.label),
      axisLabel: { width: narrow ? 110 : 200, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 24,
        data: reversed.map((b) => ({ value: b.value, itemStyle: { color: color(b.value) } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => `${format(Number((p as { value: number }).value))}%`,
        },
      },
    ],
  };
}
