import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Member } from './api';
import {
  changedFields,
  changesFrom,
  clientErrors,
  createBody,
  DRAFT_MAX_AGE_MS,
  differsFrom,
  draftKey,
  draftToValues,
  memberToValues,
  parseDraft,
  serializeDraft,
  serverFieldMessages,
  toInput,
  valuesToDraft,
} from './form';

const member: Member = {
  id: 'm1',
  organizationId: 'o1',
  organizationName: 'Chi bộ 1',
  fullName: 'Nguyễn Thị Lan',
  cardNumber: '12345678',
  gender: 'female',
  birthDate: '1980-03-02',
  ethnicity: 'Kinh',
  hometown: null,
  admittedOn: '2005-05-19',
  fullMemberOn: '2006-05-19',
  status: 'full',
  educationLevel: null,
  theoryLevel: 'trung_cap',
  jobTitle: null,
  employer: null,
  phone: null,
  email: null,
  isLeader: false,
  joinedOrganizationOn: '2005-05-19',
  age: 40,
  warnings: [],
  version: 3,
  createdAt: '2020-01-01T00:00:00Z',
  updatedAt: '2020-01-01T00:00:00Z',
};

describe('member form values', () => {
  it('round-trip a stored record', () => {
    const input = toInput(memberToValues(member));
    expect(input).toMatchObject({
      organizationId: 'o1',
      fullName: 'Nguyễn Thị Lan',
      birthDate: '1980-03-02',
      fullMemberOn: '2006-05-19',
      hometown: null,
      theoryLevel: 'trung_cap',
    });
    expect(changedFields(member, input)).toEqual({});
  });

  it('send only the changed fields, trimmed, empty text as null', () => {
    const values = {
      ...memberToValues(member),
      fullName: '  Nguyễn   Thị Lan ',
      ethnicity: ' ',
      hometown: 'Nghệ An',
      fullMemberOn: null,
    };
    expect(changedFields(member, toInput(values))).toEqual({
      ethnicity: null,
      hometown: 'Nghệ An',
      fullMemberOn: null,
    });
  });

  it('leave the optional fields out of a new member', () => {
    const body = createBody({
      organizationId: 'o1',
      fullName: 'Lê Văn An',
      gender: 'male',
      birthDate: dayjs('1990-01-01'),
      admittedOn: dayjs('2015-02-03'),
      status: 'probationary',
      isLeader: false,
    });
    expect(body).toEqual({
      organizationId: 'o1',
      fullName: 'Lê Văn An',
      gender: 'male',
      birthDate: '1990-01-01',
      admittedOn: '2015-02-03',
      status: 'probationary',
      isLeader: false,
    });
  });

  it('check with the same rules as the server', () => {
    const values = memberToValues(member);
    expect(clientErrors(values, '2020-03-15')).toEqual([]);
    const young = clientErrors({ ...values, birthDate: dayjs('1990-01-01') }, '2020-03-15');
    expect(young.map((e) => [e.field, e.code])).toEqual([['admittedOn', 'MEMBER_TOO_YOUNG_AT_ADMISSION']]);
    const future = clientErrors({ ...values, fullMemberOn: dayjs('2021-01-01') }, '2020-03-15');
    expect(future.map((e) => e.field)).toEqual(['fullMemberOn']);
  });
});

describe('server errors on fields', () => {
  it('place the core errors and schema errors under their fields', () => {
    expect(
      serverFieldMessages('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', [
        { path: 'body.fullName', message: 'Quá ngắn' },
        { path: ['body', 'birthDate'] },
        { field: 'admittedOn', code: 'MEMBER_TOO_YOUNG_AT_ADMISSION', message: 'Mới 17 tuổi' },
        { path: 'body.unknownField', message: 'x' },
      ]),
    ).toEqual([
      { field: 'fullName', message: 'Quá ngắn' },
      { field: 'birthDate', message: 'Dữ liệu gửi lên không hợp lệ.' },
      { field: 'admittedOn', message: 'Mới 17 tuổi' },
    ]);
  });

  it('name the field from the code when the details do not', () => {
    expect(serverFieldMessages('MEMBER_CARD_TAKEN', 'Số thẻ đã được dùng.', undefined)).toEqual([
      { field: 'cardNumber', message: 'Số thẻ đã được dùng.' },
    ]);
    expect(serverFieldMessages('MEMBER_CARD_TAKEN', 'Trùng', { field: 'cardNumber' })).toEqual([
      { field: 'cardNumber', message: 'Trùng' },
    ]);
    expect(serverFieldMessages('FORBIDDEN', 'Không có quyền', undefined)).toEqual([]);
  });

  it('keep to the fields of the form at hand', () => {
    const fields = ['toOrganizationId', 'transferredOn'];
    expect(
      serverFieldMessages('X', 'm', [{ path: 'body.transferredOn', message: 'Ngày sai' }], fields, {}),
    ).toEqual([{ field: 'transferredOn', message: 'Ngày sai' }]);
    expect(serverFieldMessages('MEMBER_CARD_TAKEN', 'm', undefined, fields, {})).toEqual([]);
  });
});

describe('drafts', () => {
  const now = new Date('2020-03-15T03:00:00Z');

  it('are kept per user and per record', () => {
    expect(draftKey('u1', 'new')).not.toBe(draftKey('u2', 'new'));
    expect(draftKey('u1', 'm1')).not.toBe(draftKey('u1', 'new'));
  });

  it('survive serialization with their dates', () => {
    const values = { ...memberToValues(member), hometown: 'Nghệ An' };
    const text = serializeDraft(valuesToDraft(values), member.version, now);
    const draft = parseDraft(text, now);
    expect(draft?.baseVersion).toBe(3);
    expect(draft?.savedAt).toBe(now.toISOString());
    const restored = draftToValues(draft?.values ?? {});
    expect(restored.birthDate?.format('YYYY-MM-DD')).toBe('1980-03-02');
    expect(restored.hometown).toBe('Nghệ An');
    expect(toInput(restored)).toEqual(toInput(values));
  });

  it('are refused when unreadable, malformed or too old', () => {
    expect(parseDraft(null, now)).toBeNull();
    expect(parseDraft('{', now)).toBeNull();
    expect(parseDraft('{"savedAt":"x","values":{}}', now)).toBeNull();
    const old = new Date(now.getTime() - DRAFT_MAX_AGE_MS - 1000);
    expect(parseDraft(serializeDraft({ fullName: 'A' }, null, old), now)).toBeNull();
  });

  it('drop values of the wrong kind when restored', () => {
    const values = draftToValues({ gender: 'x', status: 'full', birthDate: '1980-02-30', isLeader: true });
    expect(values).toEqual({ gender: undefined, status: 'full', birthDate: null, isLeader: true });
  });

  it('keep only what the user changed, so a newer record shows through the rest', () => {
    const base = valuesToDraft(memberToValues(member));
    expect(differsFrom(base, base)).toBe(false);
    expect(differsFrom({ ...base, phone: '' }, base)).toBe(false);
    expect(differsFrom({ ...base, phone: '0912' }, base)).toBe(true);
    expect(changesFrom({ ...base, phone: '0912', hometown: '' }, base)).toEqual({ phone: '0912' });
    expect(changesFrom(valuesToDraft({ isLeader: false }), valuesToDraft({ isLeader: false }))).toEqual({});
    // Someone else changed the employer meanwhile: the restored draft brings only the phone.
    const newer = valuesToDraft(memberToValues({ ...member, employer: 'Sở Tài chính', version: 4 }));
    const restored = {
      ...draftToValues(newer),
      ...draftToValues(changesFrom({ ...base, phone: '0912' }, base)),
    };
    expect(toInput(restored)).toMatchObject({ employer: 'Sở Tài chính', phone: '0912' });
  });
});
