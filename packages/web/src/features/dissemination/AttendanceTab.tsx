import { CheckOutlined, CloseOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Popconfirm,
  Radio,
  Row,
  Select,
  Spin,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type Dispatch, type SetStateAction, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { showSuccess } from '../../app/feedback';
import { isSessionError } from '../../app/queryClient';
import { SearchBox } from '../../app/SearchBox';
import { useDebounced } from '../../app/useDebounced';
import { useIsPhone } from '../../app/useMediaQuery';
import {
  type AttendanceFilterStatus,
  type AttendanceFilters,
  type AttendanceRow,
  attendanceQuery,
  type SessionDetail,
  useSaveAttendance,
} from './api';
import {
  ATTENDANCE_FILTER_STATUSES,
  type AttendanceEdit,
  type AttendanceEdits,
  buildEntries,
  effectiveMark,
  markAllPresent,
  missingReasons,
  rowErrorsOf,
  setMark,
} from './helpers';
import { ReasonModal } from './ReasonModal';
import { SubtreeOrganizationSelect } from './SubtreeOrganizationSelect';

interface Props {
  session: SessionDetail;
  edits: AttendanceEdits;
  onEditsChange: Dispatch<SetStateAction<AttendanceEdits>>;
  /** Recording is refused before the conference's day. */
  beforeSession: boolean;
}

interface RowProps {
  row: AttendanceRow;
  mark: AttendanceEdit;
  changed: boolean;
  error?: string;
  locked: boolean;
  onMark: (status: 'present' | 'absent' | null) => void;
  onEditReason: () => void;
  onUndo: () => void;
}

const TAG_COLORS = { present: 'green', absent: 'red' } as const;

/** What is recorded, for a row this actor may not change. */
function MarkTag({ status }: { status: AttendanceEdit['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={status ? TAG_COLORS[status] : 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`dissemination.attendance.statuses.${status ?? 'unrecorded'}`)}
    </Tag>
  );
}

function MarkButtons({
  row,
  mark,
  locked,
  changed,
  onMark,
  onUndo,
}: Pick<RowProps, 'row' | 'mark' | 'locked' | 'changed' | 'onMark' | 'onUndo'>) {
  const { t } = useTranslation();
  const size = useIsPhone() ? 'middle' : 'small';
  if (!row.editable)
    return locked ? (
      <MarkTag status={mark.status} />
    ) : (
      <Tooltip title={t('dissemination.attendance.notEditable')}>
        <span>
          <MarkTag status={mark.status} />
        </span>
      </Tooltip>
    );
  const disabled = locked;
  const group = (
    <Flex gap={4} align="center" wrap={false}>
      <Radio.Group
        size={size}
        optionType="button"
        buttonStyle="solid"
        disabled={disabled}
        value={mark.status}
        aria-label={`${t('dissemination.attendance.mark')}: ${row.member.fullName}`}
        onChange={(e) => onMark(e.target.value)}
        options={[
          { value: 'present', label: t('dissemination.attendance.present') },
          { value: 'absent', label: t('dissemination.attendance.absent') },
        ]}
      />
      {mark.status !== null && !disabled && (
        <Tooltip title={t('dissemination.attendance.clear')}>
          <Button
            size={size}
            type="text"
            icon={<CloseOutlined aria-hidden />}
            aria-label={`${t('dissemination.attendance.clear')}: ${row.member.fullName}`}
            onClick={() => onMark(null)}
          />
        </Tooltip>
      )}
      {changed && !locked && (
        <Tooltip title={t('dissemination.attendance.undo')}>
          <Button
            size={size}
            type="text"
            icon={<UndoOutlined aria-hidden />}
            aria-label={`${t('dissemination.attendance.undo')}: ${row.member.fullName}`}
            onClick={onUndo}
          />
        </Tooltip>
      )}
    </Flex>
  );
  return group;
}

function Reason({
  row,
  mark,
  locked,
  onEditReason,
}: Pick<RowProps, 'row' | 'mark' | 'locked' | 'onEditReason'>) {
  const { t } = useTranslation();
  if (mark.status !== 'absent') return null;
  return (
    <Flex gap={4} align="center">
      <span style={{ minWidth: 0 }}>
        {mark.reason || (
          <Typography.Text type="danger">{t('dissemination.attendance.reasonRequired')}</Typography.Text>
        )}
      </span>
      {!locked && row.editable && (
        <Button
          size="small"
          type="link"
          icon={<EditOutlined aria-hidden />}
          aria-label={`${t('dissemination.attendance.editReason')}: ${row.member.fullName}`}
          onClick={onEditReason}
        />
      )}
    </Flex>
  );
}

function NameCell({ row, changed, error }: Pick<RowProps, 'row' | 'changed' | 'error'>) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <Flex gap={6} align="center" wrap>
        <span style={{ fontWeight: 500 }}>{row.member.fullName}</span>
        {changed && (
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {t('dissemination.attendance.changed')}
          </Tag>
        )}
      </Flex>
      {error && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}

interface ListProps {
  rows: AttendanceRow[];
  loading: boolean;
  emptyText: string;
  rowProps: (row: AttendanceRow) => Omit<RowProps, 'row'>;
}

function AttendanceCards({ rows, loading, emptyText, rowProps }: ListProps) {
  const { t } = useTranslation();
  if (loading) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (rows.length === 0) return <Empty description={emptyText} />;
  return (
    <ol className="dh-result-list" aria-label={t('dissemination.tabs.attendance')}>
      {rows.map((row) => {
        const p = rowProps(row);
        return (
          <li
            key={row.member.id}
            className={p.error ? 'dh-attendance-error' : p.changed ? 'dh-attendance-changed' : undefined}
          >
            <Flex vertical gap={6}>
              <NameCell row={row} {...p} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {row.member.organization.name}
              </Typography.Text>
              <MarkButtons row={row} {...p} />
              <Reason row={row} {...p} />
            </Flex>
          </li>
        );
      })}
    </ol>
  );
}

function AttendanceTable({ rows, loading, emptyText, rowProps }: ListProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AttendanceRow> = [
    {
      key: 'index',
      title: t('dissemination.attendance.index'),
      width: 52,
      align: 'right',
      render: (_, _r, i) => i + 1,
    },
    {
      key: 'member',
      title: t('dissemination.attendance.member'),
      width: 240,
      render: (_, row) => <NameCell row={row} {...rowProps(row)} />,
    },
    {
      key: 'organization',
      title: t('dissemination.attendance.memberOrganization'),
      render: (_, row) => row.member.organization.name,
    },
    {
      key: 'mark',
      title: t('dissemination.attendance.mark'),
      width: 230,
      render: (_, row) => <MarkButtons row={row} {...rowProps(row)} />,
    },
    {
      key: 'reason',
      title: t('dissemination.attendance.reason'),
      width: 220,
      render: (_, row) => <Reason row={row} {...rowProps(row)} />,
    },
  ];
  return (
    <Table<AttendanceRow>
      rowKey={(r) => r.member.id}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText }}
      rowClassName={(row) => {
        const p = rowProps(row);
        return p.error ? 'dh-attendance-error' : p.changed ? 'dh-attendance-changed' : '';
      }}
      columns={columns}
    />
  );
}

export function AttendanceTab({ session, edits, onEditsChange, beforeSession }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [status, setStatus] = useState<AttendanceFilterStatus | undefined>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [reasonFor, setReasonFor] = useState<AttendanceRow | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSaveAttendance(session.id);

  const filters: AttendanceFilters = useMemo(
    () => ({ organizationId: organizationId ?? undefined, status, q: q || undefined }),
    [organizationId, status, q],
  );
  const query = useInfiniteQuery(attendanceQuery(session.id, filters));
  const loaded = query.data?.pages.flatMap((p) => p.items) ?? [];
  const changedRows = Object.values(edits).map((e) => e.row);
  const rows = onlyChanged ? changedRows : loaded;
  const changedCount = buildEntries(edits).length;
  const locked = beforeSession || !session.abilities.recordAttendance || save.isPending;

  const update = (next: AttendanceEdits, touched: string[]) => {
    onEditsChange(next);
    setNotice(null);
    if (touched.some((id) => rowErrors[id]))
      setRowErrors((old) => {
        const copy = { ...old };
        for (const id of touched) delete copy[id];
        return copy;
      });
  };

  const rowProps = (row: AttendanceRow): Omit<RowProps, 'row'> => ({
    mark: effectiveMark(row, edits),
    changed: Boolean(edits[row.member.id]),
    error: rowErrors[row.member.id],
    locked,
    onMark: (next) => {
      if (next === 'absent') setReasonFor(row);
      else update(setMark(edits, row, { status: next, reason: null }), [row.member.id]);
    },
    onEditReason: () => setReasonFor(row),
    onUndo: () => {
      const copy = { ...edits };
      delete copy[row.member.id];
      update(copy, [row.member.id]);
    },
  });

  const markAll = () => {
    const result = markAllPresent(edits, loaded);
    if (result.count === 0) return setNotice(t('dissemination.attendance.noneToMark'));
    update(
      result.edits,
      loaded.map((r) => r.member.id),
    );
    setNotice(t('dissemination.attendance.markedAll', { count: result.count }));
  };

  const submit = () => {
    const entries = buildEntries(edits);
    if (entries.length === 0) return;
    setSaveError(null);
    const missing = missingReasons(entries);
    if (missing.length > 0) {
      setRowErrors(
        Object.fromEntries(missing.map((id) => [id, t('dissemination.attendance.reasonRequired')])),
      );
      setSaveError(t('dissemination.attendance.reasonsMissing', { count: missing.length }));
      return;
    }
    save.mutate(entries, {
      onSuccess: (result) => {
        onEditsChange({});
        setRowErrors({});
        setOnlyChanged(false);
        setNotice(null);
        showSuccess(t('dissemination.attendance.saved', { ...result }));
      },
      onError: (error) => {
        if (isSessionError(error)) return;
        if (!isApiError(error)) return setSaveError(t('errors.unexpected'));
        const rowMessage =
          error.code === 'ATTENDANCE_MEMBER_OUTSIDE'
            ? t('dissemination.attendance.outside')
            : error.code === 'ATTENDANCE_REASON_REQUIRED'
              ? t('dissemination.attendance.reasonRequired')
              : error.message;
        const byRow = rowErrorsOf(error.details, rowMessage, entries);
        setRowErrors(byRow);
        setSaveError(
          Object.keys(byRow).length > 0
            ? `${error.message} ${t('dissemination.attendance.rowErrors')}`
            : error.message,
        );
      },
    });
  };

  const statusOptions = ATTENDANCE_FILTER_STATUSES.map((s) => ({
    value: s,
    label: t(`dissemination.attendance.statuses.${s}`),
  }));
  const unmarkedShown = loaded.filter((r) => r.editable && effectiveMark(r, edits).status === null).length;
  const List = isPhone ? AttendanceCards : AttendanceTable;

  return (
    <Flex vertical gap={12}>
      {beforeSession && <Alert type="info" showIcon title={t('dissemination.notYetHeld')} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} md={10} xl={8}>
          <SubtreeOrganizationSelect
            aria-label={t('dissemination.attendance.organization')}
            placeholder={t('dissemination.attendance.organization')}
            under={session.organization.id}
            known={session.invitedOrganizations}
            value={organizationId}
            onChange={setOrganizationId}
            disabled={onlyChanged}
          />
        </Col>
        <Col xs={24} sm={12} md={6} xl={4}>
          <Select
            aria-label={t('dissemination.attendance.status')}
            placeholder={t('dissemination.attendance.status')}
            allowClear
            value={status}
            onChange={setStatus}
            options={statusOptions}
            disabled={onlyChanged}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={24} sm={12} md={8} xl={8}>
          <SearchBox
            label={t('dissemination.attendance.search')}
            placeholder={t('dissemination.attendance.searchPlaceholder')}
            value={search}
            onChange={setSearch}
          />
        </Col>
      </Row>
      <Flex wrap gap={12} justify="space-between" align="center">
        {session.abilities.recordAttendance ? (
          <Tooltip title={t('dissemination.attendance.markAllPresentHint', { count: unmarkedShown })}>
            <Button
              icon={<CheckOutlined aria-hidden />}
              onClick={markAll}
              disabled={locked || onlyChanged || loaded.length === 0}
            >
              {t('dissemination.attendance.markAllPresent')}
            </Button>
          </Tooltip>
        ) : (
          <span />
        )}
        {changedCount > 0 && (
          <Flex gap={8} align="center">
            <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} id="dh-only-changed" />
            <label htmlFor="dh-only-changed">
              {t('dissemination.attendance.unsaved', { count: changedCount })}
            </label>
          </Flex>
        )}
      </Flex>
      {notice && (
        <Alert type="info" showIcon role="status" closable title={notice} onClose={() => setNotice(null)} />
      )}
      <List
        rows={rows}
        loading={!onlyChanged && query.isPending}
        emptyText={query.error ? query.error.message : t('dissemination.attendance.empty')}
        rowProps={rowProps}
      />
      {!onlyChanged && (
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary" role="status">
            {query.isSuccess &&
              t(query.hasNextPage ? 'dissemination.attendance.shownMore' : 'dissemination.attendance.shown', {
                count: loaded.length,
              })}
          </Typography.Text>
          {query.hasNextPage && (
            <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </Flex>
      )}
      {(changedCount > 0 || saveError) && (
        <Card size="small" className="dh-attendance-savebar">
          <Flex vertical gap={8}>
            {saveError && <Alert type="error" showIcon role="alert" title={saveError} />}
            <Flex wrap gap={8} justify="space-between" align="center">
              <Typography.Text strong>
                {t('dissemination.attendance.unsaved', { count: changedCount })}
              </Typography.Text>
              <Flex gap={8} wrap>
                <Popconfirm
                  title={t('dissemination.attendance.discardConfirm', { count: changedCount })}
                  okText={t('common.yes')}
                  cancelText={t('common.no')}
                  onConfirm={() => {
                    onEditsChange({});
                    setRowErrors({});
                    setSaveError(null);
                    setOnlyChanged(false);
                  }}
                >
                  <Button disabled={save.isPending || changedCount === 0}>
                    {t('dissemination.attendance.discard')}
                  </Button>
                </Popconfirm>
                <Button
                  type="primary"
                  onClick={submit}
                  loading={save.isPending}
                  disabled={changedCount === 0}
                >
                  {t('dissemination.attendance.save')}
                </Button>
              </Flex>
            </Flex>
          </Flex>
        </Card>
      )}
      {reasonFor && (
        <ReasonModal
          name={reasonFor.member.fullName}
          initial={effectiveMark(reasonFor, edits).reason}
          onCancel={() => setReasonFor(null)}
          onApply={(reason) => {
            update(setMark(edits, reasonFor, { status: 'absent', reason }), [reasonFor.member.id]);
            setReasonFor(null);
          }}
        />
      )}
    </Flex>
  );
}
