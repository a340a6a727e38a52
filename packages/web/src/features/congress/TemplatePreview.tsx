import type { RuleSetId, StepOffset } from '@daihoi/core';
import { type QueryObserverResult, useQueries } from '@tanstack/react-query';
import { DatePicker, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_INPUT_FORMAT, formatDate } from '../../app/format';
import { type CalendarYear, calendarYearQuery, hasCalendarYear } from './calendarApi';
import { dueOnFor, previewCalendar, previewYears } from './templateDraft';

/** The due dates of the template's steps for an example congress date, on the administrator's calendar. */
export interface DuePreview {
  example: string | null;
  dueOf: (offset: StepOffset | null) => string | null;
  /** A year's days off could not be read: the dates count on the shipped calendar there. */
  failed: boolean;
}

function combineYears(results: QueryObserverResult<CalendarYear>[]) {
  return {
    calendar: previewCalendar(results.flatMap((r) => (r.data ? [r.data] : []))),
    failed: results.some((r) => r.isError),
  };
}

/**
 * The preview of the steps' deadlines: the years they reach are read from GET /calendar/{year} (the
 * administrator's page of days off shares the cache entries), and counted as the server counts a plan.
 * Until a year is read, its days are the shipped calendar's.
 */
export function useDuePreview(
  example: string | null,
  offsets: readonly (StepOffset | null)[],
  ruleSetId: RuleSetId,
): DuePreview {
  const spanKey = JSON.stringify(offsets);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the offsets count through their text
  const years = useMemo(
    () => previewYears(offsets, example, ruleSetId).filter(hasCalendarYear),
    [spanKey, example, ruleSetId],
  );
  const { calendar, failed } = useQueries({
    queries: years.map((year) => ({ ...calendarYearQuery(year), retry: 1 })),
    combine: combineYears,
  });
  return {
    example,
    dueOf: (offset) => (example ? dueOnFor(offset, example, ruleSetId, calendar) : null),
    failed,
  };
}

/** The congress date the "due (example)" column is counted from. */
export function ExampleDate({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (iso: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} style={{ maxWidth: 420 }}>
      <Flex wrap gap={8} align="center">
        <label htmlFor="dh-template-example">{t('congressTemplate.fields.example')}</label>
        <DatePicker
          id="dh-template-example"
          format={DATE_INPUT_FORMAT}
          value={value ? dayjs(value) : null}
          onChange={(d) => onChange(d?.isValid() ? d.format('YYYY-MM-DD') : null)}
          aria-describedby="dh-template-example-hint"
          style={{ width: 150 }}
        />
      </Flex>
      <Typography.Text id="dh-template-example-hint" type="secondary" style={{ fontSize: 12 }}>
        {t('congressTemplate.hints.example')}
      </Typography.Text>
    </Flex>
  );
}

export function DueText({ offset, preview }: { offset: StepOffset | null; preview: DuePreview }) {
  const { t } = useTranslation();
  if (!preview.example) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const due = preview.dueOf(offset);
  return due ? (
    <span style={{ whiteSpace: 'nowrap' }}>{formatDate(due)}</span>
  ) : (
    <Typography.Text type="secondary">{t('congressTemplate.noDue')}</Typography.Text>
  );
}

/** Said under a list whose example dates could not take the administrator's days off into account. */
export function CalendarNote({ preview }: { preview: DuePreview }) {
  const { t } = useTranslation();
  if (!preview.failed || !preview.example) return null;
  return (
    <Typography.Paragraph type="warning" style={{ fontSize: 12, margin: '8px 0 0' }}>
      {t('congressTemplate.calendarFailed')}
    </Typography.Paragraph>
  );
}
