import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { formatTimestamp } from '../../app/format';
import { useSession } from '../../app/session';
import { useFormMutation } from '../../app/useFormMutation';
import { useIsPhone } from '../../app/useMediaQuery';
import { withFormErrors } from '../documents/form';
import { CONGRESS_KEY } from './api';
import {
  canSubmitBudget,
  latestByKind,
  openReturns,
  SUBMISSION_STATUS_TAG,
  sortSubmissions,
  statusTag,
} from './budget';
import {
  approveSubmission,
  budgetQuery,
  type CongressSubmission,
  type PlanAbilities,
  returnSubmission,
  SUBMISSION_KINDS,
  type SubmissionKind,
  submitToUpper,
} from './budgetApi';

type Decision = 'approve' | 'return';

/** Labels of submission kinds and statuses; an unknown code shows as itself. */
export function useSubmissionLabels() {
  const { t, i18n } = useTranslation();
  const label = (group: string, code: string) => {
    const key = `congressBudget.submissions.${group}.${code}`;
    return i18n.exists(key) ? t(key) : code;
  };
  return {
    kind: (code: string) => label('kinds', code),
    status: (code: string) => label('statuses', code),
  };
}

export function SubmissionStatusTag({ status }: { status: string }) {
  const labels = useSubmissionLabels();
  return (
    <Tag color={statusTag(SUBMISSION_STATUS_TAG, status)} style={{ marginInlineEnd: 0 }}>
      {labels.status(status)}
    </Tag>
  );
}

const NOTE_FIELDS = ['note'] as const;
const COMMENT_FIELDS = ['comment'] as const;

interface SubmitModalProps {
  planId: string;
  kind: SubmissionKind;
  onClose: () => void;
  onDone?: (submissions: CongressSubmission[]) => void;
}

/** Sends one part of the plan to the committee above, with an optional covering note. */
export function SubmitModal({ planId, kind, onClose, onDone }: SubmitModalProps) {
  const { t } = useTranslation();
  const labels = useSubmissionLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (values: { note?: string }) =>
      withFormErrors(() => {
        const note = values.note?.trim();
        return submitToUpper(planId, note ? { kind, note } : { kind });
      }, NOTE_FIELDS),
    onSuccess: async (submissions) => {
      showSuccess(t('congressBudget.submissions.submitted', { kind: labels.kind(kind) }));
      await queryClient.invalidateQueries({ queryKey: [CONGRESS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      onDone?.(submissions);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('congressBudget.submissions.submitTitle', { kind: labels.kind(kind) })}
      onCancel={onClose}
      okText={t('congressBudget.submissions.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: mutation.isPending, icon: <SendOutlined aria-hidden /> }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <FormError error={formError} />
      {kind === 'budget' && (
        <Typography.Paragraph type="secondary">
          {t('congressBudget.submissions.submitBudgetHint')}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" disabled={mutation.isPending} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="note"
          label={t('congressBudget.submissions.note')}
          extra={t('congressBudget.submissions.noteHint')}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface DecideModalProps {
  submission: CongressSubmission;
  decision: Decision;
  onClose: () => void;
  onDone: () => void;
}

/** The committee above answers a round: approves (comment optional) or returns it (comment required). */
function DecideModal({ submission, decision, onClose, onDone }: DecideModalProps) {
  const { t } = useTranslation();
  const labels = useSubmissionLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment?: string }>();
  const kind = labels.kind(submission.kind);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: [CONGRESS_KEY] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    onDone();
  };
  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (values: { comment?: string }) =>
      withFormErrors(() => {
        const comment = values.comment?.trim() ?? '';
        return decision === 'approve'
          ? approveSubmission(submission.id, comment ? { comment } : {})
          : returnSubmission(submission.id, { comment });
      }, COMMENT_FIELDS),
    onSuccess: async () => {
      showSuccess(
        t(`congressBudget.submissions.${decision === 'approve' ? 'approved' : 'returned'}`, { kind }),
      );
      await refresh();
      onClose();
    },
  });
  // Someone else answered first: the page reloads under the message, so the round shows its answer.
  const decided = isApiError(mutation.error) && mutation.error.code === 'CONGRESS_SUBMISSION_DECIDED';
  const returning = decision === 'return';
  return (
    <Modal
      open
      title={t(`congressBudget.submissions.${returning ? 'returnTitle' : 'approveTitle'}`, {
        kind,
        n: submission.round,
      })}
      onCancel={onClose}
      okText={t(`congressBudget.submissions.${decision}`)}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: mutation.isPending,
        danger: returning,
        disabled: decided,
        icon: returning ? <RollbackOutlined aria-hidden /> : <CheckOutlined aria-hidden />,
      }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <FormError error={formError} />
      {submission.note && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {t('congressBudget.submissions.noteLine', { note: submission.note })}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={mutation.isPending || decided}
        onFinish={(v) =>
          mutation.mutate(v, {
            onError: (error) => {
              if (isApiError(error) && error.code === 'CONGRESS_SUBMISSION_DECIDED') void refresh();
            },
          })
        }
      >
        <Form.Item
          name="comment"
          label={t('congressBudget.submissions.comment')}
          extra={t(`congressBudget.submissions.${returning ? 'commentReturnHint' : 'commentOptional'}`)}
          rules={
            returning
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t('congressBudget.submissions.commentRequired'),
                  },
                ]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: returning ? 3 : 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const Muted = ({ children }: { children: ReactNode }) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {children}
  </Typography.Text>
);

function WhenBy({ at, by }: { at: string | null; by: { displayName: string } | null }) {
  const { t } = useTranslation();
  if (!at) return <Muted>{t('common.empty')}</Muted>;
  const when = formatTimestamp(at);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {by ? t('congressBudget.submissions.atBy', { at: when, name: by.displayName }) : when}
    </span>
  );
}

interface Props {
  planId: string;
  submissions: readonly CongressSubmission[];
  abilities: PlanAbilities;
  /** Called after a submission, an approval or a return, so that the page reloads the plan. */
  onChanged: () => void;
}

/**
 * What the plan has sent to the committee above, round by round: the organization submits each part
 * (and submits again after a return, whose comment stands out above); the committee above approves or
 * returns a submitted round.
 */
export function SubmissionsPanel({ planId, submissions, abilities, onChanged }: Props) {
  const { t } = useTranslation();
  const labels = useSubmissionLabels();
  const isPhone = useIsPhone();
  const session = useSession();
  const userId = session.data?.user.id ?? null;
  const [submitting, setSubmitting] = useState<SubmissionKind | null>(null);
  const [deciding, setDeciding] = useState<{ submission: CongressSubmission; decision: Decision } | null>(
    null,
  );
  const latest = useMemo(() => latestByKind(submissions), [submissions]);
  const returns = useMemo(() => openReturns(submissions), [submissions]);
  const rounds = useMemo(() => sortSubmissions(submissions), [submissions]);
  // The budget goes with its saved version: only a draft or returned one with lines can be sent.
  const budget = useQuery({ ...budgetQuery(planId), enabled: abilities.edit });
  const budgetReady = canSubmitBudget(budget.data?.budget ?? null);

  const mayDecide = (s: CongressSubmission) => abilities.decide && s.status === 'submitted';
  const isOwn = (s: CongressSubmission) => Boolean(userId && s.submittedBy?.id === userId);

  const decideButtons = (s: CongressSubmission) => {
    if (!mayDecide(s)) return null;
    const own = isOwn(s);
    const label = `${labels.kind(s.kind)}, ${t('congressBudget.submissions.round', { n: s.round })}`;
    return (
      <Flex vertical gap={4}>
        <Flex
          gap={4}
          wrap
          title={own && !isPhone ? t('congressBudget.submissions.selfSubmitted') : undefined}
        >
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            disabled={own}
            onClick={() => setDeciding({ submission: s, decision: 'approve' })}
            aria-label={`${t('congressBudget.submissions.approve')}: ${label}`}
          >
            {t('congressBudget.submissions.approve')}
          </Button>
          <Button
            size="small"
            danger
            icon={<RollbackOutlined aria-hidden />}
            disabled={own}
            onClick={() => setDeciding({ submission: s, decision: 'return' })}
            aria-label={`${t('congressBudget.submissions.return')}: ${label}`}
          >
            {t('congressBudget.submissions.return')}
          </Button>
        </Flex>
        {own && isPhone && <Muted>{t('congressBudget.submissions.selfSubmitted')}</Muted>}
      </Flex>
    );
  };

  const submitButton = (kind: SubmissionKind) => {
    if (!abilities.edit || latest[kind]?.status === 'submitted') return null;
    if (kind === 'budget' && !budgetReady) return null;
    const again = Boolean(latest[kind]);
    const text = t(`congressBudget.submissions.${again ? 'resubmit' : 'submit'}`);
    return (
      <Button
        size="small"
        icon={<SendOutlined aria-hidden />}
        onClick={() => setSubmitting(kind)}
        aria-label={`${text}: ${labels.kind(kind)}`}
      >
        {text}
      </Button>
    );
  };

  /** The button that sends a returned kind again, when it may be sent. */
  const again = (s: CongressSubmission) =>
    (SUBMISSION_KINDS as readonly string[]).includes(s.kind) ? submitButton(s.kind as SubmissionKind) : null;

  const columns: TableColumnsType<CongressSubmission> = [
    {
      key: 'kind',
      title: t('congressBudget.submissions.columns.kind'),
      render: (_, s) => (
        <Flex vertical gap={2}>
          <span style={{ fontWeight: 500 }}>{labels.kind(s.kind)}</span>
          <Muted>{t('congressBudget.submissions.round', { n: s.round })}</Muted>
        </Flex>
      ),
    },
    {
      key: 'submitted',
      title: t('congressBudget.submissions.columns.submitted'),
      width: 200,
      render: (_, s) => (
        <Flex vertical gap={2}>
          <WhenBy at={s.submittedAt} by={s.submittedBy} />
          {s.note && (
            <Muted>
              <span style={{ whiteSpace: 'pre-wrap' }}>
                {t('congressBudget.submissions.noteLine', { note: s.note })}
              </span>
            </Muted>
          )}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('congressBudget.submissions.columns.status'),
      width: 120,
      render: (_, s) => <SubmissionStatusTag status={s.status} />,
    },
    {
      key: 'decided',
      title: t('congressBudget.submissions.columns.decided'),
      width: 190,
      render: (_, s) => <WhenBy at={s.decidedAt} by={s.decidedBy} />,
    },
    {
      key: 'comment',
      title: t('congressBudget.submissions.columns.comment'),
      render: (_, s) =>
        s.comment ? (
          <span style={{ whiteSpace: 'pre-wrap' }}>{s.comment}</span>
        ) : (
          <Muted>{t('common.empty')}</Muted>
        ),
    },
    ...(abilities.decide
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 170,
            render: (_: unknown, s: CongressSubmission) => decideButtons(s),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby="dh-congress-submissions">
      <Flex vertical gap={2} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} id="dh-congress-submissions" style={{ margin: 0 }}>
          {t('congressBudget.submissions.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('congressBudget.submissions.intro')}</Typography.Text>
      </Flex>

      {returns.map((s) => (
        <Alert
          key={s.id}
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('congressBudget.submissions.returnedTitle', {
            kind: labels.kind(s.kind),
            n: s.round,
            date: formatTimestamp(s.decidedAt),
          })}
          description={
            <Flex vertical gap={4}>
              {s.decidedBy && (
                <Typography.Text type="secondary">
                  {t('congressBudget.submissions.returnedBy', { name: s.decidedBy.displayName })}
                </Typography.Text>
              )}
              {s.comment && (
                <Typography.Text strong style={{ whiteSpace: 'pre-wrap' }}>
                  {s.comment}
                </Typography.Text>
              )}
              {abilities.edit && <span>{t('congressBudget.submissions.returnedFix')}</span>}
              {isPhone && again(s) && <div>{again(s)}</div>}
            </Flex>
          }
          action={isPhone ? undefined : again(s)}
        />
      ))}

      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {SUBMISSION_KINDS.map((kind) => {
          const last = latest[kind];
          return (
            <Col key={kind} xs={24} sm={12} xl={6}>
              <Card size="small" style={{ height: '100%' }}>
                <Flex vertical gap={6}>
                  <Typography.Text strong>{labels.kind(kind)}</Typography.Text>
                  <Flex gap={8} wrap align="center">
                    {last ? (
                      <>
                        <SubmissionStatusTag status={last.status} />
                        <Muted>
                          {t('congressBudget.submissions.round', { n: last.round })} ·{' '}
                          {formatTimestamp(last.decidedAt ?? last.submittedAt)}
                        </Muted>
                      </>
                    ) : (
                      <Tag style={{ marginInlineEnd: 0 }}>{t('congressBudget.submissions.notSubmitted')}</Tag>
                    )}
                  </Flex>
                  {last?.status === 'submitted' && <Muted>{t('congressBudget.submissions.waiting')}</Muted>}
                  {submitButton(kind) && <div>{submitButton(kind)}</div>}
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>

      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('congressBudget.submissions.history')}
      </Typography.Title>
      {rounds.length === 0 ? (
        <Empty description={t('congressBudget.submissions.empty')} />
      ) : isPhone ? (
        <ol className="dh-result-list" aria-label={t('congressBudget.submissions.history')}>
          {rounds.map((s) => (
            <li key={s.id}>
              <Flex vertical gap={4}>
                <Flex gap={8} wrap align="center" justify="space-between">
                  <span style={{ fontWeight: 500 }}>{labels.kind(s.kind)}</span>
                  <SubmissionStatusTag status={s.status} />
                </Flex>
                <Muted>
                  {t('congressBudget.submissions.round', { n: s.round })} ·{' '}
                  {s.submittedBy
                    ? t('congressBudget.submissions.atBy', {
                        at: formatTimestamp(s.submittedAt),
                        name: s.submittedBy.displayName,
                      })
                    : formatTimestamp(s.submittedAt)}
                </Muted>
                {s.note && (
                  <Muted>
                    <span style={{ whiteSpace: 'pre-wrap' }}>
                      {t('congressBudget.submissions.noteLine', { note: s.note })}
                    </span>
                  </Muted>
                )}
                {s.decidedAt && (
                  <Typography.Text style={{ fontSize: 13 }}>
                    {t('congressBudget.submissions.columns.decided')}:{' '}
                    <WhenBy at={s.decidedAt} by={s.decidedBy} />
                  </Typography.Text>
                )}
                {s.comment && (
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.comment}</Typography.Text>
                )}
                {decideButtons(s)}
              </Flex>
            </li>
          ))}
        </ol>
      ) : (
        <Table<CongressSubmission>
          rowKey="id"
          size="small"
          dataSource={rounds}
          columns={columns}
          pagination={false}
          scroll={{ x: abilities.decide ? 980 : 820 }}
        />
      )}

      {submitting && (
        <SubmitModal
          planId={planId}
          kind={submitting}
          onClose={() => setSubmitting(null)}
          onDone={onChanged}
        />
      )}
      {deciding && (
        <DecideModal
          submission={deciding.submission}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDone={onChanged}
        />
      )}
    </section>
  );
}
