import { EditOutlined, PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { canLinkMemberAccount, canManageMembers, readsMembers } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { AuditTable } from '../audit/AuditTable';
import { detailQuery } from '../organizations/api';
import { AccountLink } from './AccountLink';
import { type MemberDetail, memberQuery } from './api';
import { useMemberLabels } from './labels';
import { MemberForm } from './MemberForm';
import { MemberInfo, SeatsTable, TransferTimeline } from './MemberSections';
import { MemberWarnings, StatusTag } from './MembersTable';
import { TransferModal } from './TransferModal';
import { pendingTransfer } from './transfers';
import { readDraft } from './useMemberDraft';
import './members.css';

const MOVABLE = new Set(['probationary', 'full']);

function NotFound() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  return (
    <Card>
      <Result
        status="404"
        title={t('members.notFound')}
        subTitle={t('members.notFoundHint')}
        extra={
          readsMembers(session.roles) ? (
            <Link to="/members">
              <Button type="primary">{t('members.backToList')}</Button>
            </Link>
          ) : undefined
        }
      />
    </Card>
  );
}

function Crumbs({ current }: { current: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  // A member who reads only their own record has no list to go back to.
  if (!readsMembers(session.roles)) return null;
  return (
    <Breadcrumb
      className="dh-no-print"
      style={{ marginBottom: 8 }}
      items={[
        {
          key: 'list',
          title: <Link to="/members">{t('members.title')}</Link>,
        },
        { key: 'current', title: current },
      ]}
    />
  );
}

export function NewMemberPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  if (!canManageMembers(session.roles))
    return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Crumbs current={t('members.create')} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('members.createTitle')}
      </Typography.Title>
      <MemberForm
        mode="create"
        organizationId={params.get('organizationId') ?? undefined}
        onSaved={(m) => navigate(`/members/${m.id}`, { replace: true })}
        onCancel={() => navigate(-1)}
      />
    </Card>
  );
}

function Detail({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const org = useQuery({ ...detailQuery(member.organizationId), retry: false });
  const canManage = org.data ? canManageMembers(session.roles, org.data) : false;
  const [editing, setEditing] = useState(() => readDraft(session.user.id, member.id) !== null);
  const [transferring, setTransferring] = useState(false);
  const [tab, setTab] = useState('info');
  const pending = pendingTransfer(member.transfers);

  return (
    <Card size={isPhone ? 'small' : undefined} className="dh-print-card">
      <Crumbs current={member.fullName} />
      <Flex wrap justify="space-between" align="flex-start" gap={12}>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {member.fullName}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <StatusTag status={member.status} />
            <MemberWarnings member={member} />
            <Typography.Text type="secondary">{member.organizationName}</Typography.Text>
          </Flex>
        </Flex>
        {!editing && (
          <Flex gap={8} wrap className="dh-no-print">
            {canManage && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {canManage && MOVABLE.has(member.status) && !pending && (
              <Button icon={<SwapOutlined aria-hidden />} onClick={() => setTransferring(true)}>
                {t('members.transfer.open')}
              </Button>
            )}
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
              {t('members.print.record')}
            </Button>
          </Flex>
        )}
      </Flex>
      {member.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={member.warnings.map(labels.warning).join(' ')}
        />
      )}
      {pending && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('members.transfer.pendingNotice', {
            date: formatDate(pending.transferredOn),
            to: pending.toOrganization?.name ?? pending.destination ?? '',
          })}
        />
      )}
      {editing ? (
        <div style={{ marginTop: 16 }}>
          <MemberForm
            mode="edit"
            member={member}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : (
        <Tabs
          style={{ marginTop: 8 }}
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'info', label: t('members.tabs.info'), children: <MemberInfo member={member} /> },
            {
              key: 'transfers',
              label: `${t('members.tabs.transfers')} (${member.transfers.length})`,
              children: <TransferTimeline transfers={member.transfers} />,
            },
            {
              key: 'seats',
              label: `${t('members.tabs.seats')} (${member.committeeSeats.length})`,
              children: <SeatsTable seats={member.committeeSeats} />,
            },
            {
              key: 'account',
              label: t('members.tabs.account'),
              children: <AccountLink member={member} canLink={canLinkMemberAccount(session.roles)} />,
            },
            ...(readsMembers(session.roles)
              ? [
                  {
                    key: 'audit',
                    label: t('members.tabs.audit'),
                    children: <AuditTable filter={{ entity: 'member', entityId: member.id }} compact />,
                    destroyOnHidden: true,
                  },
                ]
              : []),
          ]}
        />
      )}
      {transferring && <TransferModal member={member} onClose={() => setTransferring(false)} />}
    </Card>
  );
}

export default function MemberDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, isPending, refetch } = useQuery(memberQuery(id));
  if (isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) return <NotFound />;
    return (
      <Card>
        <Result
          status="error"
          title={t('app.loadFailed')}
          subTitle={error.message}
          extra={<Button onClick={() => refetch()}>{t('app.retry')}</Button>}
        />
      </Card>
    );
  }
  return <Detail key={data.id} member={data} />;
}
