import { EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSystemInfo } from '../../app/DemoBanner';
import { FormError } from '../../app/FormError';
import { showError, showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT, formatDate } from '../../app/format';
import { errorText } from '../../app/forms';
import { LoadFailed } from '../../app/LoadFailed';
import { isAdmin } from '../../app/permissions';
import { isSessionError } from '../../app/queryClient';
import { useRoles } from '../../app/session';
import { useFormMutation } from '../../app/useFormMutation';
import { useIsPhone } from '../../app/useMediaQuery';
import {
  CALENDAR_EDIT_KINDS,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  type CalendarEditKind,
  type CalendarYear,
  calendarYearQuery,
} from './calendarApi';
import {
  CALENDAR_YEARS,
  type CalendarDay,
  type CalendarMonth,
  calendarCounts,
  calendarMonths,
  calendarYearOr,
  defaultCalendarYear,
  proposedKind,
  type ShippedDay,
  shippedOf,
  weekdayOf,
} from './calendarEdits';
import { deleteCalendarEdit, putCalendarEdit } from './setupApi';

const NOTE_MAX = 500;

interface EditValues {
  date: string | null;
  kind: CalendarEditKind;
  note: string;
}

const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

function useDayText() {
  const { t } = useTranslation();
  return {
    date: (iso: string) => `${t(`congressSetup.calendar.weekdays.${weekdayOf(iso)}`)}, ${formatDate(iso)}`,
    shipped: (s: ShippedDay | null, iso: string) =>
      s
        ? s.type === 'off'
          ? t('congressSetup.calendar.shippedOff', {
              kind: t(`congressSetup.calendar.dayKinds.${s.kind}`, s.kind),
              reason: s.reasonVi,
            })
          : t('congressSetup.calendar.shippedWorking', { reason: s.reasonVi })
        : t(
            [0, 6].includes(weekdayOf(iso))
              ? 'congressSetup.calendar.plainWeekend'
              : 'congressSetup.calendar.plainWeekday',
          ),
  };
}

/** Keeps the page on what a write answered: the year of the date, as it now stands. */
function useApplyYear() {
  const queryClient = useQueryClient();
  return (data: CalendarYear) => {
    queryClient.setQueryData(calendarYearQuery(data.year).queryKey, data);
    // Due dates counted in working days follow the calendar.
    void queryClient.invalidateQueries({ queryKey: ['congress'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

function EditModal({
  data,
  initial,
  onClose,
}: {
  data: CalendarYear;
  initial: EditValues;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useDayText();
  const apply = useApplyYear();
  const [form] = Form.useForm<EditValues>();
  const date = (Form.useWatch('date', form) ?? initial.date) as string | null;
  const other = useQuery({
    ...calendarYearQuery(Number(date?.slice(0, 4))),
    staleTime: 0,
    enabled: Boolean(date) && Number(date?.slice(0, 4)) !== data.year,
  });
  const yearData = date && Number(date.slice(0, 4)) !== data.year ? other.data : data;
  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (v: EditValues) =>
      putCalendarEdit(v.date ?? '', { kind: v.kind, note: v.note.trim() || null }),
    onSuccess: (saved, v) => {
      apply(saved);
      showSuccess(t('congressSetup.calendar.saved', { date: formatDate(v.date) }));
      onClose();
    },
  });
  const field = (key: string) => t(`congressSetup.calendar.fields.${key}`);
  return (
    <Modal
      open
      title={
        initial.date
          ? t('congressSetup.calendar.editTitle', { date: formatDate(initial.date) })
          : t('congressSetup.calendar.addTitle')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      cancelButtonProps={{ disabled: mutation.isPending }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <FormError error={formError} />
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={mutation.isPending}
        onValuesChange={(changed: Partial<EditValues>) => {
          const next = changed.date;
          // A date newly picked proposes the change it most likely needs.
          if (next && yearData && Number(next.slice(0, 4)) === yearData.year && !form.isFieldTouched('kind'))
            form.setFieldValue('kind', proposedKind(next, yearData));
        }}
        onFinish={(v) => mutation.mutate({ ...initial, ...v })}
      >
        <Form.Item
          name="date"
          label={field('date')}
          rules={[
            { required: true, message: t('validation.select', { field: field('date').toLowerCase() }) },
          ]}
          extra={date && yearData ? text.shipped(shippedOf(yearData, date), date) : undefined}
          {...dateProps}
        >
          <DatePicker
            format={DATE_INPUT_FORMAT}
            style={{ width: '100%' }}
            disabled={Boolean(initial.date) || mutation.isPending}
            defaultPickerValue={dayjs(`${data.year}-01-01`)}
            disabledDate={(d) => d.year() < CALENDAR_FIRST_YEAR || d.year() > CALENDAR_LAST_YEAR}
          />
        </Form.Item>
        <Form.Item name="kind" label={field('kind')}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={CALENDAR_EDIT_KINDS.map((k) => ({
              value: k,
              label: t(`congressSetup.calendar.editKinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={field('note')} extra={t('congressSetup.calendar.hints.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={NOTE_MAX} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface DayProps {
  day: CalendarDay;
  canEdit: boolean;
  onEdit: () => void;
  onRemove: () => Promise<unknown>;
}

function DayItem({ day, canEdit, onEdit, onRemove }: DayProps) {
  const { t } = useTranslation();
  const text = useDayText();
  const { date, shipped, edit, status } = day;
  return (
    <li>
      <Flex vertical gap={2}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{text.date(date)}</Typography.Text>
            <Tag color={status === 'off' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {t(`congressSetup.calendar.status.${status}`)}
            </Tag>
            {edit && (
              <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                {t('congressSetup.calendar.edited')}
              </Tag>
            )}
          </Flex>
          {canEdit && (
            <Flex gap={0}>
              <Button
                size="small"
                type="link"
                icon={<EditOutlined aria-hidden />}
                onClick={onEdit}
                aria-label={t('congressSetup.calendar.editOf', { date: formatDate(date) })}
              >
                {t('common.edit')}
              </Button>
              {edit && (
                <Popconfirm
                  title={t('congressSetup.calendar.removeConfirm', { date: formatDate(date) })}
                  description={t('congressSetup.calendar.shippedPrefix', {
                    text: text.shipped(shipped, date),
                  })}
                  okText={t('congressSetup.calendar.remove')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={onRemove}
                >
                  <Button
                    size="small"
                    type="link"
                    danger
                    icon={<UndoOutlined aria-hidden />}
                    aria-label={t('congressSetup.calendar.removeOf', { date: formatDate(date) })}
                  >
                    {t('congressSetup.calendar.remove')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          )}
        </Flex>
        {edit ? (
          <>
            <Typography.Text>
              {t('congressSetup.calendar.editLine', {
                kind: t(`congressSetup.calendar.editKinds.${edit.kind}`),
              })}
              {edit.note ? ` — ${edit.note}` : ''}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('congressSetup.calendar.shippedPrefix', { text: text.shipped(shipped, date) })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{text.shipped(shipped, date)}</Typography.Text>
        )}
      </Flex>
    </li>
  );
}

function MonthCard({
  month,
  canEdit,
  onEdit,
  onRemove,
}: {
  month: CalendarMonth;
  canEdit: boolean;
  onEdit: (day: CalendarDay) => void;
  onRemove: (day: CalendarDay) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const title = t('congressSetup.calendar.month', { month: month.month, year: month.year });
  return (
    <Card size="small" title={title} role="region" aria-label={title} style={{ height: '100%' }}>
      {month.days.length === 0 ? (
        <Typography.Text type="secondary">{t('congressSetup.calendar.monthEmpty')}</Typography.Text>
      ) : (
        <ul className="dh-result-list" style={{ margin: 0 }}>
          {month.days.map((day) => (
            <DayItem
              key={day.date}
              day={day}
              canEdit={canEdit}
              onEdit={() => onEdit(day)}
              onRemove={() => onRemove(day)}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

function Sources({ data }: { data: CalendarYear }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('congressSetup.calendar.sources')}</Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {data.sources.map((s) => (
          <li key={`${s.document}-${s.date ?? ''}`}>
            <Typography.Text>
              {[
                s.document,
                s.date ? t('congressSetup.calendar.sourceDate', { date: formatDate(s.date) }) : null,
                s.issuer,
                s.article,
              ]
                .filter(Boolean)
                .join(', ')}
            </Typography.Text>
            {s.unverified && (
              <Tag color="orange" style={{ marginInlineStart: 6 }}>
                {t('congressSetup.rules.unverified')}
              </Tag>
            )}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.coversVi}
              {s.noteVi ? ` — ${s.noteVi}` : ''}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

function YearView({ data, canEdit }: { data: CalendarYear; canEdit: boolean }) {
  const { t } = useTranslation();
  const apply = useApplyYear();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<EditValues | null>(null);
  const months = calendarMonths(data);
  const counts = calendarCounts(months.flatMap((m) => m.days));
  const remove = useMutation({
    meta: { silent: true },
    mutationFn: (day: CalendarDay) => deleteCalendarEdit(day.date),
    onSuccess: (saved, day) => {
      apply(saved);
      showSuccess(t('congressSetup.calendar.removed', { date: formatDate(day.date) }));
    },
    onError: (error) => {
      if (isSessionError(error)) return;
      showError(errorText(error, t('errors.unexpected')));
      void queryClient.invalidateQueries({ queryKey: calendarYearQuery(data.year).queryKey });
    },
  });
  const editDay = (day: CalendarDay) =>
    setEditing({
      date: day.date,
      kind: day.edit?.kind ?? proposedKind(day.date, data),
      note: day.edit?.note ?? '',
    });
  return (
    <>
      {data.provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('congressSetup.calendar.provisional', { year: data.year })}
          description={data.noteVi}
        />
      )}
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text role="status">{t('congressSetup.calendar.counts', { ...counts })}</Typography.Text>
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing({ date: null, kind: 'day_off', note: '' })}
          >
            {t('congressSetup.calendar.add')}
          </Button>
        )}
      </Flex>
      <Sources data={data} />
      <Row gutter={[12, 12]}>
        {months.map((m) => (
          <Col key={m.key} xs={24} md={12} xl={8}>
            <MonthCard
              month={m}
              canEdit={canEdit}
              onEdit={editDay}
              onRemove={(day) => remove.mutateAsync(day).catch(() => undefined)}
            />
          </Col>
        ))}
      </Row>
      {editing && <EditModal data={data} initial={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

/**
 * The calendar of days off that working days are counted on: for a year, its official days off and the
 * weekends worked in exchange, with their documents (a year not yet decided is provisional), and the
 * administrator's corrections — added, changed, or removed to return to the shipped calendar.
 */
export default function CalendarEditsPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const isPhone = useIsPhone();
  const today = useSystemInfo().data?.today;
  const [params, setParams] = useSearchParams();
  const year = calendarYearOr(params.get('year'), defaultCalendarYear(today));
  // The dashboard may keep a year for an hour; the page where it is corrected reads it afresh.
  const query = useQuery({ ...calendarYearQuery(year), staleTime: 0 });
  // Everyone reads the country's calendar; only an administrator corrects it (calendar.manage).
  const canEdit = isAdmin(roles);
  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Flex wrap justify="space-between" align="center" gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('congressSetup.calendar.title')}
        </Typography.Title>
        <Flex gap={8} align="center">
          <label htmlFor="dh-calendar-year">{t('congressSetup.calendar.year')}</label>
          <Select
            id="dh-calendar-year"
            value={year}
            style={{ width: 110 }}
            options={CALENDAR_YEARS.map((y) => ({ value: y, label: String(y) }))}
            onChange={(y: number) => setParams({ year: String(y) }, { replace: true })}
          />
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">{t('congressSetup.calendar.subtitle')}</Typography.Paragraph>
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('congressSetup.calendar.readOnly')}
        />
      )}
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : query.isError ? (
        <LoadFailed
          title={t('congressSetup.calendar.loadFailed')}
          error={query.error}
          onRetry={query.refetch}
        />
      ) : (
        <YearView key={year} data={query.data} canEdit={canEdit} />
      )}
    </Card>
  );
}
