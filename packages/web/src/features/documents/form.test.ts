import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import type { DocumentDetail } from './api';
import { changesFrom, createBody, detailToValues, duplicateOf, FORM_FIELDS, forForm, linksOf } from './form';

const ORG = '01a23192-afd8-7a4f-9714-889711a69976';
const TARGET = '01a23192-b000-7000-8000-000000000001';

const detail: DocumentDetail = {
  id: '01a23192-b000-7000-8000-000000000002',
  type: 'KH',
  typeName: 'Kế hoạch',
  number: '165-KH/ĐUK',
  issuerName: 'Đảng ủy Khối Các cơ quan tỉnh',
  issuedOn: '2019-10-31',
  summary: 'Thực hiện Quy định 08-QĐi/TW',
  organization: { id: ORG, name: 'Đảng bộ Khối Các cơ quan tỉnh' },
  direction: 'outgoing',
  sequence: 165,
  issuerCode: 'ĐUK',
  signer: 'Hồ Đức Thắng',
  signerPosition: 'Bí thư',
  version: 3,
  createdAt: '2019-10-31T02:00:00.000Z',
  updatedAt: '2019-10-31T02:00:00.000Z',
  body: 'I. MỤC ĐÍCH',
  recipients: '- Như trên,',
  links: [
    {
      kind: 'implements',
      direction: 'to',
      document: {
        id: TARGET,
        type: 'QĐi',
        typeName: 'Quy định',
        number: '08-QĐi/TW',
        issuerName: 'Ban Chấp hành Trung ương',
        issuedOn: '2018-10-25',
        summary: 'Trách nhiệm nêu gương',
      },
    },
    {
      kind: 'guides',
      direction: 'from',
      document: {
        id: '01a23192-b000-7000-8000-000000000003',
        type: 'HD',
        typeName: 'Hướng dẫn',
        number: '12-HD/ĐU',
        issuerName: 'Đảng ủy Sở Tài chính',
        issuedOn: '2019-11-05',
        summary: 'Hướng dẫn thực hiện',
      },
    },
  ],
  files: [],
  distribution: { total: 0, received: 0, reported: 0, late: 0 },
  abilities: { edit: true, distribute: true },
  senders: [{ id: 'org-1', name: 'Đảng bộ Khối Các cơ quan tỉnh' }],
};

describe('createBody', () => {
  it('sends an incoming document with the number typed and its issuer', () => {
    expect(
      createBody(
        {
          organizationId: ORG,
          type: 'CT',
          number: ' 35-CT/TW ',
          issuerName: 'Bộ Chính trị',
          issuedOn: dayjs('2019-05-30'),
          summary: ' Về đại hội đảng bộ các cấp ',
          signer: '',
          links: [{ kind: 'implements', target: null }],
        },
        'incoming',
      ),
    ).toEqual({
      organizationId: ORG,
      direction: 'incoming',
      type: 'CT',
      number: '35-CT/TW',
      issuerName: 'Bộ Chính trị',
      issuedOn: '2019-05-30',
      summary: 'Về đại hội đảng bộ các cấp',
    });
  });

  it('lets an outgoing document take the next number, or a reserved one', () => {
    const values = {
      organizationId: ORG,
      type: 'KH' as const,
      number: '99-KH/XX',
      issuerName: 'ignored',
      issuedOn: dayjs('2020-03-15'),
      summary: 'Kế hoạch',
      numberId: TARGET,
    };
    const next = createBody({ ...values, numbering: 'next' }, 'outgoing');
    expect(next).not.toHaveProperty('number');
    expect(next).not.toHaveProperty('numberId');
    expect(next).not.toHaveProperty('issuerName');
    expect(createBody({ ...values, numbering: 'reserved' }, 'outgoing').numberId).toBe(TARGET);
  });

  it('sends no number for a kind issued without one', () => {
    const body = createBody(
      { organizationId: ORG, type: 'TKG', number: '1-TKG/X', issuedOn: dayjs('2020-01-06'), summary: 'Thư' },
      'incoming',
    );
    expect(body).not.toHaveProperty('number');
  });
});

describe('changesFrom', () => {
  it('sends only what changed; an outgoing number never', () => {
    const base = detailToValues(detail);
    expect(changesFrom(base, base, 'outgoing')).toEqual({});
    const edited = {
      ...base,
      number: '166-KH/ĐUK',
      summary: 'Mới',
      signer: ' ',
      issuedOn: dayjs('2019-11-01'),
    };
    expect(changesFrom(edited, base, 'outgoing')).toEqual({
      summary: 'Mới',
      signer: null,
      issuedOn: '2019-11-01',
    });
  });

  it('keeps the links this document points to, and sends them whole when one changes', () => {
    const base = detailToValues(detail);
    expect(linksOf(base.links)).toEqual([{ targetId: TARGET, kind: 'implements' }]);
    const edited = {
      ...base,
      links: [...(base.links ?? []), { kind: 'amends' as const, target: { value: TARGET, label: 'x' } }],
    };
    expect(changesFrom(edited, base, 'outgoing').links).toEqual([
      { targetId: TARGET, kind: 'implements' },
      { targetId: TARGET, kind: 'amends' },
    ]);
  });
});

describe('forForm', () => {
  it('puts schema paths and coded refusals under the form’s fields', () => {
    const schema = forForm(
      new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', [
        { path: 'body.summary', message: 'Quá dài' },
        { path: 'body.links.0.targetId', message: 'Sai mã' },
      ]),
      FORM_FIELDS,
    ) as ApiError;
    expect(schema.fieldIssues).toEqual([
      { path: ['summary'], message: 'Quá dài' },
      { path: ['links'], message: 'Sai mã' },
    ]);
    const coded = forForm(
      new ApiError(409, 'DOCUMENT_DUPLICATE', 'Sổ văn bản đã có văn bản cùng số', { documentId: TARGET }),
      FORM_FIELDS,
    );
    expect((coded as ApiError).fieldIssues).toEqual([
      { path: ['number'], message: 'Sổ văn bản đã có văn bản cùng số' },
    ]);
    expect(duplicateOf(coded)).toBe(TARGET);
  });

  it('leaves other errors as they are', () => {
    const plain = new Error('x');
    expect(forForm(plain, FORM_FIELDS)).toBe(plain);
  });
});
