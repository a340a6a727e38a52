import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersFromSearch, filtersToQuery, filtersToSearch } from './filters';

const ORG = '01a23192-afd8-7a4f-9714-889711a69976';

describe('document filters', () => {
  it('read back from the URL what they wrote', () => {
    const filters = {
      q: '35-CT',
      organizationId: ORG,
      direction: 'incoming',
      type: 'CT',
      issuer: 'TW',
      year: 2019,
    } as const;
    expect(filtersFromSearch(new URLSearchParams(filtersToSearch(filters)))).toEqual(filters);
  });

  it('drop what the server would refuse', () => {
    expect(
      filtersFromSearch(new URLSearchParams('organizationId=abc&direction=sideways&type=XX&year=1800&q=%20')),
    ).toEqual({});
  });

  it('write issuer codes as numbers write them', () => {
    expect(filtersFromSearch(new URLSearchParams('issuer=%C4%91uk'))).toEqual({ issuer: 'ĐUK' });
    expect(filtersToQuery({ issuer: ' tw ' })).toEqual({ issuer: 'TW' });
  });

  it('count the filters beside the search text', () => {
    expect(activeFilterCount({ q: 'x', type: 'KH', year: 2020 })).toBe(2);
  });
});
