import { LinkOutlined, SwapOutlined } from '@ant-design/icons';
import { Descriptions, Empty, Flex, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import type { CommitteeSeat, MemberDetail, OrganizationLink, Transfer } from './api';
import { useMemberLabels } from './labels';
import { MemberWarnings, StatusTag } from './MembersTable';
import { sortTransfers } from './transfers';

export function MemberInfo({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const dash = t('common.empty');
  const f = (key: string) => t(`members.fields.${key}`);
  const text = (v: string | null) => v || dash;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'fullName', label: f('fullName'), children: member.fullName },
        { key: 'gender', label: f('gender'), children: labels.gender(member.gender) },
        {
          key: 'birthDate',
          label: f('birthDate'),
          children: `${formatDate(member.birthDate)} (${t('members.ageYears', { count: member.age })})`,
        },
        { key: 'ethnicity', label: f('ethnicity'), children: text(member.ethnicity) },
        { key: 'hometown', label: f('hometown'), children: text(member.hometown), span: 'filled' },
        {
          key: 'organization',
          label: f('organization'),
          children: <Link to={`/organizations/${member.organizationId}`}>{member.organizationName}</Link>,
        },
        {
          key: 'joinedOrganizationOn',
          label: f('joinedOrganizationOn'),
          children: formatDate(member.joinedOrganizationOn) || dash,
        },
        { key: 'cardNumber', label: f('cardNumber'), children: text(member.cardNumber) },
        {
          key: 'status',
          label: f('status'),
          children: (
            <Flex gap={8} align="center">
              <StatusTag status={member.status} />
              <MemberWarnings member={member} />
            </Flex>
          ),
        },
        { key: 'admittedOn', label: f('admittedOn'), children: formatDate(member.admittedOn) },
        { key: 'fullMemberOn', label: f('fullMemberOn'), children: formatDate(member.fullMemberOn) || dash },
        { key: 'educationLevel', label: f('educationLevel'), children: text(member.educationLevel) },
        { key: 'theoryLevel', label: f('theoryLevel'), children: labels.theoryLevel(member.theoryLevel) },
        { key: 'jobTitle', label: f('jobTitle'), children: text(member.jobTitle) },
        { key: 'employer', label: f('employer'), children: text(member.employer) },
        {
          key: 'isLeader',
          label: f('isLeader'),
          children: member.isLeader ? t('common.yes') : t('common.no'),
        },
        { key: 'phone', label: f('phone'), children: text(member.phone) },
        { key: 'email', label: f('email'), children: text(member.email) },
      ]}
    />
  );
}

function OrgLink({ org }: { org: OrganizationLink }) {
  return <Link to={`/organizations/${org.id}`}>{org.name}</Link>;
}

function TransferText({ transfer }: { transfer: Transfer }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <span>
        {transfer.fromOrganization ? <OrgLink org={transfer.fromOrganization} /> : t('common.empty')}
        {' → '}
        {transfer.toOrganization ? (
          <OrgLink org={transfer.toOrganization} />
        ) : (
          <>
            <Typography.Text type="secondary">{t('members.transfer.outsideShort')}: </Typography.Text>
            {transfer.destination ?? t('common.empty')}
          </>
        )}
      </span>
      {transfer.reason && (
        <Typography.Text type="secondary">
          {t('members.transfer.reason')}: {transfer.reason}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function TransferTimeline({ transfers }: { transfers: Transfer[] }) {
  const { t } = useTranslation();
  if (transfers.length === 0) return <Empty description={t('members.transfer.none')} />;
  return (
    <Timeline
      items={sortTransfers(transfers).map((tr) => ({
        key: tr.id,
        color: tr.status === 'pending' ? 'blue' : 'green',
        icon: <SwapOutlined aria-hidden />,
        content: (
          <Flex vertical gap={4}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{formatDate(tr.transferredOn)}</Typography.Text>
              <Tag color={tr.status === 'pending' ? 'blue' : 'green'}>
                {t(`members.transfer.statuses.${tr.status}`)}
              </Tag>
            </Flex>
            <TransferText transfer={tr} />
          </Flex>
        ),
      }))}
    />
  );
}

export function SeatsTable({ seats }: { seats: CommitteeSeat[] }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  return (
    <Table<CommitteeSeat>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={seats}
      scroll={{ x: 560 }}
      locale={{ emptyText: t('members.seats.none') }}
      columns={[
        {
          key: 'organization',
          title: t('members.fields.organization'),
          render: (_, s) => (
            <Link to={`/organizations/${s.organizationId}?tab=committee`}>{s.organizationName}</Link>
          ),
        },
        { key: 'term', title: t('members.seats.term'), dataIndex: 'termName', width: 140 },
        {
          key: 'position',
          title: t('members.seats.position'),
          render: (_, s) => labels.position(s.position),
        },
      ]}
    />
  );
}

export function AccountLine({ account }: { account: MemberDetail['account'] }) {
  const { t } = useTranslation();
  if (!account) return <Typography.Text type="secondary">{t('members.account.none')}</Typography.Text>;
  return (
    <Flex gap={6} align="center">
      <LinkOutlined aria-hidden />
      <Typography.Text>{t('members.account.linked', { username: account.username })}</Typography.Text>
    </Flex>
  );
}
