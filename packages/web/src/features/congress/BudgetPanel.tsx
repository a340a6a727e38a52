import { DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { BUDGET_CATEGORIES, formatAmountVi } from '@daihoi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Input,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { FormError } from '../../app/FormError';
import { showError, showSuccess } from '../../app/feedback';
import { errorText } from '../../app/forms';
import { LoadFailed } from '../../app/LoadFailed';
import { isSessionError } from '../../app/queryClient';
import { useIsPhone } from '../../app/useMediaQuery';
import {
  BUDGET_STATUS_TAG,
  type BudgetCell,
  type BudgetField,
  type BudgetRow,
  type CellIssue,
  categoriesInUse,
  checkRows,
  emptyRow,
  formatPriceInput,
  formatQuantity,
  ISSUE_VALUES,
  isEditableStatus,
  type LiveTotals,
  linesToSend,
  liveTotals,
  normalizeQuantityInput,
  type RowIssues,
  rowsOfLines,
  serverIssuesByRow,
  statusTag,
  withoutCell,
} from './budget';
import {
  type BudgetLineOut,
  type BudgetResponse,
  budgetQuery,
  type CongressBudget,
  createBudgetVersion,
  type PutBudgetInput,
  putBudget,
} from './budgetApi';
import { SubmitModal } from './SubmissionsPanel';

let rowSeq = 0;
const nextKey = () => `line-${++rowSeq}`;

/** What the editor's rows were read from: the version a save sends back. */
interface Base {
  budgetId: string | null;
  version: number | undefined;
}

const baseOf = (budget: CongressBudget | null): Base => ({
  budgetId: budget?.id ?? null,
  version: budget?.version,
});
const sourceOf = (budget: CongressBudget | null) => (budget ? `${budget.id}:${budget.version}` : 'none');

/** The editor's rows of a stored budget; an editable one with no line yet starts with one empty row. */
function initialRows(budget: CongressBudget | null): BudgetRow[] {
  const rows = rowsOfLines(budget?.lines ?? [], nextKey);
  return rows.length > 0 ? rows : [emptyRow(nextKey())];
}

function useIssueText() {
  const { t, i18n } = useTranslation();
  return (issue: CellIssue) => {
    const key = `congressBudget.errors.${issue.code}`;
    return i18n.exists(key) ? t(key, ISSUE_VALUES) : issue.message;
  };
}

function BudgetStatusTag({ status }: { status: string }) {
  const { t, i18n } = useTranslation();
  const key = `congressBudget.statuses.${status}`;
  return (
    <Tag color={statusTag(BUDGET_STATUS_TAG, status)} style={{ marginInlineEnd: 0 }}>
      {i18n.exists(key) ? t(key) : status}
    </Tag>
  );
}

function useCategoryLabel() {
  const { t, i18n } = useTranslation();
  return (code: string) => {
    const key = `congressBudget.categories.${code}`;
    return code && i18n.exists(key) ? t(key) : code || t('common.empty');
  };
}

/** A cell's input with its message under it, tied together for screen readers. */
function Cell({
  id,
  error,
  label,
  children,
}: {
  id: string;
  error?: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      {label && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <label htmlFor={id}>{label}</label>
        </Typography.Text>
      )}
      {children}
      {error && (
        <Typography.Text id={`${id}-error`} type="danger" style={{ fontSize: 12 }} role="alert">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}

interface TotalsProps {
  byCategory: Record<string, number>;
  categories: readonly string[];
  total: number | null;
  totalInWords: string | null;
  note?: ReactNode;
}

/** The totals by category and the grand total, with the total in words under it. */
function Totals({ byCategory, categories, total, totalInWords, note }: TotalsProps) {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel();
  return (
    <Flex wrap gap={24} align="flex-start" justify="space-between" style={{ marginTop: 16 }}>
      {categories.length > 0 && (
        <div style={{ flex: '1 1 300px', maxWidth: 520 }}>
          <Typography.Text strong>{t('congressBudget.byCategory')}</Typography.Text>
          <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 4 }}>
            <tbody>
              {categories.map((c) => (
                <tr key={c} style={{ borderBottom: '1px solid #f0f0f0' }}>
                  <td style={{ padding: '4px 8px 4px 0' }}>{categoryLabel(c)}</td>
                  <td style={{ padding: '4px 0', textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {formatAmountVi(byCategory[c] ?? 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Flex vertical gap={4} style={{ flex: '1 1 300px', maxWidth: 560 }} aria-live="polite">
        <Flex justify="space-between" gap={12} wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('congressBudget.total')}
          </Typography.Text>
          <Typography.Text strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>
            {total === null ? t('common.empty') : formatAmountVi(total)}
          </Typography.Text>
        </Flex>
        {totalInWords && (
          <Typography.Text italic>{t('congressBudget.inWords', { words: totalInWords })}</Typography.Text>
        )}
        {note}
      </Flex>
    </Flex>
  );
}

/** A stored version, read only: its lines with the server's amounts and totals. */
function ReadOnlyLines({ budget }: { budget: CongressBudget }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const categoryLabel = useCategoryLabel();
  const lines = budget.lines.map((line, i) => ({ ...line, key: i }));
  const columns: TableColumnsType<BudgetLineOut & { key: number }> = [
    { key: 'index', title: t('congressBudget.columns.index'), width: 48, render: (_, l) => l.key + 1 },
    {
      key: 'category',
      title: t('congressBudget.columns.category'),
      width: 200,
      render: (_, l) => categoryLabel(l.category),
    },
    { key: 'description', title: t('congressBudget.columns.description'), dataIndex: 'description' },
    {
      key: 'quantity',
      title: t('congressBudget.columns.quantity'),
      width: 100,
      align: 'right',
      render: (_, l) => formatQuantity(l.quantity),
    },
    { key: 'unit', title: t('congressBudget.columns.unit'), width: 110, dataIndex: 'unit' },
    {
      key: 'unitPrice',
      title: t('congressBudget.columns.unitPrice'),
      width: 170,
      align: 'right',
      render: (_, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatAmountVi(l.unitPrice)}</span>,
    },
    {
      key: 'amount',
      title: t('congressBudget.columns.amount'),
      width: 180,
      align: 'right',
      render: (_, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatAmountVi(l.amount)}</span>,
    },
  ];
  const categories = BUDGET_CATEGORIES.filter((c) => budget.lines.some((l) => l.category === c));
  return (
    <>
      {lines.length === 0 ? (
        <Empty description={t('congressBudget.emptyReadOnly')} />
      ) : isPhone ? (
        <ol className="dh-result-list" aria-label={t('congressBudget.title')}>
          {lines.map((l) => (
            <li key={l.key}>
              <Flex vertical gap={2}>
                <span style={{ fontWeight: 500 }}>
                  {l.key + 1}. {l.description}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {categoryLabel(l.category)}
                </Typography.Text>
                <Typography.Text style={{ fontSize: 13 }}>
                  {formatQuantity(l.quantity)} {l.unit} × {formatAmountVi(l.unitPrice)}
                </Typography.Text>
                <Typography.Text strong>{formatAmountVi(l.amount)}</Typography.Text>
              </Flex>
            </li>
          ))}
        </ol>
      ) : (
        <Table
          rowKey="key"
          size="small"
          dataSource={lines}
          columns={columns}
          pagination={false}
          scroll={{ x: 960 }}
        />
      )}
      <Totals
        byCategory={budget.byCategory}
        categories={categories}
        total={budget.total}
        totalInWords={budget.totalInWords}
      />
    </>
  );
}

interface EditorLinesProps {
  rows: BudgetRow[];
  live: LiveTotals;
  errorOf: (key: string, cell: BudgetCell) => string | undefined;
  focusKey: string | null;
  disabled: boolean;
  onEdit: (key: string, field: BudgetField, value: string) => void;
  onTouch: (key: string, field: BudgetField) => void;
  onRemove: (key: string) => void;
}

/** The editable lines: a table on a desk, one block per line on a phone. */
function EditorLines({
  rows,
  live,
  errorOf,
  focusKey,
  disabled,
  onEdit,
  onTouch,
  onRemove,
}: EditorLinesProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const categoryLabel = useCategoryLabel();
  const categoryOptions = BUDGET_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }));
  const idOf = (key: string, field: BudgetCell) => `dh-budget-${key}-${field}`;
  const column = (field: BudgetCell) => t(`congressBudget.columns.${field}`);
  const lineLabel = (index: number) => t('congressBudget.line', { n: index + 1 });
  const a11y = (row: BudgetRow, index: number, field: BudgetField) => {
    const error = errorOf(row.key, field);
    return {
      id: idOf(row.key, field),
      'aria-label': isPhone ? undefined : `${column(field)}, ${lineLabel(index)}`,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${idOf(row.key, field)}-error` : undefined,
      status: error ? ('error' as const) : undefined,
    };
  };
  const label = (field: BudgetCell) => (isPhone ? column(field) : undefined);

  const inputs = (row: BudgetRow, index: number) => ({
    category: (
      <Cell id={idOf(row.key, 'category')} error={errorOf(row.key, 'category')} label={label('category')}>
        <Select
          {...a11y(row, index, 'category')}
          value={row.category || undefined}
          placeholder={t('congressBudget.placeholders.category')}
          options={categoryOptions}
          onChange={(v: string) => onEdit(row.key, 'category', v)}
          onBlur={() => onTouch(row.key, 'category')}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
        />
      </Cell>
    ),
    description: (
      <Cell
        id={idOf(row.key, 'description')}
        error={errorOf(row.key, 'description')}
        label={label('description')}
      >
        <Input.TextArea
          {...a11y(row, index, 'description')}
          value={row.description}
          placeholder={t('congressBudget.placeholders.description')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
          autoFocus={row.key === focusKey}
          onChange={(e) => onEdit(row.key, 'description', e.target.value)}
          onBlur={() => onTouch(row.key, 'description')}
        />
      </Cell>
    ),
    quantity: (
      <Cell id={idOf(row.key, 'quantity')} error={errorOf(row.key, 'quantity')} label={label('quantity')}>
        <Input
          {...a11y(row, index, 'quantity')}
          value={row.quantity}
          inputMode="decimal"
          placeholder={t('congressBudget.placeholders.quantity')}
          title={t('congressBudget.hints.quantity')}
          styles={{ input: { textAlign: 'right' } }}
          onChange={(e) => onEdit(row.key, 'quantity', e.target.value)}
          onBlur={() => {
            const normal = normalizeQuantityInput(row.quantity);
            if (normal !== row.quantity) onEdit(row.key, 'quantity', normal);
            onTouch(row.key, 'quantity');
          }}
        />
      </Cell>
    ),
    unit: (
      <Cell id={idOf(row.key, 'unit')} error={errorOf(row.key, 'unit')} label={label('unit')}>
        <Input
          {...a11y(row, index, 'unit')}
          value={row.unit}
          maxLength={50}
          placeholder={t('congressBudget.placeholders.unit')}
          onChange={(e) => onEdit(row.key, 'unit', e.target.value)}
          onBlur={() => onTouch(row.key, 'unit')}
        />
      </Cell>
    ),
    unitPrice: (
      <Cell id={idOf(row.key, 'unitPrice')} error={errorOf(row.key, 'unitPrice')} label={label('unitPrice')}>
        <Input
          {...a11y(row, index, 'unitPrice')}
          value={row.unitPrice}
          inputMode="numeric"
          placeholder={t('congressBudget.placeholders.unitPrice')}
          title={t('congressBudget.hints.unitPrice')}
          suffix={t('congressBudget.currency')}
          styles={{ input: { textAlign: 'right' } }}
          onChange={(e) => onEdit(row.key, 'unitPrice', formatPriceInput(e.target.value))}
          onBlur={() => onTouch(row.key, 'unitPrice')}
        />
      </Cell>
    ),
    amount: (
      <Cell id={idOf(row.key, 'amount')} error={errorOf(row.key, 'amount')}>
        <span style={{ whiteSpace: 'nowrap', textAlign: 'right', display: 'block' }}>
          {live.amounts[row.key] === null || live.amounts[row.key] === undefined
            ? t('common.empty')
            : formatAmountVi(live.amounts[row.key]!)}
        </span>
      </Cell>
    ),
    remove: (
      <Tooltip title={t('congressBudget.removeLine', { n: index + 1 })}>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined aria-hidden />}
          disabled={disabled}
          onClick={() => onRemove(row.key)}
          aria-label={t('congressBudget.removeLine', { n: index + 1 })}
        />
      </Tooltip>
    ),
  });

  if (isPhone) {
    return (
      <ol className="dh-result-list" aria-label={t('congressBudget.title')}>
        {rows.map((row, index) => {
          const cells = inputs(row, index);
          return (
            <li key={row.key}>
              <Flex vertical gap={8}>
                <Flex justify="space-between" align="center">
                  <Typography.Text strong>{lineLabel(index)}</Typography.Text>
                  {cells.remove}
                </Flex>
                {cells.category}
                {cells.description}
                <Flex gap={8}>
                  <div style={{ flex: 1, minWidth: 0 }}>{cells.quantity}</div>
                  <div style={{ flex: 1, minWidth: 0 }}>{cells.unit}</div>
                </Flex>
                {cells.unitPrice}
                <Flex justify="space-between" align="baseline" gap={8}>
                  <Typography.Text type="secondary">{column('amount')}</Typography.Text>
                  <Typography.Text strong>{cells.amount}</Typography.Text>
                </Flex>
              </Flex>
            </li>
          );
        })}
      </ol>
    );
  }

  const columns: TableColumnsType<BudgetRow> = [
    {
      key: 'index',
      title: t('congressBudget.columns.index'),
      width: 44,
      render: (_, _row, index) => index + 1,
    },
    { key: 'category', title: column('category'), width: 190, render: (_, r, i) => inputs(r, i).category },
    { key: 'description', title: column('description'), render: (_, r, i) => inputs(r, i).description },
    { key: 'quantity', title: column('quantity'), width: 96, render: (_, r, i) => inputs(r, i).quantity },
    { key: 'unit', title: column('unit'), width: 110, render: (_, r, i) => inputs(r, i).unit },
    { key: 'unitPrice', title: column('unitPrice'), width: 170, render: (_, r, i) => inputs(r, i).unitPrice },
    {
      key: 'amount',
      title: column('amount'),
      width: 160,
      align: 'right',
      render: (_, r, i) => inputs(r, i).amount,
    },
    { key: 'remove', title: '', width: 48, render: (_, r, i) => inputs(r, i).remove },
  ];
  return (
    <Table<BudgetRow>
      rowKey="key"
      size="small"
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 1020 }}
    />
  );
}

interface EditorProps {
  planId: string;
  canEdit: boolean;
  data: BudgetResponse;
}

function BudgetEditor({ planId, canEdit, data }: EditorProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const issueText = useIssueText();
  const budget = data.budget;
  const editable = canEdit && (!budget || isEditableStatus(budget.status));

  const [rows, setRows] = useState<BudgetRow[]>(() => initialRows(budget));
  const [dirty, setDirty] = useState(false);
  const [base, setBase] = useState<Base>(() => baseOf(budget));
  const [synced, setSynced] = useState(() => sourceOf(budget));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [checkAll, setCheckAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<RowIssues>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const sentKeys = useRef<string[]>([]);

  const resetFrom = (next: CongressBudget | null) => {
    setRows(initialRows(next));
    setBase(baseOf(next));
    setSynced(sourceOf(next));
    setDirty(false);
    setTouched(new Set());
    setCheckAll(false);
    setServerErrors({});
    setFormError(null);
  };

  // The stored budget changed (saved elsewhere, reloaded): untouched rows follow it; typed ones stay.
  const source = sourceOf(budget);
  if (source !== synced) {
    setSynced(source);
    if (!dirty) {
      setRows(initialRows(budget));
      setBase(baseOf(budget));
      setServerErrors({});
    }
  }

  const check = useMemo(() => checkRows(rows), [rows]);
  const live = useMemo(() => liveTotals(rows), [rows]);

  const errorOf = (key: string, cell: BudgetCell): string | undefined => {
    const server = serverErrors[key]?.[cell];
    if (server) return issueText(server);
    const own = check.byRow[key]?.[cell];
    if (!own) return undefined;
    const shown =
      checkAll ||
      touched.has(`${key}.${cell}`) ||
      (cell === 'amount' && (touched.has(`${key}.quantity`) || touched.has(`${key}.unitPrice`)));
    return shown ? issueText(own) : undefined;
  };

  const edit = (key: string, field: BudgetField, value: string) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
    setDirty(true);
    setServerErrors((issues) => withoutCell(issues, key, field));
  };
  const touch = (key: string, field: BudgetField) =>
    setTouched((s) => (s.has(`${key}.${field}`) ? s : new Set(s).add(`${key}.${field}`)));
  const addLine = () => {
    const key = nextKey();
    setRows((rs) => [...rs, emptyRow(key, rs.at(-1))]);
    setFocusKey(key);
  };
  const removeLine = (key: string) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setDirty(true);
    setServerErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const reload = async () => {
    try {
      const fresh = await queryClient.fetchQuery({ ...budgetQuery(planId), staleTime: 0 });
      // The rows stay as typed; the next save goes against the newest version.
      setSynced(sourceOf(fresh.budget));
      setBase(baseOf(fresh.budget));
      setServerErrors({});
      setFormError(null);
      void message.info(t('congressBudget.reloaded', { n: fresh.budget?.versionNo ?? 1 }));
    } catch (error) {
      showError(errorText(error, t('errors.unexpected')));
    }
  };

  const save = useMutation({
    mutationFn: (input: PutBudgetInput) => putBudget(planId, input),
    meta: { silent: true },
    onMutate: () => setFormError(null),
    onSuccess: (saved) => {
      queryClient.setQueryData(budgetQuery(planId).queryKey, saved);
      resetFrom(saved.budget);
      showSuccess(t('congressBudget.saved', { n: saved.budget?.versionNo ?? 1 }));
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
    onError: (error) => {
      if (isSessionError(error)) return;
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        modal.confirm({
          title: t('congressBudget.conflict'),
          okText: t('congressBudget.conflictReload'),
          cancelText: t('common.close'),
          onOk: reload,
        });
        return;
      }
      if (isApiError(error) && error.code === 'CONGRESS_BUDGET_LOCKED') {
        // The stored budget shows as it is; the rows typed stay for a new version.
        void queryClient.invalidateQueries({ queryKey: budgetQuery(planId).queryKey });
        return;
      }
      const { byRow, general } = serverIssuesByRow(error, sentKeys.current);
      setServerErrors(byRow);
      const extra = general.map(issueText).filter((m) => m && m !== errorText(error, ''));
      setFormError([errorText(error, t('errors.unexpected')), ...extra].join(' '));
    },
  });

  const newVersion = useMutation({
    mutationFn: () => createBudgetVersion(planId),
    meta: { silent: true },
    onSuccess: (created) => {
      queryClient.setQueryData(budgetQuery(planId).queryKey, created);
      if (dirty) {
        // What was typed against the frozen version goes into the new one, to check and save.
        setSynced(sourceOf(created.budget));
        setBase(baseOf(created.budget));
        setServerErrors({});
      } else {
        resetFrom(created.budget);
      }
      showSuccess(t('congressBudget.newVersionCreated', { n: created.budget?.versionNo ?? 1 }));
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
    onError: (error) => {
      if (isSessionError(error)) return;
      showError(errorText(error, t('errors.unexpected')));
      void queryClient.invalidateQueries({ queryKey: budgetQuery(planId).queryKey });
    },
  });

  const onSave = () => {
    setCheckAll(true);
    if (check.count > 0) {
      setFormError(t('congressBudget.fix', { count: check.count }));
      return;
    }
    const { lines, keys } = linesToSend(rows);
    sentKeys.current = keys;
    save.mutate(base.budgetId ? { version: base.version, lines } : { lines });
  };

  const discard = () => resetFrom(budget);

  const busy = save.isPending || newVersion.isPending;
  const lockedWithTyping = canEdit && !editable && dirty;
  const canSubmit = editable && budget !== null && !dirty && budget.lines.length > 0;
  const submitBlocked = editable && budget !== null && !canSubmit;

  const statusHint =
    budget &&
    budget.status !== 'draft' &&
    !lockedWithTyping &&
    t(`congressBudget.statusHints.${budget.status}`, '');

  const header = (
    <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
      <Flex wrap gap={8} align="center">
        <Typography.Title level={4} id="dh-congress-budget" style={{ margin: 0 }}>
          {t('congressBudget.title')}
        </Typography.Title>
        {budget && (
          <>
            <Tag style={{ marginInlineEnd: 0 }}>{t('congressBudget.version', { n: budget.versionNo })}</Tag>
            <BudgetStatusTag status={budget.status} />
          </>
        )}
      </Flex>
      <Flex wrap gap={8}>
        {editable && (
          <>
            {dirty && (
              <Button icon={<UndoOutlined aria-hidden />} onClick={discard} disabled={busy}>
                {t('congressBudget.discard')}
              </Button>
            )}
            <Button
              type="primary"
              icon={<SaveOutlined aria-hidden />}
              onClick={onSave}
              loading={save.isPending}
              disabled={!dirty || newVersion.isPending}
            >
              {t('congressBudget.save')}
            </Button>
          </>
        )}
        {budget && (canSubmit || submitBlocked) && (
          <Tooltip
            title={
              submitBlocked
                ? t(dirty ? 'congressBudget.submitNeedsSave' : 'congressBudget.submitNeedsLines')
                : undefined
            }
          >
            <Button
              icon={<SendOutlined aria-hidden />}
              disabled={!canSubmit || busy}
              onClick={() => setSubmitting(true)}
            >
              {t('congressBudget.submit')}
            </Button>
          </Tooltip>
        )}
        {canEdit && budget?.status === 'approved' && !lockedWithTyping && (
          <Button onClick={() => newVersion.mutate()} loading={newVersion.isPending}>
            {t('congressBudget.newVersion')}
          </Button>
        )}
      </Flex>
    </Flex>
  );

  return (
    <section aria-labelledby="dh-congress-budget">
      {header}
      {statusHint && (
        <Alert
          type={budget?.status === 'returned' ? 'warning' : 'info'}
          showIcon
          title={statusHint}
          style={{ marginBottom: 12 }}
        />
      )}
      {lockedWithTyping && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('congressBudget.lockedTitle')}
          description={t('congressBudget.locked')}
          action={
            <Flex vertical gap={4}>
              <Button
                type="primary"
                size="small"
                onClick={() => newVersion.mutate()}
                loading={newVersion.isPending}
              >
                {t('congressBudget.newVersion')}
              </Button>
              <Button size="small" onClick={discard} disabled={newVersion.isPending}>
                {t('congressBudget.discard')}
              </Button>
            </Flex>
          }
        />
      )}
      {editable && <FormError error={formError} />}

      {editable ? (
        <>
          {!budget && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('congressBudget.empty')}
            </Typography.Paragraph>
          )}
          <EditorLines
            rows={rows}
            live={live}
            errorOf={errorOf}
            focusKey={focusKey}
            disabled={busy}
            onEdit={edit}
            onTouch={touch}
            onRemove={removeLine}
          />
          <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
            <Button icon={<PlusOutlined aria-hidden />} onClick={addLine} disabled={busy} block={isPhone}>
              {t('congressBudget.addLine')}
            </Button>
            {dirty && (
              <Typography.Text type="warning" role="status">
                {t('congressBudget.unsaved')}
              </Typography.Text>
            )}
          </Flex>
          <Totals
            byCategory={live.byCategory}
            categories={categoriesInUse(rows)}
            total={live.total}
            totalInWords={live.totalInWords}
            note={
              <>
                {live.total === null && (
                  <Typography.Text type="danger">
                    {t('congressBudget.errors.BUDGET_TOTAL_TOO_LARGE', ISSUE_VALUES)}
                  </Typography.Text>
                )}
                {check.total && checkAll && live.total !== null && (
                  <Typography.Text type="danger">{issueText(check.total)}</Typography.Text>
                )}
                {live.pending > 0 && (
                  <Typography.Text type="secondary">
                    {t('congressBudget.pending', { count: live.pending })}
                  </Typography.Text>
                )}
              </>
            }
          />
        </>
      ) : budget ? (
        <ReadOnlyLines budget={budget} />
      ) : (
        <Empty description={t('congressBudget.emptyReadOnly')} />
      )}

      {data.versions.length > 1 && (
        <Flex vertical gap={6} style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('congressBudget.versions')}</Typography.Text>
          <Flex wrap gap={6}>
            {[...data.versions].reverse().map((v) => (
              <Tag
                key={v.id}
                color={v.id === budget?.id ? 'blue' : undefined}
                style={{ marginInlineEnd: 0 }}
                aria-current={v.id === budget?.id ? 'true' : undefined}
              >
                {t('congressBudget.versionItem', {
                  n: v.versionNo,
                  status: t(`congressBudget.statuses.${v.status}`, v.status),
                })}
              </Tag>
            ))}
          </Flex>
        </Flex>
      )}

      {submitting && <SubmitModal planId={planId} kind="budget" onClose={() => setSubmitting(false)} />}
    </section>
  );
}

/**
 * The plan's budget estimate: the newest version with its status; its lines editable while it is a draft
 * or returned (live totals and the total in words as the user types), read only once submitted or
 * approved; a new version from an approved one; the version list; submitting it to the committee above.
 */
export function BudgetPanel({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(budgetQuery(planId));
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError)
    return <LoadFailed title={t('congressBudget.loadFailed')} error={query.error} onRetry={query.refetch} />;
  return <BudgetEditor key={planId} planId={planId} canEdit={canEdit} data={query.data} />;
}
