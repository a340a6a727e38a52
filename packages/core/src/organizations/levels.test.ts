import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canContain,
  isKindAllowedAtLevel,
  isOrganizationKind,
  isOrganizationLevel,
  kindHoldsOrganizations,
  ORGANIZATION_KIND_LABELS_VI,
  ORGANIZATION_KINDS,
  ORGANIZATION_LEVEL_LABELS_VI,
  ORGANIZATION_LEVELS,
  type OrganizationLevel,
} from './levels.js';

const level = fc.constantFrom(...ORGANIZATION_LEVELS);
const rank = (l: OrganizationLevel) => ORGANIZATION_LEVELS.indexOf(l);

describe('organization levels and kinds', () => {
  it('lists the levels highest first', () => {
    expect(ORGANIZATION_LEVELS).toEqual([
      'central',
      'provincial',
      'upper_grassroots',
      'grassroots',
      'sub_grassroots',
      'cell',
    ]);
  });

  it('has unique kind codes, each at one or more known levels', () => {
    const codes = ORGANIZATION_KINDS.map((kind) => kind.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(11);
    for (const kind of ORGANIZATION_KINDS) {
      expect(kind.levels.length).toBeGreaterThan(0);
      expect(kind.levels.every(isOrganizationLevel)).toBe(true);
    }
  });

  it('places each kind at its level (GLOSSARY.md)', () => {
    expect(isKindAllowedAtLevel('central_committee', 'central')).toBe(true);
    expect(isKindAllowedAtLevel('provincial_organization', 'provincial')).toBe(true);
    expect(isKindAllowedAtLevel('central_bloc', 'provincial')).toBe(true);
    expect(isKindAllowedAtLevel('provincial_bloc', 'upper_grassroots')).toBe(true);
    expect(isKindAllowedAtLevel('provincial_bloc', 'grassroots')).toBe(false);
    expect(isKindAllowedAtLevel('district_organization', 'upper_grassroots')).toBe(true);
    expect(isKindAllowedAtLevel('armed_forces_organization', 'upper_grassroots')).toBe(true);
    expect(isKindAllowedAtLevel('grassroots_organization', 'grassroots')).toBe(true);
    expect(isKindAllowedAtLevel('grassroots_cell', 'grassroots')).toBe(true);
    expect(isKindAllowedAtLevel('grassroots_cell', 'cell')).toBe(false);
    expect(isKindAllowedAtLevel('sub_grassroots_organization', 'sub_grassroots')).toBe(true);
    expect(isKindAllowedAtLevel('subordinate_cell', 'cell')).toBe(true);
    expect(isKindAllowedAtLevel('subordinate_cell', 'grassroots')).toBe(false);
  });

  it('lets a commune or ward stand at grassroots level or directly under the province (since 1/7/2025)', () => {
    expect(isKindAllowedAtLevel('commune_organization', 'grassroots')).toBe(true);
    expect(isKindAllowedAtLevel('commune_organization', 'upper_grassroots')).toBe(true);
    expect(isKindAllowedAtLevel('commune_organization', 'provincial')).toBe(false);
    expect(canContain('provincial', 'grassroots')).toBe(true);
  });

  it('recognizes codes', () => {
    expect(isOrganizationKind('grassroots_cell')).toBe(true);
    expect(isOrganizationKind('toString')).toBe(false);
    expect(isOrganizationLevel('cell')).toBe(true);
    expect(isOrganizationLevel('district')).toBe(false);
  });
});

describe('canContain', () => {
  it('follows the ladder', () => {
    expect(canContain('central', 'provincial')).toBe(true);
    expect(canContain('central', 'upper_grassroots')).toBe(false);
    expect(canContain('provincial', 'upper_grassroots')).toBe(true);
    expect(canContain('provincial', 'cell')).toBe(false);
    expect(canContain('upper_grassroots', 'grassroots')).toBe(true);
    expect(canContain('upper_grassroots', 'sub_grassroots')).toBe(false);
    expect(canContain('upper_grassroots', 'cell')).toBe(false);
    expect(canContain('grassroots', 'sub_grassroots')).toBe(true);
    expect(canContain('grassroots', 'cell')).toBe(true);
    expect(canContain('sub_grassroots', 'cell')).toBe(true);
    expect(canContain('sub_grassroots', 'sub_grassroots')).toBe(false);
  });

  it('never lets a cell hold anything, nor a level hold its own or a higher level', () => {
    fc.assert(
      fc.property(level, level, (parent, child) => {
        if (canContain(parent, child)) expect(rank(child)).toBeGreaterThan(rank(parent));
        if (parent === 'cell') expect(canContain(parent, child)).toBe(false);
      }),
    );
  });

  it('gives every level below central a possible parent', () => {
    for (const child of ORGANIZATION_LEVELS.slice(1)) {
      expect(ORGANIZATION_LEVELS.some((parent) => canContain(parent, child))).toBe(true);
    }
  });

  it('knows which kinds hold no organizations', () => {
    const empty = ORGANIZATION_KINDS.filter((kind) => !kindHoldsOrganizations(kind.code)).map(
      (kind) => kind.code,
    );
    expect(empty).toEqual(['grassroots_cell', 'subordinate_cell']);
  });
});

describe('Vietnamese labels', () => {
  it('names every level and kind in full Vietnamese', () => {
    expect(Object.keys(ORGANIZATION_LEVEL_LABELS_VI).sort()).toEqual([...ORGANIZATION_LEVELS].sort());
    expect(Object.keys(ORGANIZATION_KIND_LABELS_VI).sort()).toEqual(
      ORGANIZATION_KINDS.map((k) => k.code).sort(),
    );
    expect(ORGANIZATION_LEVEL_LABELS_VI.upper_grassroots).toBe('Cấp trên cơ sở');
    expect(ORGANIZATION_KIND_LABELS_VI.sub_grassroots_organization).toBe('Đảng bộ bộ phận');
    expect(ORGANIZATION_KIND_LABELS_VI.grassroots_cell).toBe('Chi bộ cơ sở');
  });
});
