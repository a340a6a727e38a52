import { describe, expect, it } from 'vitest';
import { childLevels, kindsForLevel } from './rules';

describe('organization form rules', () => {
  it('offers the levels core allows under a parent', () => {
    expect(childLevels({ level: 'upper_grassroots', kind: 'provincial_bloc' })).toEqual(['grassroots']);
    expect(childLevels({ level: 'grassroots', kind: 'grassroots_organization' })).toEqual([
      'sub_grassroots',
      'cell',
    ]);
  });

  it('offers nothing under a cell', () => {
    expect(childLevels({ level: 'cell', kind: 'subordinate_cell' })).toEqual([]);
    expect(childLevels({ level: 'grassroots', kind: 'grassroots_cell' })).toEqual([]);
  });

  it('offers the kinds of a level', () => {
    expect(kindsForLevel('cell')).toEqual(['subordinate_cell']);
    expect(kindsForLevel('grassroots')).toContain('grassroots_organization');
    expect(kindsForLevel(undefined)).toEqual([]);
  });
});
