import { ExclamationCircleFilled, FlagFilled, WarningFilled } from '@ant-design/icons';
import { type QueryObserverResult, useQueries } from '@tanstack/react-query';
import { Button, Col, Empty, Flex, Modal, Row, Typography } from 'antd';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { useIsPhone } from '../../app/useMediaQuery';
import { useNumberFormat } from '../members/labels';
import {
  buildCongressCalendar,
  type CalendarEntry,
  type CalendarGap,
  type CalendarMonth,
  type CongressCalendar,
  type DayOff,
  type DaysOff,
  type DeadlineMark,
  dayKind,
  daysOffOf,
  splitOverflow,
  weekday,
  yearsOf,
} from './calendar';
import { type CalendarYear, calendarYearQuery, hasCalendarYear } from './calendarApi';
import { congressEndsOn, type DashboardRowView } from './helpers';
import { useCongressLabels } from './labels';
import './congress.css';

/** Lines a day of the month grid gives to congresses before "+N"; a phone's list of the day has room for more. */
const MAX_PER_DAY = 3;
const MAX_PER_DAY_PHONE = 5;
/** The attention lists and the day's full list grow by pages, so 5,000 names never render at once. */
const LIST_FIRST = 10;
const LIST_FIRST_PHONE = 5;
const LIST_STEP = 100;

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

type Entry = CalendarEntry<DashboardRowView>;
const NO_ENTRIES: readonly Entry[] = [];

interface CalendarState {
  calendar: CongressCalendar<DashboardRowView>;
  today: string;
  days: DaysOff;
  openDay: (date: string) => void;
}

const CalendarContext = createContext<CalendarState | null>(null);

function useCalendar(): CalendarState {
  const state = useContext(CalendarContext);
  if (!state) throw new Error('useCalendar outside DashboardCalendar');
  return state;
}

// ---------------------------------------------------------------------------------------------------
// Days off, fetched for the years the wave touches

function combineDaysOff(results: QueryObserverResult<CalendarYear>[]) {
  return {
    days: daysOffOf(results.flatMap((r) => (r.data ? [r.data] : []))),
    failed: results.some((r) => r.isError),
  };
}

function useDaysOff(from: string | null, to: string | null) {
  return useQueries({
    queries: yearsOf(from, to)
      .filter(hasCalendarYear)
      .map((year) => ({ ...calendarYearQuery(year), retry: 1 })),
    combine: combineDaysOff,
  });
}

// ---------------------------------------------------------------------------------------------------
// Words

function useCalendarText() {
  const { t, i18n } = useTranslation();
  const labels = useCongressLabels();
  const format = useNumberFormat();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language decides every text
  return useMemo(() => {
    const key = (group: string, code: string) => `congressCalendar.${group}.${code}`;
    const monthName = (m: number) => t(key('months', `m${m}`));
    const dates = (row: Pick<DashboardRowView, 'plannedOn' | 'durationDays'>) => {
      if (!row.plannedOn) return '';
      const end = congressEndsOn(row.plannedOn, row.durationDays);
      return end === row.plannedOn
        ? formatDate(row.plannedOn)
        : `${formatDate(row.plannedOn)} – ${formatDate(end)}`;
    };
    return {
      t,
      format,
      monthTitle: (m: CalendarMonth) =>
        t('congressCalendar.monthTitle', { month: monthName(m.month), year: m.year }),
      monthShort: (monthKey: string) =>
        t('congressCalendar.monthShort', {
          month: monthName(Number(monthKey.slice(5, 7))),
          year: monthKey.slice(0, 4),
        }),
      weekdayShort: (k: (typeof WEEK)[number]) => t(key('weekdays', k)),
      weekdayLong: (k: (typeof WEEK)[number]) => t(key('weekdaysLong', k)),
      day: (iso: string) =>
        t('congressCalendar.day', {
          weekday: t(key('weekdaysLong', WEEKDAY_KEYS[weekday(iso)] ?? 'mon')),
          date: formatDate(iso),
        }),
      dayOff: (off: DayOff) => {
        if (!off.holiday)
          return off.reason
            ? `${t('congressCalendar.addedDayOff')}: ${off.reason}`
            : t('congressCalendar.addedDayOff');
        const name = i18n.exists(key('holidays', off.holiday))
          ? t(key('holidays', off.holiday))
          : (off.reason ?? off.holiday);
        return i18n.exists(key('holidayKinds', off.kind))
          ? t(key('holidayKinds', off.kind), { name })
          : (off.reason ?? name);
      },
      deadline: (mark: DeadlineMark) =>
        t('congressCalendar.deadline', {
          level: i18n.exists(key('deadlineLevels', mark.level))
            ? t(key('deadlineLevels', mark.level))
            : labels.level(mark.level),
          date: formatDate(mark.date),
        }),
      dates,
      event: (row: DashboardRowView) => {
        const base = t('congressCalendar.event', {
          name: row.name,
          dates: dates(row),
          duration: labels.duration(row.durationDays),
        });
        return row.late
          ? `${base} — ${t('congressCalendar.late', { date: formatDate(row.deadline) })}`
          : base;
      },
    };
  }, [t, labels, format, i18n.language]);
}

type CalendarText = ReturnType<typeof useCalendarText>;

// ---------------------------------------------------------------------------------------------------
// One congress on one day

function entryClass(e: Entry): string {
  const parts = ['dh-cal-event'];
  if (e.row.late) parts.push('dh-cal-event--late');
  if (e.day > 1) parts.push('dh-cal-event--cont');
  if (e.day < e.of) parts.push('dh-cal-event--goes-on');
  return parts.join(' ');
}

/** A congress on one of its days: the organization's name, which day of how many, late or not. */
function EventLink({ entry, text }: { entry: Entry; text: CalendarText }) {
  const { t } = text;
  const { row } = entry;
  const part = entry.of > 1 ? `${entry.day}/${entry.of}` : '';
  // The name as read aloud: the marks beside it ("1/2", "½", the warning) say it in words.
  const spoken = [
    row.name,
    entry.of > 1 ? t('congressCalendar.part', { day: entry.day, of: entry.of }) : null,
    entry.half ? t('congressCalendar.half') : null,
    row.late ? t('congressCalendar.late', { date: formatDate(row.deadline) }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const content = (
    <>
      {row.late && <WarningFilled aria-hidden className="dh-cal-event-icon" />}
      <span className="dh-cal-event-name">{row.name}</span>
      {(part || entry.half) && (
        <span className="dh-cal-event-part" aria-hidden>
          {[part, entry.half ? '½' : ''].filter(Boolean).join(' ')}
        </span>
      )}
    </>
  );
  const title = text.event(row);
  return row.target ? (
    <Link to={row.target} className={entryClass(entry)} title={title} aria-label={spoken}>
      {content}
    </Link>
  ) : (
    <span className={entryClass(entry)} title={title}>
      {content}
      {spoken !== row.name && <span className="dh-congress-sr">{spoken.slice(row.name.length)}</span>}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------------
// A day

function useDay(date: string) {
  const { calendar, today, days } = useCalendar();
  const entries = calendar.byDay.get(date) ?? NO_ENTRIES;
  const kind = dayKind(date, days);
  const past = date < today;
  const isToday = date === today;
  const className = [
    'dh-cal-day',
    `dh-cal-day--${kind}`,
    past ? 'dh-cal-day--past' : '',
    isToday ? 'dh-cal-day--today' : '',
    calendar.deadlines.has(date) ? 'dh-cal-day--deadline' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    entries,
    marks: calendar.deadlines.get(date) ?? [],
    off: days.off.get(date),
    kind,
    past,
    isToday,
    className,
  };
}

/** What a screen reader hears for the day beside what it sees: the full date, its kind, and the count. */
function spokenDay(text: CalendarText, date: string, day: ReturnType<typeof useDay>): string {
  const { t } = text;
  const bits = [text.day(date)];
  if (day.isToday) bits.push(t('congressCalendar.today'));
  else if (day.past) bits.push(t('congressCalendar.past'));
  if (day.kind !== 'working') bits.push(t(`congressCalendar.kinds.${day.kind}`));
  if (day.entries.length > 0)
    bits.push(t('congressCalendar.dayCount', { n: text.format(day.entries.length) }));
  return bits.join(', ');
}

function DayBody({
  date,
  day,
  max,
  text,
}: {
  date: string;
  day: ReturnType<typeof useDay>;
  max: number;
  text: CalendarText;
}) {
  const { openDay } = useCalendar();
  const { shown, more } = splitOverflow(day.entries, max);
  return (
    <>
      {day.off && (
        <div className="dh-cal-off" title={text.dayOff(day.off)}>
          {text.dayOff(day.off)}
        </div>
      )}
      {day.marks.map((m) => (
        <div key={m.level} className="dh-cal-deadline">
          <FlagFilled aria-hidden /> {text.deadline(m)}
        </div>
      ))}
      {shown.length > 0 && (
        <ul className="dh-cal-events">
          {shown.map((e) => (
            <li key={e.row.key}>
              <EventLink entry={e} text={text} />
            </li>
          ))}
        </ul>
      )}
      {more > 0 && (
        <button
          type="button"
          className="dh-cal-more"
          aria-label={text.t('congressCalendar.moreLabel', {
            n: text.format(day.entries.length),
            date: formatDate(date),
          })}
          onClick={() => openDay(date)}
        >
          {text.t('congressCalendar.more', { n: text.format(more) })}
        </button>
      )}
    </>
  );
}

function DayCell({ date, text }: { date: string; text: CalendarText }) {
  const day = useDay(date);
  return (
    <td className={day.className}>
      <div className="dh-cal-day-head">
        <span className="dh-cal-day-num" aria-hidden>
          {Number(date.slice(8))}
        </span>
        {day.entries.length > 0 && (
          <span
            className="dh-cal-count"
            aria-hidden
            title={text.t('congressCalendar.dayCount', { n: text.format(day.entries.length) })}
          >
            {text.format(day.entries.length)}
          </span>
        )}
        <span className="dh-congress-sr">{spokenDay(text, date, day)}</span>
      </div>
      <DayBody date={date} day={day} max={MAX_PER_DAY} text={text} />
    </td>
  );
}

/** A day of the phone's list: only days that hold something are listed. */
function DayItem({ date, text }: { date: string; text: CalendarText }) {
  const day = useDay(date);
  return (
    <li className={day.className}>
      <div className="dh-cal-day-head">
        <span className="dh-cal-day-name" aria-hidden>
          {text.day(date)}
          {day.isToday ? ` · ${text.t('congressCalendar.today')}` : ''}
        </span>
        {day.entries.length > 0 && (
          <span className="dh-cal-count" aria-hidden>
            {text.t('congressCalendar.dayCount', { n: text.format(day.entries.length) })}
          </span>
        )}
        <span className="dh-congress-sr">{spokenDay(text, date, day)}</span>
      </div>
      <DayBody date={date} day={day} max={MAX_PER_DAY_PHONE} text={text} />
    </li>
  );
}

// ---------------------------------------------------------------------------------------------------
// Months

const monthId = (key: string) => `dh-cal-${key}`;

function MonthHeading({ month, text }: { month: CalendarMonth; text: CalendarText }) {
  return (
    <Flex wrap align="baseline" gap={8} className="dh-cal-month-head">
      <Typography.Title level={4} id={`${monthId(month.key)}-title`} tabIndex={-1} style={{ margin: 0 }}>
        {text.monthTitle(month)}
      </Typography.Title>
      <Typography.Text type="secondary">
        {text.t('congressCalendar.monthOpening', { n: text.format(month.opening) })}
      </Typography.Text>
    </Flex>
  );
}

function MonthGrid({ month, text }: { month: CalendarMonth; text: CalendarText }) {
  return (
    <section className="dh-cal-month" id={monthId(month.key)} aria-labelledby={`${monthId(month.key)}-title`}>
      <MonthHeading month={month} text={text} />
      <table className="dh-cal-grid" aria-labelledby={`${monthId(month.key)}-title`}>
        <thead>
          <tr>
            {WEEK.map((k) => (
              <th
                key={k}
                scope="col"
                className={k === 'sat' || k === 'sun' ? 'dh-cal-weekend-head' : undefined}
              >
                <abbr title={text.weekdayLong(k)}>{text.weekdayShort(k)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {month.weeks.map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((date, i) =>
                date ? (
                  <DayCell key={date} date={date} text={text} />
                ) : (
                  <td key={`pad-${WEEK[i]}`} className="dh-cal-pad" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function MonthList({ month, text }: { month: CalendarMonth; text: CalendarText }) {
  return (
    <section className="dh-cal-month" id={monthId(month.key)} aria-labelledby={`${monthId(month.key)}-title`}>
      <MonthHeading month={month} text={text} />
      <ol className="dh-cal-list">
        {month.busyDays.map((date) => (
          <DayItem key={date} date={date} text={text} />
        ))}
      </ol>
    </section>
  );
}

function Gap({ gap, text }: { gap: CalendarGap; text: CalendarText }) {
  return (
    <p className="dh-cal-gap">
      {gap.from === gap.to
        ? text.t('congressCalendar.gapOne', { month: text.monthShort(gap.from) })
        : text.t('congressCalendar.gap', { from: text.monthShort(gap.from), to: text.monthShort(gap.to) })}
    </p>
  );
}

/** Buttons to the months of the wave, with the congresses opening in each. */
function MonthIndex({ months, text }: { months: CalendarMonth[]; text: CalendarText }) {
  if (months.length < 2) return null;
  const jump = (key: string) => {
    const target = document.getElementById(monthId(key));
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    target?.querySelector<HTMLElement>('h4')?.focus({ preventScroll: true });
  };
  return (
    <nav aria-label={text.t('congressCalendar.monthIndex')} className="dh-cal-index dh-no-print">
      {months.map((m) => (
        <Button
          key={m.key}
          size="small"
          onClick={() => jump(m.key)}
          aria-label={text.t('congressCalendar.monthJump', {
            month: text.monthTitle(m),
            n: text.format(m.opening),
          })}
        >
          {text.monthShort(m.key)}
          <span className="dh-cal-index-count" aria-hidden>
            {text.format(m.opening)}
          </span>
        </Button>
      ))}
    </nav>
  );
}

// ---------------------------------------------------------------------------------------------------
// What needs attention: congresses after the deadline, organizations without a date

function PagedList<T>({
  items,
  keyOf,
  render,
  className = 'dh-cal-attention-list',
}: {
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const phone = useIsPhone();
  const [limit, setLimit] = useState(phone ? LIST_FIRST_PHONE : LIST_FIRST);
  const rest = items.length - limit;
  return (
    <>
      <ul className={className}>
        {items.slice(0, limit).map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
      {rest > 0 && (
        <Button
          type="link"
          size="small"
          onClick={() => setLimit(limit + LIST_STEP)}
          style={{ paddingInline: 0 }}
        >
          {t('congressCalendar.showMore', { n: format(Math.min(rest, LIST_STEP)) })}
        </Button>
      )}
    </>
  );
}

function OrganizationLink({ row }: { row: DashboardRowView }) {
  return row.target ? <Link to={row.target}>{row.name}</Link> : <span>{row.name}</span>;
}

function AttentionBox({
  id,
  tone,
  title,
  children,
}: {
  id: string;
  tone: 'late' | 'undated';
  title: string;
  children: ReactNode;
}) {
  return (
    <section className={`dh-cal-attention dh-cal-attention--${tone}`} aria-labelledby={id}>
      <Typography.Title level={5} id={id} className="dh-cal-attention-title">
        {tone === 'late' ? <WarningFilled aria-hidden /> : <ExclamationCircleFilled aria-hidden />} {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function Attention({ calendar, text }: { calendar: CongressCalendar<DashboardRowView>; text: CalendarText }) {
  const { t, format } = text;
  const { late, undated } = calendar;
  if (late.length === 0 && undated.length === 0) return null;
  const half = late.length > 0 && undated.length > 0 ? 12 : 24;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {late.length > 0 && (
        <Col xs={24} lg={half}>
          <AttentionBox
            id="dh-cal-late"
            tone="late"
            title={t('congressCalendar.lateTitle', { n: format(late.length) })}
          >
            <PagedList
              items={late}
              keyOf={(r) => r.key}
              render={(r) => (
                <>
                  <OrganizationLink row={r} />{' '}
                  <Typography.Text type="danger">
                    {t('congressCalendar.lateItem', {
                      dates: text.dates(r),
                      deadline: formatDate(r.deadline),
                    })}
                  </Typography.Text>
                </>
              )}
            />
          </AttentionBox>
        </Col>
      )}
      {undated.length > 0 && (
        <Col xs={24} lg={half}>
          <AttentionBox
            id="dh-cal-undated"
            tone="undated"
            title={t('congressCalendar.undatedTitle', { n: format(undated.length) })}
          >
            <PagedList
              items={undated}
              keyOf={(r) => r.key}
              render={(r) => (
                <>
                  <OrganizationLink row={r} />{' '}
                  <Typography.Text type="secondary">
                    ({t(r.planId ? 'congressCalendar.notScheduled' : 'congressCalendar.noPlan')})
                  </Typography.Text>
                </>
              )}
            />
          </AttentionBox>
        </Col>
      )}
    </Row>
  );
}

/** The marks a day may carry, with what each means; a legend's swatch repeats the mark in the calendar. */
const LEGEND: readonly [key: string, className: string, mark: ReactNode][] = [
  ['past', 'dh-cal-key--past', null],
  ['today', 'dh-cal-key--today', null],
  ['weekend', 'dh-cal-key--weekend', null],
  ['dayOff', 'dh-cal-key--day-off', null],
  ['deadline', 'dh-cal-key--deadline', <FlagFilled key="deadline" />],
  ['late', 'dh-cal-key--late', <WarningFilled key="late" />],
  ['part', 'dh-cal-key--part', '1/2'],
  ['half', 'dh-cal-key--part', '½'],
  ['count', 'dh-cal-key--count', '3'],
];

function Legend({ text }: { text: CalendarText }) {
  const { t } = text;
  return (
    <Flex
      wrap
      gap={12}
      align="center"
      role="list"
      aria-label={t('congressCalendar.legend.title')}
      className="dh-cal-legend"
    >
      {LEGEND.map(([k, cls, mark]) => (
        <Flex key={k} gap={6} align="center" role="listitem">
          <span className={`dh-cal-key ${cls}`} aria-hidden>
            {mark}
          </span>
          <span style={{ fontSize: 13 }}>{t(`congressCalendar.legend.${k}`)}</span>
        </Flex>
      ))}
    </Flex>
  );
}

/** Every congress of one day, paged, in a dialog that takes the focus (a "+N" of the grid opens it). */
function DayDialog({
  date,
  onClose,
  text,
}: {
  date: string | null;
  onClose: () => void;
  text: CalendarText;
}) {
  const { calendar } = useCalendar();
  const entries = date ? (calendar.byDay.get(date) ?? NO_ENTRIES) : NO_ENTRIES;
  return (
    <Modal
      open={date !== null}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{text.t('congressCalendar.close')}</Button>}
      title={
        date
          ? text.t('congressCalendar.dayList', { date: text.day(date), n: text.format(entries.length) })
          : null
      }
      destroyOnHidden
    >
      {date && (
        <PagedList
          key={date}
          items={entries}
          keyOf={(e) => e.row.key}
          className="dh-cal-events dh-cal-events--wide"
          render={(e) => <EventLink entry={e} text={text} />}
        />
      )}
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------------

/**
 * The calendar of the congress wave over the dashboard's rows (the same filters as the table): a month
 * grid on a wide screen, a list by day on a phone, the level deadlines on their days, and above them what
 * needs attention. Every name opens the plan, as in the table.
 */
export default function DashboardCalendar({
  rows,
  today,
}: {
  rows: readonly DashboardRowView[];
  today: string;
}) {
  const text = useCalendarText();
  const phone = useIsPhone();
  const calendar = useMemo(() => buildCongressCalendar(rows), [rows]);
  const daysOff = useDaysOff(calendar.from, calendar.to);
  const [openDay, setOpenDay] = useState<string | null>(null);
  const state = useMemo<CalendarState>(
    () => ({ calendar, today, days: daysOff.days, openDay: setOpenDay }),
    [calendar, today, daysOff.days],
  );
  const months = calendar.sections.flatMap((s) => (s.kind === 'month' ? [s.month] : []));

  return (
    <CalendarContext.Provider value={state}>
      <div className="dh-cal">
        <Legend text={text} />
        {daysOff.failed && (
          <Typography.Text type="warning" style={{ display: 'block', marginTop: 4 }}>
            {text.t('congressCalendar.daysOffFailed')}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" role="status" style={{ display: 'block', margin: '8px 0' }}>
          {text.t('congressCalendar.summary', {
            dated: text.format(calendar.dated),
            undated: text.format(calendar.undated.length),
          })}
          {' · '}
          {text.t('congressCalendar.hint')}
        </Typography.Text>
        <Attention calendar={calendar} text={text} />
        {calendar.sections.length === 0 ? (
          <Empty description={text.t('congressCalendar.noDates')} />
        ) : (
          <>
            <MonthIndex months={months} text={text} />
            {calendar.sections.map((s) =>
              s.kind === 'gap' ? (
                <Gap key={`gap-${s.gap.from}`} gap={s.gap} text={text} />
              ) : phone ? (
                <MonthList key={s.month.key} month={s.month} text={text} />
              ) : (
                <MonthGrid key={s.month.key} month={s.month} text={text} />
              ),
            )}
          </>
        )}
        <DayDialog date={openDay} onClose={() => setOpenDay(null)} text={text} />
      </div>
    </CalendarContext.Provider>
  );
}
