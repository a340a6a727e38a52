import { ORGANIZATION_LEVELS } from '@daihoi/core';
import { describe, expect, it } from 'vitest';
import {
  buildDemoTree,
  DEMO_REFERENCE_DATE,
  type DemoOrganization,
  demoAccounts,
  demoTree,
  flattenDemoTree,
} from './dataset.ts';

const flat = flattenDemoTree();
const byCode = new Map(flat.map((entry) => [entry.org.code, entry]));
const rank = (org: DemoOrganization) => ORGANIZATION_LEVELS.indexOf(org.level);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dayAfter = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const bloc = byCode.get('NA-DUK')!.org;

describe('demo dataset', () => {
  it('is deterministic', () => {
    expect(buildDemoTree()).toEqual(demoTree);
  });

  it('has unique ASCII uppercase codes of at most 40 characters, each extending its parent code', () => {
    const codes = flat.map((entry) => entry.org.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { org, parentCode } of flat) {
      expect(org.code).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);
      expect(org.code.length).toBeLessThanOrEqual(40);
      if (parentCode) expect(org.code.startsWith(`${parentCode}-`)).toBe(true);
    }
  });

  it('is rooted at the provincial organization of Nghệ An with four upper-grassroots organizations', () => {
    expect(demoTree).toMatchObject({
      code: 'NA',
      name: 'Đảng bộ tỉnh Nghệ An',
      level: 'provincial',
      issuerCode: 'TU',
    });
    expect(demoTree.children.map((child) => [child.name, child.level, child.kind, child.issuerCode])).toEqual(
      [
        ['Đảng bộ Khối Các cơ quan tỉnh', 'upper_grassroots', 'provincial_bloc', 'ĐUK'],
        ['Đảng bộ Khối Doanh nghiệp tỉnh', 'upper_grassroots', 'provincial_bloc', 'ĐUK'],
        ['Đảng bộ thành phố Vinh', 'upper_grassroots', 'district_organization', 'ThU'],
        ['Đảng bộ huyện Nghi Lộc', 'upper_grassroots', 'district_organization', 'HU'],
      ],
    );
    for (const upper of demoTree.children) {
      if (upper !== bloc) expect(upper.children.length).toBeGreaterThanOrEqual(4);
      if (upper !== bloc) expect(upper.children.length).toBeLessThanOrEqual(8);
    }
  });

  it('has about forty grassroots organizations under the bloc, both đảng bộ and chi bộ cơ sở', () => {
    expect(bloc.children.length).toBeGreaterThanOrEqual(35);
    expect(bloc.children.length).toBeLessThanOrEqual(45);
    for (const child of bloc.children) expect(child.level).toBe('grassroots');
    const kinds = bloc.children.map((child) => child.kind);
    expect(kinds.filter((kind) => kind === 'grassroots_organization').length).toBeGreaterThanOrEqual(15);
    expect(kinds.filter((kind) => kind === 'grassroots_cell').length).toBeGreaterThanOrEqual(8);
    expect(new Set(kinds)).toEqual(new Set(['grassroots_organization', 'grassroots_cell']));
  });

  it('gives each đảng bộ cơ sở 1–6 units below it and each chi bộ cơ sở none', () => {
    for (const { org } of flat) {
      const cellsBelow = flattenDemoTree(org).filter((entry) => entry.org.kind === 'subordinate_cell').length;
      if (org.kind === 'grassroots_organization' || org.kind === 'sub_grassroots_organization') {
        expect(org.children.length, org.code).toBeGreaterThanOrEqual(1);
        expect(org.children.length, org.code).toBeLessThanOrEqual(6);
        expect(cellsBelow, org.code).toBeGreaterThanOrEqual(1);
        expect(cellsBelow, org.code).toBeLessThanOrEqual(6);
        for (const child of org.children) {
          expect(['subordinate_cell', 'sub_grassroots_organization']).toContain(child.kind);
        }
      }
      if (org.kind === 'grassroots_cell' || org.kind === 'subordinate_cell') expect(org.children).toEqual([]);
    }
  });

  it('has one or two đảng bộ bộ phận under the bloc, with cells under them', () => {
    const subs = flattenDemoTree(bloc).filter((entry) => entry.org.level === 'sub_grassroots');
    expect(subs.length).toBeGreaterThanOrEqual(1);
    expect(subs.length).toBeLessThanOrEqual(2);
    for (const { org, parentCode } of subs) {
      expect(byCode.get(parentCode!)!.org.kind).toBe('grassroots_organization');
      expect(org.children.length).toBeGreaterThan(0);
    }
  });

  it('pairs each kind with its level and each level with an issuer code', () => {
    const levelOfKind: Record<string, string> = {
      provincial_organization: 'provincial',
      provincial_bloc: 'upper_grassroots',
      district_organization: 'upper_grassroots',
      armed_forces_organization: 'upper_grassroots',
      grassroots_organization: 'grassroots',
      grassroots_cell: 'grassroots',
      sub_grassroots_organization: 'sub_grassroots',
      subordinate_cell: 'cell',
    };
    for (const { org } of flat) {
      expect(levelOfKind[org.kind], org.code).toBe(org.level);
      // A cell numbers its own resolutions and reports too, as "01-NQ/CB".
      if (org.level === 'cell') expect(org.issuerCode).toBe('CB');
      else expect(org.issuerCode, org.code).toMatch(/^\S+$/);
      expect(org.name.startsWith(org.kind.includes('cell') ? 'Chi bộ ' : 'Đảng bộ '), org.name).toBe(true);
      expect(org.placeName.length).toBeGreaterThan(0);
    }
  });

  it('has levels strictly descending along every edge', () => {
    for (const { org, parentCode } of flat) {
      if (parentCode === null) continue;
      expect(rank(org), org.code).toBeGreaterThan(rank(byCode.get(parentCode)!.org));
    }
  });

  it('gives every organization the 2015–2020 and 2020–2025 terms, back to back', () => {
    for (const { org } of flat) {
      expect(
        org.terms.map((term) => term.name),
        org.code,
      ).toEqual(['2015–2020', '2020–2025']);
      for (const term of org.terms) {
        expect(term.startsOn).toMatch(isoDate);
        expect(term.endsOn).toMatch(isoDate);
        expect(term.startsOn < term.endsOn, org.code).toBe(true);
        expect(term.startsOn.slice(0, 4)).toBe(term.name.slice(0, 4));
        expect(term.endsOn.slice(0, 4)).toBe(term.name.slice(5, 9));
      }
      const [first, second] = org.terms as [(typeof org.terms)[0], (typeof org.terms)[0]];
      expect(first.endsOn < second.startsOn, org.code).toBe(true);
      expect(dayAfter(first.endsOn)).toBe(second.startsOn);
      expect(first.startsOn <= DEMO_REFERENCE_DATE && DEMO_REFERENCE_DATE <= first.endsOn).toBe(true);
      expect(second.startsOn > DEMO_REFERENCE_DATE).toBe(true);
    }
  });

  it('holds the congresses of lower levels first, within the 2020 waves', () => {
    for (const { org, parentCode } of flat) {
      if (parentCode !== null) {
        const parent = byCode.get(parentCode)!.org;
        for (const index of [0, 1]) {
          expect(org.terms[index]!.startsOn < parent.terms[index]!.startsOn, org.code).toBe(true);
        }
      }
      const upcoming = org.terms[1]!.startsOn;
      if (org.level === 'grassroots' || org.level === 'sub_grassroots' || org.level === 'cell') {
        expect(upcoming >= '2020-04-01' && upcoming <= '2020-07-01', org.code).toBe(true);
      }
      if (org.level === 'upper_grassroots') expect(upcoming <= '2020-09-01').toBe(true);
    }
  });

  it('has founding dates before the 2015 congresses', () => {
    for (const { org } of flat) {
      expect(org.foundedOn, org.code).toMatch(isoDate);
      expect(org.foundedOn! >= '1930-02-03', org.code).toBe(true);
      expect(org.foundedOn! < org.terms[0]!.startsOn, org.code).toBe(true);
    }
  });

  it('has accounts whose organizations exist', () => {
    const usernames = demoAccounts.map((account) => account.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(usernames).toEqual(
      expect.arrayContaining([
        'admin',
        'vanphong',
        'bithu',
        'bithu.stc',
        'kiemtra',
        'dangvien',
        'vanphong.tu',
      ]),
    );
    for (const account of demoAccounts) {
      expect(account.roles.length).toBeGreaterThan(0);
      for (const { role, organizationCode } of account.roles) {
        if (role === 'admin') expect(organizationCode).toBeNull();
        else expect(byCode.has(organizationCode!), `${account.username} → ${organizationCode}`).toBe(true);
      }
    }
    const dangvien = demoAccounts.find((account) => account.username === 'dangvien')!;
    const cell = byCode.get(dangvien.roles[0]!.organizationCode!)!;
    expect(cell.org.kind).toBe('subordinate_cell');
    expect(cell.parentCode).toBe('NA-DUK-STC');
  });

  it('flattens parents before children, with depths', () => {
    const seen = new Map<string, number>();
    for (const [index, { org, parentCode, depth }] of flat.entries()) {
      if (parentCode === null) {
        expect(index).toBe(0);
        expect(depth).toBe(0);
      } else {
        expect(seen.has(parentCode), org.code).toBe(true);
        expect(depth).toBe(seen.get(parentCode)! + 1);
      }
      seen.set(org.code, depth);
    }
    const count = (org: DemoOrganization): number => 1 + org.children.reduce((sum, c) => sum + count(c), 0);
    expect(flat.length).toBe(count(demoTree));
    expect(flattenDemoTree(bloc)[0]).toEqual({ org: bloc, parentCode: null, depth: 0 });
  });
});
