import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { listOrganizations, ORG_KEY } from '../organizations/api';
import type { OrgRef } from './api';

interface Common {
  id?: string;
  /** Only this organization and those under it; without it, every organization one may see. */
  under?: string;
  /** Labels for values already chosen, and the choices shown before typing when there is no `under`. */
  known?: readonly OrgRef[];
  disabled?: boolean;
  placeholder?: string;
  'aria-label'?: string;
}

type Props = Common &
  (
    | { mode: 'multiple'; value?: string[]; onChange?: (value: string[]) => void }
    | { mode?: undefined; value?: string | null; onChange?: (value: string | null) => void }
  );

/** Organizations of one subtree, searched by name or code (diacritics not needed). */
export function SubtreeOrganizationSelect(props: Props) {
  const { t } = useTranslation();
  const { under, known = [], mode, ...rest } = props;
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const labels = useRef(new Map<string, string>()).current;
  for (const o of known) if (!labels.has(o.id)) labels.set(o.id, o.name);
  const { data, isFetching } = useQuery({
    queryKey: [ORG_KEY, 'subtree-pick', under ?? null, q],
    queryFn: ({ signal }) => listOrganizations({ under, q: q || undefined, limit: 50 }, signal),
    enabled: Boolean(under) || q.length > 0,
  });
  const found = (data?.items ?? []).filter((o) => !o.archived);
  for (const o of found) labels.set(o.id, `${o.name} (${o.code})`);
  const chosen = mode === 'multiple' ? (props.value ?? []) : props.value ? [props.value] : [];
  const base = under || q ? found.map((o) => ({ value: o.id, label: `${o.name} (${o.code})` })) : [];
  const extra = [...known.map((o) => o.id), ...chosen]
    .filter((id, i, all) => all.indexOf(id) === i && !base.some((o) => o.value === id))
    .filter((id) => !q || chosen.includes(id))
    .map((id) => ({ value: id, label: labels.get(id) ?? id }));
  const options = [...base, ...extra];
  const common = {
    id: rest.id,
    disabled: rest.disabled,
    'aria-label': rest['aria-label'],
    allowClear: true,
    placeholder: rest.placeholder ?? t('dissemination.placeholders.searchOrganizations'),
    showSearch: { filterOption: false, onSearch: setSearch },
    options,
    labelRender: ({ value: v }: { value: string | number }) => labels.get(String(v)) ?? String(v),
    notFoundContent: isFetching ? <Spin size="small" /> : t('dissemination.placeholders.noOrganizations'),
    style: { width: '100%' },
  };
  if (props.mode === 'multiple') {
    const { onChange } = props;
    return (
      <Select
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(next: string[]) => {
          setSearch('');
          onChange?.(next);
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <Select
      {...common}
      value={props.value ?? undefined}
      onChange={(next: string | undefined) => {
        setSearch('');
        onChange?.(next ?? null);
      }}
    />
  );
}
