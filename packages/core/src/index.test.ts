import { describe, expect, it } from 'vitest';
import * as core from './index.js';

describe('@daihoi/core', () => {
  it('exports every public function and constant', () => {
    const names = [
      'foldVietnamese',
      'compareVietnameseNames',
      'compareVietnameseText',
      'vietnameseNameSortKey',
      'vietnameseTextSortKey',
      'isIsoDate',
      'formatDateVi',
      'parseDateVi',
      'formatDateLine',
      'addDays',
      'daysBetween',
      'compareIsoDates',
      'todayInVietnam',
      'ageOn',
      'ORGANIZATION_LEVELS',
      'ORGANIZATION_KINDS',
      'ORGANIZATION_CHILD_LEVELS',
      'ORGANIZATION_LEVEL_LABELS_VI',
      'ORGANIZATION_KIND_LABELS_VI',
      'ROLE_LABELS_VI',
      'isOrganizationLevel',
      'isOrganizationKind',
      'isKindAllowedAtLevel',
      'canContain',
      'kindHoldsOrganizations',
      'ROLES',
      'isRole',
      'PASSWORD_MIN_LENGTH',
      'PASSWORD_MAX_LENGTH',
      'validatePassword',
      'normalizeUsername',
      'isValidUsername',
    ];
    expect(Object.keys(core).sort()).toEqual(names.sort());
  });
});
