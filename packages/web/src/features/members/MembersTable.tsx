import { CrownOutlined, WarningOutlined } from '@ant-design/icons';
import { Empty, Flex, Spin, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { useIsPhone } from '../../app/useMediaQuery';
import type { Member } from './api';
import { STATUS_COLORS, useMemberLabels } from './labels';

export function StatusTag({ status }: { status: string }) {
  const labels = useMemberLabels();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {labels.status(status)}
    </Tag>
  );
}

export function MemberWarnings({ member }: { member: Pick<Member, 'warnings'> }) {
  const labels = useMemberLabels();
  if (member.warnings.length === 0) return null;
  const text = member.warnings.map(labels.warning).join(' ');
  return (
    <Tooltip title={text}>
      <WarningOutlined role="img" aria-label={text} tabIndex={0} style={{ color: '#d46b08' }} />
    </Tooltip>
  );
}

function LeaderMark() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('members.fields.isLeader')}>
      <CrownOutlined role="img" aria-label={t('members.fields.isLeader')} style={{ color: '#a31d16' }} />
    </Tooltip>
  );
}

interface Props {
  members: Member[];
  loading: boolean;
  emptyText: string;
  /** Hide the organization column (inside an organization's own page). */
  hideOrganization?: boolean;
}

/** A phone's width holds no table: one short card per member. */
function MemberCards({ members, loading, emptyText, hideOrganization }: Props) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  if (loading) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (members.length === 0) return <Empty description={emptyText} />;
  return (
    <ol className="dh-result-list" aria-label={t('members.title')}>
      {members.map((m) => (
        <li key={m.id}>
          <Flex vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <Link to={`/members/${m.id}`} style={{ fontWeight: 600 }}>
                {m.fullName}
              </Link>
              {m.isLeader && <LeaderMark />}
              <MemberWarnings member={m} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {[
                labels.gender(m.gender),
                `${formatDate(m.birthDate)} (${t('members.ageYears', { count: m.age })})`,
                m.cardNumber,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
            <Flex gap={6} align="center" wrap>
              <StatusTag status={m.status} />
              {!hideOrganization && <span style={{ fontSize: 13 }}>{m.organizationName}</span>}
            </Flex>
          </Flex>
        </li>
      ))}
    </ol>
  );
}

function MembersWideTable({ members, loading, emptyText, hideOrganization }: Props) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const dash = t('common.empty');
  const columns: TableColumnsType<Member> = [
    {
      key: 'index',
      title: t('members.fields.index'),
      width: 52,
      align: 'right',
      render: (_, _m, i) => i + 1,
    },
    {
      key: 'fullName',
      title: t('members.fields.fullName'),
      width: 200,
      fixed: 'left',
      render: (_, m) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/members/${m.id}`}>{m.fullName}</Link>
          {m.isLeader && <LeaderMark />}
          <MemberWarnings member={m} />
        </Flex>
      ),
    },
    {
      key: 'gender',
      title: t('members.fields.gender'),
      width: 72,
      render: (_, m) => labels.gender(m.gender),
    },
    {
      key: 'birthDate',
      title: t('members.fields.birthDate'),
      width: 104,
      render: (_, m) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(m.birthDate)}</span>,
    },
    { key: 'age', title: t('members.fields.age'), width: 56, align: 'right', dataIndex: 'age' },
    {
      key: 'cardNumber',
      title: t('members.fields.cardNumber'),
      width: 122,
      render: (_, m) => <span style={{ whiteSpace: 'nowrap' }}>{m.cardNumber || dash}</span>,
    },
    {
      key: 'admittedOn',
      title: t('members.fields.admittedOn'),
      width: 110,
      render: (_, m) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(m.admittedOn)}</span>,
    },
    {
      key: 'status',
      title: t('members.fields.status'),
      width: 150,
      render: (_, m) => <StatusTag status={m.status} />,
    },
  ];
  if (!hideOrganization) {
    columns.push({
      key: 'organization',
      title: t('members.fields.organization'),
      render: (_, m) => <Link to={`/organizations/${m.organizationId}`}>{m.organizationName}</Link>,
    });
  }
  return (
    <Table<Member>
      className="dh-members-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={members}
      pagination={false}
      scroll={{ x: hideOrganization ? 880 : 1020 }}
      locale={{ emptyText }}
      columns={columns}
    />
  );
}

/** Members in the server's order (Vietnamese name order): a table, or cards on a phone. */
export function MembersTable(props: Props) {
  const isPhone = useIsPhone();
  return isPhone ? <MemberCards {...props} /> : <MembersWideTable {...props} />;
}
