import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Flex, Form, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSystemInfo } from '../../app/DemoBanner';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { formatDate } from '../../app/format';
import { errorText } from '../../app/forms';
import { canManageMembers } from '../../app/permissions';
import { useRoles } from '../../app/session';
import type { OrganizationDetail, Term } from '../organizations/api';
import {
  addCommitteeSeat,
  COMMITTEE_POSITIONS,
  type CommitteeEntry,
  type CommitteePosition,
  committeeQuery,
  MEMBERS_KEY,
  removeCommitteeSeat,
} from './api';
import { currentTerm, sortSeats } from './committee';
import { useMemberLabels } from './labels';
import { MemberSelect } from './MemberSelect';

function AddSeat({ org, term }: { org: OrganizationDetail; term: Term }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ memberId: string | null; position: CommitteePosition }>();
  const add = useMutation({
    meta: { silent: true },
    mutationFn: (v: { memberId: string | null; position: CommitteePosition }) =>
      addCommitteeSeat(org.id, { termId: term.id, memberId: v.memberId ?? '', position: v.position }),
    onSuccess: async () => {
      form.resetFields();
      showSuccess(t('members.committee.added'));
      await queryClient.invalidateQueries({ queryKey: [MEMBERS_KEY] });
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} disabled={add.isPending}>
      <FormError error={add.error ? errorText(add.error, t('errors.unexpected')) : null} />
      <Flex wrap gap={12} align="flex-end">
        <div style={{ flex: '2 1 240px', minWidth: 0 }}>
          <Form.Item
            name="memberId"
            label={t('members.committee.member')}
            rules={[
              {
                required: true,
                message: t('validation.select', { field: t('members.committee.member').toLowerCase() }),
              },
            ]}
          >
            <MemberSelect organizationId={org.id} />
          </Form.Item>
        </div>
        <div style={{ flex: '1 1 200px', minWidth: 0 }}>
          <Form.Item
            name="position"
            label={t('members.seats.position')}
            rules={[
              {
                required: true,
                message: t('validation.select', { field: t('members.seats.position').toLowerCase() }),
              },
            ]}
          >
            <Select options={labels.positionOptions} />
          </Form.Item>
        </div>
        <Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={add.isPending}>
            {t('members.committee.add')}
          </Button>
        </Form.Item>
      </Flex>
    </Form>
  );
}

/** The committee bodies of an organization for one term: who holds which seat. */
export function OrganizationCommitteeTab({ org }: { org: OrganizationDetail }) {
  const { t } = useTranslation();
  const roles = useRoles();
  const labels = useMemberLabels();
  const queryClient = useQueryClient();
  const today = useSystemInfo().data?.today;
  const terms = [...org.terms].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const term = terms.find((x) => x.id === chosen) ?? currentTerm(terms, today);
  const committee = useQuery({ ...committeeQuery(org.id, term?.id), enabled: Boolean(term) });
  const canManage = canManageMembers(roles, org) && !org.archived;
  const remove = useMutation({
    mutationFn: (seat: CommitteeEntry) => removeCommitteeSeat(seat.id),
    onSuccess: async () => {
      showSuccess(t('members.committee.removed'));
      await queryClient.invalidateQueries({ queryKey: [MEMBERS_KEY] });
    },
  });

  if (!term) return <Empty description={t('members.committee.noTerms')} />;
  const seats = sortSeats(committee.data?.items ?? [], COMMITTEE_POSITIONS);
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center">
        <label htmlFor="committee-term">{t('members.seats.term')}</label>
        <Select
          id="committee-term"
          value={term.id}
          onChange={setChosen}
          style={{ minWidth: 220 }}
          options={terms.map((x) => ({
            value: x.id,
            label: `${x.name} (${formatDate(x.startsOn)} – ${formatDate(x.endsOn)})`,
          }))}
        />
      </Flex>
      {canManage && <AddSeat org={org} term={term} />}
      <Table<CommitteeEntry>
        rowKey="id"
        size="small"
        pagination={false}
        loading={committee.isPending}
        dataSource={seats}
        scroll={{ x: 560 }}
        locale={{ emptyText: committee.error ? committee.error.message : t('members.committee.empty') }}
        columns={[
          {
            key: 'position',
            title: t('members.seats.position'),
            width: 260,
            render: (_, s) => (
              <Typography.Text strong={s.position === 'secretary'}>
                {labels.position(s.position)}
              </Typography.Text>
            ),
          },
          {
            key: 'member',
            title: t('members.fields.fullName'),
            render: (_, s) => <Link to={`/members/${s.memberId}`}>{s.fullName}</Link>,
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 110,
                  render: (_: unknown, s: CommitteeEntry) => (
                    <Popconfirm
                      title={t('members.committee.removeConfirm', {
                        name: s.fullName,
                        position: labels.position(s.position),
                      })}
                      okText={t('common.remove')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutateAsync(s)}
                    >
                      <Button
                        size="small"
                        type="link"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={`${t('common.remove')} ${s.fullName}`}
                      >
                        {t('common.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
