import type { StepStatus } from '@daihoi/core';
import type { ChartOption } from '../members/Chart';
import { countEntries, STEP_COLOR } from './helpers';

/** A doughnut of the steps by state, in the legend's order and colours; empty states are left out. */
export function countsChartOption(
  counts: Partial<Record<StepStatus, number>>,
  label: (status: StepStatus) => string,
  format: (n: number) => string,
  narrow = false,
): ChartOption {
  const entries = countEntries(counts).filter((e) => e.value > 0);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = p as { name: string; value: number; percent: number };
        return `${item.name}: ${format(item.value)} (${format(item.percent)}%)`;
      },
    },
    legend: narrow
      ? { bottom: 0, left: 'center', itemWidth: 12, itemHeight: 12 }
      : { orient: 'vertical', right: 0, top: 'middle', itemWidth: 12, itemHeight: 12 },
    series: [
      {
        type: 'pie',
        radius: ['48%', '75%'],
        center: narrow ? ['50%', '42%'] : ['35%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        data: entries.map((e) => ({
          name: label(e.status),
          value: e.value,
          itemStyle: { color: STEP_COLOR[e.status] },
        })),
      },
    ],
  };
}
