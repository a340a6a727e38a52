import { Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canVerifyAudit } from '../../app/permissions';
import { useRoles } from '../../app/session';
import { AuditTable } from './AuditTable';
import { VerifyButton } from './VerifyButton';

const ENTITIES = ['organization', 'term', 'user'] as const;

export default function AuditPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const [entity, setEntity] = useState<string | undefined>();
  return (
    <Card>
      <Flex wrap justify="space-between" align="flex-start" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        {canVerifyAudit(roles) && <VerifyButton />}
      </Flex>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="audit-entity">{t('audit.filterEntity')}</label>
        <Select
          id="audit-entity"
          allowClear
          value={entity}
          onChange={setEntity}
          placeholder={t('audit.allEntities')}
          style={{ minWidth: 200 }}
          options={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
        />
      </Flex>
      <AuditTable filter={entity ? { entity } : {}} />
    </Card>
  );
}
