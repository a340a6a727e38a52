import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { readsMembers } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { linkedMemberId } from './nav';

/** Lists and statistics are for roles that read a subtree; a member is pointed to their own record. */
export function RequireMemberReader({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (readsMembers(session.roles)) return children;
  const own = linkedMemberId(session.user);
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('members.readersOnly')}
      extra={
        own ? (
          <Link to={`/members/${own}`}>
            <Button type="primary">{t('nav.myRecord')}</Button>
          </Link>
        ) : undefined
      }
    />
  );
}
