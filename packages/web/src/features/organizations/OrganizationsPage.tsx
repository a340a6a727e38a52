import { Card, Col, Empty, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SearchBox } from '../../app/SearchBox';
import { useDebounced } from '../../app/useDebounced';
import { OrganizationDetail } from './OrganizationDetail';
import { OrganizationSearchResults } from './OrganizationSearchResults';
import { OrganizationTree } from './OrganizationTree';

export default function OrganizationsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);

  return (
    <Row gutter={[16, 16]} align="top">
      <Col xs={24} lg={9} xxl={7}>
        <Card title={t('organizations.title')} size="small" styles={{ body: { padding: 12 } }}>
          <SearchBox
            label={t('organizations.search')}
            placeholder={t('organizations.searchPlaceholder')}
            value={search}
            onChange={setSearch}
            style={{ marginBottom: 12 }}
          />
          {q ? (
            <OrganizationSearchResults q={q} selectedId={id} onPick={() => setSearch('')} />
          ) : (
            <OrganizationTree selectedId={id} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15} xxl={17}>
        {id ? (
          <OrganizationDetail key={id} id={id} />
        ) : (
          <Card>
            <Empty description={t('organizations.pickOne')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
