import { foldVietnamese } from '@daihoi/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT } from '../../app/format';
import { useFormMutation } from '../../app/useFormMutation';
import { listOrganizations, ORG_KEY, type Organization } from '../organizations/api';
import {
  DISTRIBUTIONS_KEY,
  type Distribution,
  DOCUMENTS_KEY,
  type DocumentDetail,
  distributeDocument,
} from './api';
import { withFormErrors } from './form';
import { directChildren, type OrgTreeNode, subtreeNodes } from './tree';

interface Props {
  document: DocumentDetail;
  /** Who has it already: shown, not offered again. */
  distributions: readonly Distribution[];
  onClose: () => void;
}

interface Values {
  organizationIds: { value: string; label?: unknown }[];
  dueOn?: Dayjs | null;
  note?: string;
}

const FIELDS = ['organizationIds', 'dueOn', 'note'] as const;
/** A committee's subtree rarely holds more; beyond it the tree stops loading (the search still finds). */
const SUBTREE_MAX = 5000;

/** Every organization of the register's subtree, page by page (500 a page). */
async function loadSubtree(rootId: string, signal?: AbortSignal): Promise<Organization[]> {
  const all: Organization[] = [];
  let cursor: string | undefined;
  do {
    const page = await listOrganizations({ under: rootId, limit: 500, cursor }, signal);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && all.length < SUBTREE_MAX);
  return all;
}

export function DistributeModal({ document, distributions, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The register's committee, or a committee that received the document and passes it down its subtree.
  const [senderId, setSenderId] = useState(document.senders[0]?.id ?? document.organization.id);
  const rootId = senderId;
  const subtree = useQuery({
    queryKey: [ORG_KEY, 'subtree', rootId],
    queryFn: ({ signal }) => loadSubtree(rootId, signal),
  });
  const nodes = useMemo(
    () =>
      subtreeNodes(
        subtree.data ?? [],
        rootId,
        new Set(distributions.map((d) => d.organization.id)),
        t('documents.distribution.alreadyHas'),
      ),
    [subtree.data, rootId, distributions, t],
  );
  const chosen = Form.useWatch('organizationIds', form) ?? [];

  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (values: Values) =>
      withFormErrors(
        () =>
          distributeDocument(document.id, {
            organizationIds: values.organizationIds.map((o) => o.value),
            dueOn: values.dueOn?.isValid() ? values.dueOn.format('YYYY-MM-DD') : null,
            note: values.note?.trim() || null,
            fromOrganizationId: senderId,
          }),
        FIELDS,
      ),
    onSuccess: async (result) => {
      showSuccess(t('documents.distribution.sent', { count: result.sent }));
      if (result.alreadySent > 0)
        void message.info(t('documents.distribution.alreadySent', { count: result.alreadySent }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [DISTRIBUTIONS_KEY] }),
        queryClient.invalidateQueries({ queryKey: [DOCUMENTS_KEY, 'detail', document.id] }),
      ]);
      onClose();
    },
  });

  const chooseChildren = () =>
    form.setFieldValue(
      'organizationIds',
      directChildren(nodes).map((n: OrgTreeNode) => ({ value: n.value, label: n.title })),
    );

  return (
    <Modal
      open
      title={t('documents.distribution.title')}
      onCancel={onClose}
      width={680}
      okText={t('documents.distribution.send')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: mutation.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <FormError error={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ organizationIds: [] }}
        disabled={mutation.isPending}
        onFinish={(values) => mutation.mutate(values)}
      >
        {document.senders.length > 1 && (
          <Form.Item label={t('documents.distribution.sender')}>
            <Select
              value={senderId}
              options={document.senders.map((o) => ({ value: o.id, label: o.name }))}
              onChange={(id: string) => {
                setSenderId(id);
                form.setFieldValue('organizationIds', []);
              }}
            />
          </Form.Item>
        )}
        <Form.Item
          name="organizationIds"
          label={t('documents.distribution.organizations')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('documents.distribution.organizationsRequired'),
            },
          ]}
          extra={
            <Flex wrap gap={8} align="center" style={{ marginTop: 4 }}>
              <Button size="small" onClick={chooseChildren} disabled={subtree.isPending}>
                {t('documents.distribution.selectChildren')}
              </Button>
              {chosen.length > 0 && (
                <>
                  <Button size="small" type="link" onClick={() => form.setFieldValue('organizationIds', [])}>
                    {t('documents.distribution.clear')}
                  </Button>
                  <Typography.Text type="secondary">
                    {t('documents.distribution.selected', { count: chosen.length })}
                  </Typography.Text>
                </>
              )}
            </Flex>
          }
        >
          <TreeSelect
            treeData={nodes}
            treeCheckable
            treeCheckStrictly
            multiple
            showSearch
            filterTreeNode={(input, node) =>
              foldVietnamese(String((node as unknown as OrgTreeNode).search ?? '')).includes(
                foldVietnamese(input),
              )
            }
            maxTagCount="responsive"
            loading={subtree.isPending}
            placeholder={t('documents.distribution.organizationsPlaceholder')}
            listHeight={320}
            treeDefaultExpandedKeys={[]}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('documents.distribution.dueOn')}
          extra={t('documents.distribution.dueOnHint')}
        >
          <DatePicker
            format={DATE_INPUT_FORMAT}
            style={{ width: '100%', maxWidth: 220 }}
            disabledDate={(d) => d.isBefore(dayjs(document.issuedOn), 'day')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('documents.distribution.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
