import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { formatTimestamp } from '../../app/format';
import { isSessionError } from '../../app/queryClient';
import {
  createProposal,
  type Proposal,
  type ProposalInput,
  type SessionDetail,
  sessionQuery,
  updateProposal,
  useInvalidateDissemination,
} from './api';
import { type ProposalValues, proposalFieldMessages, proposalPatch, proposalValues } from './proposals';

interface ModalProps {
  sessionId: string;
  proposal: Proposal | null;
  onClose: () => void;
}

function ProposalModal({ sessionId, proposal, onClose }: ModalProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateDissemination();
  const [form] = Form.useForm<ProposalValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const baseRef = useRef<Proposal | null>(proposal);

  const save = useMutation({
    meta: { silent: true },
    mutationFn: (values: ProposalValues) => {
      const base = baseRef.current;
      if (!base) {
        const input: ProposalInput = { content: values.content?.trim() ?? '' };
        for (const k of ['proposedBy', 'assignedTo', 'answer'] as const) {
          const v = values[k]?.trim();
          if (v) input[k] = v;
        }
        return createProposal(sessionId, input);
      }
      return updateProposal(base.id, proposalPatch(values, base));
    },
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await invalidate();
      showSuccess(t(proposal ? 'dissemination.proposals.saved' : 'dissemination.proposals.added'));
      onClose();
    },
    onError: async (error) => {
      if (isSessionError(error)) return;
      if (!isApiError(error)) return setFormError(t('errors.unexpected'));
      if (error.code === 'VERSION_CONFLICT' && baseRef.current) {
        // The latest copy becomes the base; the user's text stays in the form.
        const fresh = await queryClient
          .fetchQuery({ ...sessionQuery(sessionId), staleTime: 0 })
          .catch(() => null);
        const latest = fresh?.proposals.find((p) => p.id === baseRef.current?.id);
        if (latest) baseRef.current = latest;
        modal.warning({ title: t('dissemination.proposals.conflict') });
        return;
      }
      const fields = proposalFieldMessages(error.message, error.details);
      if (fields.length > 0) form.setFields(fields.map((f) => ({ name: f.field, errors: [f.message] })));
      setFormError(error.message);
    },
  });

  return (
    <Modal
      open
      title={t(proposal ? 'dissemination.proposals.editTitle' : 'dissemination.proposals.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      cancelButtonProps={{ disabled: save.isPending }}
      mask={{ closable: false }}
      width={640}
    >
      <FormError error={formError} />
      <Form<ProposalValues>
        form={form}
        layout="vertical"
        disabled={save.isPending}
        initialValues={proposalValues(proposal)}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="content"
          label={t('dissemination.proposals.content')}
          rules={[
            { required: true, whitespace: true, message: t('dissemination.proposals.contentRequired') },
          ]}
        >
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="proposedBy"
            label={t('dissemination.proposals.proposedBy')}
            style={{ flex: '1 1 220px' }}
          >
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item
            name="assignedTo"
            label={t('dissemination.proposals.assignedTo')}
            style={{ flex: '1 1 220px' }}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Flex>
        <Form.Item name="answer" label={t('dissemination.proposals.answerText')}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ProposalsTab({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Proposal | 'new' | null>(null);
  const canEdit = session.abilities.edit;
  const answered = session.proposals.filter((p) => p.answer).length;
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Text type="secondary">
          {session.proposals.length > 0 &&
            t('dissemination.proposals.count', { answered, total: session.proposals.length })}
        </Typography.Text>
        {canEdit && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('dissemination.proposals.add')}
          </Button>
        )}
      </Flex>
      {session.proposals.length === 0 ? (
        <Empty description={t('dissemination.proposals.empty')} />
      ) : (
        <ol className="dh-result-list" aria-label={t('dissemination.tabs.proposals')}>
          {session.proposals.map((p, i) => (
            <li key={p.id}>
              <Flex gap={12} justify="space-between" align="flex-start" wrap>
                <Flex vertical gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong>{i + 1}.</Typography.Text>
                    <Tag color={p.answer ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }}>
                      {t(
                        p.answer ? 'dissemination.proposals.answered' : 'dissemination.proposals.unanswered',
                      )}
                    </Tag>
                  </Flex>
                  <div className="dh-prewrap">{p.content}</div>
                  {(p.proposedBy || p.assignedTo) && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {[
                        p.proposedBy && `${t('dissemination.proposals.proposedBy')}: ${p.proposedBy}`,
                        p.assignedTo && `${t('dissemination.proposals.assignedTo')}: ${p.assignedTo}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  )}
                  {p.answer && (
                    <div style={{ borderInlineStart: '3px solid #52c41a', paddingInlineStart: 8 }}>
                      <div className="dh-prewrap">{p.answer}</div>
                      {p.answeredAt && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('dissemination.proposals.answeredAt', { time: formatTimestamp(p.answeredAt) })}
                        </Typography.Text>
                      )}
                    </div>
                  )}
                </Flex>
                {canEdit && (
                  <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(p)}>
                    {t(p.answer ? 'dissemination.proposals.edit' : 'dissemination.proposals.answer')}
                  </Button>
                )}
              </Flex>
            </li>
          ))}
        </ol>
      )}
      {editing && (
        <ProposalModal
          sessionId={session.id}
          proposal={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
