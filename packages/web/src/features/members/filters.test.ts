import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersFromSearch, filtersToQuery, filtersToSearch } from './filters';

const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('member filters', () => {
  it('read back what they write to the URL', () => {
    const filters = {
      q: 'nguyen thi lan',
      organizationId: ORG,
      status: 'probationary',
      gender: 'female',
      ageBand: '30_39',
      joinYear: 2015,
      isLeader: true,
    } as const;
    const search = new URLSearchParams(filtersToSearch(filters));
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it('drop values the server would refuse', () => {
    const search = new URLSearchParams({
      organizationId: 'not-a-uuid',
      status: 'expelled',
      gender: 'x',
      ageBand: '20_29',
      joinYear: '1492',
      isLeader: 'yes',
      q: '   ',
    });
    expect(filtersFromSearch(search)).toEqual({});
  });

  it('send only what is set, a leader filter as true', () => {
    expect(filtersToQuery({})).toEqual({});
    expect(filtersToQuery({ q: '  an ', isLeader: false, joinYear: 2001 })).toEqual({
      q: 'an',
      joinYear: 2001,
    });
    expect(filtersToQuery({ isLeader: true })).toEqual({ isLeader: true });
  });

  it('count the active filters besides the search text', () => {
    expect(activeFilterCount({ q: 'an' })).toBe(0);
    expect(activeFilterCount({ q: 'an', status: 'full', gender: 'male' })).toBe(2);
  });
});
