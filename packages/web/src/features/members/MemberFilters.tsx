import { FilterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Checkbox, Col, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../app/useMediaQuery';
import { detailQuery } from '../organizations/api';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { activeFilterCount, type MemberFilters, MIN_JOIN_YEAR } from './filters';
import { useMemberLabels } from './labels';

interface Props {
  filters: MemberFilters;
  onChange: (next: MemberFilters) => void;
  /** The business year: the last join year one can choose. */
  maxYear: number;
}

/** The label of an organization chosen before (from the URL): the select only knows what it searched. */
export function useOrganizationOption(id: string | undefined) {
  const { data } = useQuery({ ...detailQuery(id ?? ''), enabled: Boolean(id), retry: false });
  return id && data ? [{ value: id, label: `${data.name} (${data.code})` }] : [];
}

export function MemberFilterBar({ filters, onChange, maxYear }: Props) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const orgOptions = useOrganizationOption(filters.organizationId);
  const set = <K extends keyof MemberFilters>(key: K, value: MemberFilters[K] | null | undefined) =>
    onChange({ ...filters, [key]: value ?? undefined });
  const col = { xs: 24, sm: 12, lg: 6, xl: 4 };
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  const active = activeFilterCount(filters);

  // On a phone the filters wait behind one button, so the list starts near the top.
  if (isPhone && !open)
    return (
      <div className="dh-no-print" style={{ marginBottom: 12 }}>
        <Badge count={active} size="small">
          <Button icon={<FilterOutlined aria-hidden />} onClick={() => setOpen(true)} aria-expanded={false}>
            {t('members.filters.show')}
          </Button>
        </Badge>
      </div>
    );

  return (
    <Row gutter={[12, 12]} className="dh-no-print" style={{ marginBottom: 12 }}>
      <Col xs={24} lg={12} xl={8}>
        <OrganizationSelect
          aria-label={t('members.filters.organization')}
          value={filters.organizationId ?? null}
          initialOptions={orgOptions}
          onChange={(id) => set('organizationId', id)}
        />
      </Col>
      <Col {...col}>
        <Select
          aria-label={t('members.filters.status')}
          placeholder={t('members.filters.status')}
          allowClear
          value={filters.status}
          onChange={(v) => set('status', v)}
          options={labels.statusOptions}
          style={{ width: '100%' }}
        />
      </Col>
      <Col {...col}>
        <Select
          aria-label={t('members.filters.gender')}
          placeholder={t('members.filters.gender')}
          allowClear
          value={filters.gender}
          onChange={(v) => set('gender', v)}
          options={labels.genderOptions}
          style={{ width: '100%' }}
        />
      </Col>
      <Col {...col}>
        <Select
          aria-label={t('members.filters.ageBand')}
          placeholder={t('members.filters.ageBand')}
          allowClear
          value={filters.ageBand}
          onChange={(v) => set('ageBand', v)}
          options={labels.ageBandOptions}
          style={{ width: '100%' }}
        />
      </Col>
      <Col {...col}>
        <InputNumber
          aria-label={t('members.filters.joinYear')}
          placeholder={t('members.filters.joinYear')}
          min={MIN_JOIN_YEAR}
          max={maxYear}
          precision={0}
          value={filters.joinYear ?? null}
          onChange={(v) =>
            set('joinYear', typeof v === 'number' && v >= MIN_JOIN_YEAR && v <= maxYear ? v : undefined)
          }
          style={{ width: '100%' }}
        />
      </Col>
      <Col xs={24} sm={12} lg={12} xl={8} style={{ display: 'flex', alignItems: 'center' }}>
        <Checkbox
          checked={filters.isLeader === true}
          onChange={(e) => set('isLeader', e.target.checked || null)}
        >
          {t('members.filters.leadersOnly')}
        </Checkbox>
      </Col>
      {active > 0 && (
        <Col {...col}>
          <Button onClick={() => onChange(filters.q ? { q: filters.q } : {})}>
            {t('members.filters.clear')}
          </Button>
        </Col>
      )}
    </Row>
  );
}
