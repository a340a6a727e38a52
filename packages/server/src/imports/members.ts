import {
  addDays,
  foldVietnamese,
  type Gender,
  isIsoDate,
  MEMBER_RECORD_FIELDS,
  MEMBER_STATUS_LABELS_VI,
  type MemberRecord,
  type MemberStatus,
  parseDateVi,
  THEORY_LEVEL_LABELS_VI,
  type TheoryLevel,
  validateMember,
  vietnameseNameSortKey,
} from '@daihoi/core';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { can, reachCondition } from '../auth/policy.js';
import type { DbOrTx, Tx } from '../db/client.js';
import { newId } from '../db/columns.js';
import { MESSAGES } from '../http/errors.js';
import { members } from '../modules/members/tables.js';
import { organizations } from '../modules/organizations/tables.js';
import {
  type Classification,
  type CommitRow,
  type ImportColumn,
  type Importer,
  type JobContext,
  type ParseContext,
  type ParsedRow,
  type ParseResult,
  type RowError,
  staleImport,
} from './pipeline.js';

/**
 * The members importer: one row per party member, the card number as the key (re-importing a file changes
 * nothing). A member without a card yet (probationary) is recognised by full name and date of birth within
 * the organization chosen for the import.
 */

/** The stored fields an import fills. */
type MemberFields = MemberRecord;
type FieldKey = keyof MemberFields;

/**
 * A row as parsed (only the columns the file has; `status` null: to be inferred), then as classified (every
 * field, the organization resolved, and for a changed row the version it was compared with).
 */
export type MemberImportRow = Partial<Omit<MemberFields, 'status'>> & {
  status?: MemberStatus | null;
  organizationCode?: string | null;
  organizationId?: string;
  version?: number;
};

const FIELD_KEYS: readonly FieldKey[] = MEMBER_RECORD_FIELDS;

const statusHelp = [
  'Dự bị',
  'Chính thức',
  MEMBER_STATUS_LABELS_VI.deceased.replace('Đã ', ''),
  MEMBER_STATUS_LABELS_VI.left.replace('Đã ', ''),
].join(', ');

export const MEMBER_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'fullName',
    header: 'Họ và tên',
    required: true,
    example: 'Nguyễn Thị Lan',
    help: 'Họ, tên đệm và tên, có dấu (2–100 ký tự).',
  },
  { key: 'gender', header: 'Giới tính', required: true, example: 'Nữ', help: 'Nam hoặc Nữ.' },
  {
    key: 'birthDate',
    header: 'Ngày sinh',
    required: true,
    example: '02/03/1980',
    help: 'Ngày/tháng/năm, ví dụ 02/03/1980.',
    format: 'date',
  },
  {
    key: 'ethnicity',
    header: 'Dân tộc',
    required: false,
    example: 'Kinh',
    help: 'Ví dụ: Kinh, Thái, Mường.',
  },
  {
    key: 'hometown',
    header: 'Quê quán',
    required: false,
    example: 'Xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An',
    help: 'Xã/phường, huyện/quận, tỉnh/thành phố.',
  },
  {
    key: 'cardNumber',
    header: 'Số thẻ đảng viên',
    required: true,
    example: '52012345',
    help: 'Chỉ gồm chữ số (6–12 chữ số), là khóa nhận biết đảng viên: nhập lại cùng số thẻ sẽ cập nhật hồ sơ đã có, không tạo hồ sơ mới. Để trống nếu đảng viên dự bị chưa có thẻ; khi đó hồ sơ được nhận biết theo họ tên và ngày sinh.',
    format: 'text',
  },
  {
    key: 'admittedOn',
    header: 'Ngày vào Đảng',
    required: true,
    example: '19/05/2005',
    help: 'Ngày/tháng/năm kết nạp; người vào Đảng phải từ đủ 18 tuổi.',
    format: 'date',
  },
  {
    key: 'fullMemberOn',
    header: 'Ngày chính thức',
    required: false,
    example: '19/05/2006',
    help: 'Ngày/tháng/năm được công nhận đảng viên chính thức, sau ngày vào Đảng. Bắt buộc với đảng viên chính thức.',
    format: 'date',
  },
  {
    key: 'status',
    header: 'Trạng thái',
    required: false,
    example: 'Chính thức',
    help: `Một trong: ${statusHelp}. Để trống: Chính thức nếu có ngày chính thức, ngược lại Dự bị. Chuyển sinh hoạt ra ngoài phải làm bằng thủ tục chuyển sinh hoạt, không qua nhập tệp.`,
  },
  {
    key: 'educationLevel',
    header: 'Trình độ học vấn',
    required: false,
    example: 'Đại học',
    help: 'Ví dụ: 12/12, Đại học, Thạc sĩ.',
  },
  {
    key: 'theoryLevel',
    header: 'Lý luận chính trị',
    required: false,
    example: 'Trung cấp',
    help: `Một trong: ${Object.values(THEORY_LEVEL_LABELS_VI).join(', ')}; để trống nếu chưa có.`,
  },
  {
    key: 'jobTitle',
    header: 'Chức vụ',
    required: false,
    example: 'Chuyên viên',
    help: 'Chức vụ chính quyền hoặc đoàn thể.',
  },
  {
    key: 'employer',
    header: 'Đơn vị công tác',
    required: false,
    example: 'Sở Tài chính tỉnh Nghệ An',
    help: 'Cơ quan, đơn vị nơi đảng viên làm việc.',
  },
  {
    key: 'phone',
    header: 'Điện thoại',
    required: false,
    example: '0912345678',
    help: 'Chữ số, có thể có dấu cách, dấu chấm, gạch ngang, dấu + ở đầu.',
    format: 'text',
  },
  {
    key: 'email',
    header: 'Email',
    required: false,
    example: 'lan.nt@example.vn',
    help: 'Địa chỉ thư điện tử.',
  },
  {
    key: 'organizationCode',
    header: 'Mã tổ chức',
    required: false,
    example: 'NA-DUK-STC-CB02',
    help: 'Mã của chi bộ hoặc tổ chức đảng nơi đảng viên sinh hoạt; phải thuộc tổ chức đã chọn khi tải lên (hoặc chính tổ chức đó). Để trống: tổ chức đã chọn.',
  },
];

const LABEL: Record<string, string> = Object.fromEntries(MEMBER_COLUMNS.map((c) => [c.key, c.header]));

// ---------------------------------------------------------------------------------------------------
// Cells

const TEXT_LIMITS: Partial<Record<FieldKey, number>> = {
  ethnicity: 50,
  hometown: 200,
  educationLevel: 100,
  jobTitle: 200,
  employer: 200,
  phone: 30,
  email: 200,
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 .()-]{4,29}$/;
const ORG_CODE = /^[A-Za-z0-9._-]{1,40}$/;

const fold = (s: string) => foldVietnamese(s).replace(/[.]/g, '').trim();

const GENDER_WORDS: Record<string, Gender> = { nam: 'male', male: 'male', nu: 'female', female: 'female' };

const STATUS_WORDS: Record<string, MemberStatus> = {
  'du bi': 'probationary',
  probationary: 'probationary',
  'chinh thuc': 'full',
  full: 'full',
  'chuyen sinh hoat ra ngoai': 'transferred_out',
  transferred_out: 'transferred_out',
  'tu tran': 'deceased',
  mat: 'deceased',
  deceased: 'deceased',
  'ra khoi dang': 'left',
  left: 'left',
};
/** "Đảng viên dự bị", "Dự bị", "Đã từ trần", "Từ trần"… */
function parseStatus(text: string): MemberStatus | undefined {
  const words = fold(text)
    .replace(/^dang vien /, '')
    .replace(/^da /, '');
  return STATUS_WORDS[words] ?? STATUS_WORDS[text.trim()];
}

const THEORY_WORDS: Record<string, TheoryLevel> = Object.fromEntries(
  Object.entries(THEORY_LEVEL_LABELS_VI).flatMap(([code, label]) => [
    [fold(label), code as TheoryLevel],
    [code, code as TheoryLevel],
  ]),
);

const DATE_SERIAL = /^\d{1,7}(\.\d+)?$/;
/** 18/05/1927 and 31/12/9999 as Excel serials. */
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 2_958_465;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const pad2 = (s: string) => s.padStart(2, '0');

/**
 * A date cell: dd/mm/yyyy (also with "-" or "."), yyyy-mm-dd, or an Excel serial number (a date cell read
 * as its number). The reason it is not a date otherwise.
 */
export function parseDateCell(text: string): { iso: string } | { error: string } {
  const example = 'hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/02/1980';
  const vi = parseDateVi(text);
  if (vi) return { iso: vi };
  const iso = ISO.exec(text);
  if (iso) {
    const value = `${iso[1]}-${pad2(iso[2]!)}-${pad2(iso[3]!)}`;
    if (isIsoDate(value)) return { iso: value };
    return { error: `«${text}» không phải là ngày có thật; ${example}.` };
  }
  if (DATE_SERIAL.test(text)) {
    const serial = Math.floor(Number(text));
    // A four-digit number in a date column is a year written alone, not a date.
    if (/^\d{4}$/.test(text) && serial >= 1800 && serial <= 2200)
      return { error: `«${text}» mới là năm, chưa đủ ngày và tháng; ${example}.` };
    // A date cell read as its number: Excel counts days from 30/12/1899. Smaller numbers (before 1927)
    // are typing slips rather than dates.
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) return { iso: addDays('1899-12-30', serial) };
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text))
    return { error: `«${text}» không phải là ngày có thật; ${example}.` };
  return { error: `«${text}» không phải là ngày; ${example}.` };
}

// ---------------------------------------------------------------------------------------------------
// State across the file

interface KnownOrg {
  id: string;
  path: string;
  code: string;
  name: string;
  archived: boolean;
}

interface MemberState {
  /** Card number → the first row holding it. */
  cards: Map<string, number>;
  /** Name and birth date (no card) → the first row. */
  people: Map<string, number>;
  /** Stored members already matched → the row that matched them. */
  targets: Map<string, number>;
  /** Organization code → the organization (null: no such code). */
  orgs: Map<string, KnownOrg | null>;
}

const personKey = (code: string | null | undefined, fullName: string, birthDate: string) =>
  `${code ?? ''}\u0001${fullName}\u0001${birthDate}`;

// ---------------------------------------------------------------------------------------------------
// Parsing

function parseMemberRow(
  raw: Readonly<Record<string, string>>,
  ctx: ParseContext<MemberState>,
): ParseResult<MemberImportRow> {
  const errors: RowError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const data: MemberImportRow = {};
  const has = (key: string) => ctx.present.has(key);
  const text = (key: string) => raw[key] ?? '';

  if (has('fullName')) data.fullName = text('fullName').replace(/\s+/g, ' ');
  if (has('cardNumber')) data.cardNumber = text('cardNumber') || null;
  if (has('gender')) {
    const value = text('gender');
    const gender = GENDER_WORDS[fold(value)];
    if (gender) data.gender = gender;
    else
      fail(
        'gender',
        value
          ? `«${value}» không phải giới tính hợp lệ; ghi Nam hoặc Nữ.`
          : 'Giới tính là bắt buộc: ghi Nam hoặc Nữ.',
      );
  }
  for (const key of ['birthDate', 'admittedOn', 'fullMemberOn'] as const) {
    if (!has(key)) continue;
    const value = text(key);
    if (value === '') {
      if (key === 'fullMemberOn') data.fullMemberOn = null;
      else fail(key, `${LABEL[key]} là bắt buộc.`);
      continue;
    }
    const parsed = parseDateCell(value);
    if ('iso' in parsed) data[key] = parsed.iso;
    else fail(key, parsed.error);
  }
  if (has('status')) {
    const value = text('status');
    if (value === '') data.status = null;
    else {
      const status = parseStatus(value);
      if (status) data.status = status;
      else fail('status', `«${value}» không phải trạng thái hợp lệ; ghi một trong: ${statusHelp}.`);
    }
  }
  if (has('theoryLevel')) {
    const value = text('theoryLevel');
    if (value === '') data.theoryLevel = null;
    else {
      const level = THEORY_WORDS[fold(value)];
      if (level) data.theoryLevel = level;
      else {
        const labels = Object.values(THEORY_LEVEL_LABELS_VI).join(', ');
        fail(
          'theoryLevel',
          `«${value}» không phải trình độ lý luận chính trị hợp lệ; ghi một trong: ${labels}, hoặc để trống.`,
        );
      }
    }
  }
  for (const key of [
    'ethnicity',
    'hometown',
    'educationLevel',
    'jobTitle',
    'employer',
    'phone',
    'email',
  ] as const) {
    if (!has(key)) continue;
    const value = text(key).replace(/\s+/g, ' ');
    const max = TEXT_LIMITS[key]!;
    if (value === '') data[key] = null;
    else if (value.length > max) fail(key, `${LABEL[key]} dài quá ${max} ký tự.`);
    else if (key === 'email' && !EMAIL.test(value))
      fail(key, `«${value}» không phải địa chỉ thư điện tử hợp lệ.`);
    else if (key === 'phone' && !PHONE.test(value))
      fail(
        key,
        `«${value}» không phải số điện thoại hợp lệ (chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, dấu + ở đầu).`,
      );
    else data[key] = value;
  }
  if (has('organizationCode')) {
    const value = text('organizationCode');
    if (value === '') data.organizationCode = null;
    else if (ORG_CODE.test(value)) data.organizationCode = value.toUpperCase();
    else
      fail(
        'organizationCode',
        `«${value}» không phải mã tổ chức hợp lệ (chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang).`,
      );
  }

  // The rule set, on what this row says (absent columns are checked once merged with the stored record).
  const failed = new Set(errors.map((e) => e.field));
  const rules = validateMember(
    {
      fullName: data.fullName ?? '',
      cardNumber: data.cardNumber ?? null,
      gender: data.gender ?? '',
      birthDate: data.birthDate ?? '',
      admittedOn: data.admittedOn ?? '',
      fullMemberOn: data.fullMemberOn ?? null,
      status: data.status ?? inferStatus(data.fullMemberOn),
    },
    ctx.today,
  );
  for (const e of rules.errors) {
    if (failed.has(e.field) || !has(e.field)) continue;
    // A status inferred from a blank cell is not the user's; a full-member date missing is theirs to add.
    if (e.field === 'status' && !data.status) continue;
    if (e.code === 'MEMBER_FULL_DATE_REQUIRED' && !has('fullMemberOn')) continue;
    fail(e.field, e.message);
  }

  // Duplicates inside the file: the first row stands, later ones are refused naming it.
  const card = data.cardNumber;
  if (card && !failed.has('cardNumber') && !errors.some((e) => e.field === 'cardNumber')) {
    const first = ctx.state.cards.get(card);
    if (first !== undefined)
      fail('cardNumber', `Số thẻ đảng viên «${card}» trùng với dòng ${first} của tệp.`);
    else ctx.state.cards.set(card, ctx.row);
  } else if (!card && data.fullName && data.birthDate) {
    const key = personKey(data.organizationCode, data.fullName, data.birthDate);
    const first = ctx.state.people.get(key);
    if (first !== undefined) {
      fail(
        'fullName',
        `Trùng họ tên và ngày sinh với dòng ${first} của tệp, cả hai đều chưa có số thẻ đảng viên; hãy ghi số thẻ để phân biệt, hoặc xóa dòng lặp.`,
      );
    } else ctx.state.people.set(key, ctx.row);
  }
  return errors.length > 0 ? { errors } : { data, errors };
}

const inferStatus = (fullMemberOn: string | null | undefined): MemberStatus =>
  fullMemberOn ? 'full' : 'probationary';

// ---------------------------------------------------------------------------------------------------
// Classifying

const storedColumns = {
  id: members.id,
  version: members.version,
  organizationId: members.organizationId,
  fullName: members.fullName,
  cardNumber: members.cardNumber,
  gender: members.gender,
  birthDate: members.birthDate,
  ethnicity: members.ethnicity,
  hometown: members.hometown,
  admittedOn: members.admittedOn,
  fullMemberOn: members.fullMemberOn,
  status: members.status,
  educationLevel: members.educationLevel,
  theoryLevel: members.theoryLevel,
  jobTitle: members.jobTitle,
  employer: members.employer,
  phone: members.phone,
  email: members.email,
  orgPath: organizations.path,
  orgName: organizations.name,
  orgCode: organizations.code,
};
type Stored = {
  id: string;
  version: number;
  organizationId: string;
  orgPath: string;
  orgName: string;
  orgCode: string;
} & MemberFields;

/** The organizations of the batch's codes, looked up once per file. */
async function resolveCodes(db: DbOrTx, codes: string[], state: MemberState) {
  const unknown = [...new Set(codes)].filter((c) => !state.orgs.has(c));
  if (unknown.length === 0) return;
  const rows = await db
    .select({
      id: organizations.id,
      path: organizations.path,
      code: organizations.code,
      name: organizations.name,
      archivedAt: organizations.archivedAt,
    })
    .from(organizations)
    .where(inArray(organizations.code, unknown));
  for (const code of unknown) state.orgs.set(code, null);
  for (const r of rows) state.orgs.set(r.code, { ...r, archived: r.archivedAt !== null });
}

async function storedByCard(db: DbOrTx, cards: string[]): Promise<Map<string, Stored>> {
  if (cards.length === 0) return new Map();
  const rows = (await db
    .select(storedColumns)
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(inArray(members.cardNumber, cards))) as Stored[];
  return new Map(rows.map((r) => [r.cardNumber!, r]));
}

/** Members within the import's subtree by (name, birth date), with or without a card. */
async function storedByPerson(db: DbOrTx, people: { fullName: string; birthDate: string }[], path: string) {
  const found = new Map<string, Stored[]>();
  if (people.length === 0) return found;
  // One JSON parameter rather than a tuple list: PGlite refuses long lists of row comparisons.
  const pairs = JSON.stringify(people.map((p) => ({ full_name: p.fullName, birth_date: p.birthDate })));
  const rows = (await db
    .select(storedColumns)
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(
      and(
        sql`${organizations.path} LIKE ${`${path}%`}`,
        sql`(${members.fullName}, ${members.birthDate}) IN (SELECT x.full_name, x.birth_date FROM jsonb_to_recordset(${pairs}::jsonb) AS x(full_name text, birth_date date))`,
      ),
    )) as Stored[];
  for (const r of rows) {
    const key = `${r.fullName}\u0001${r.birthDate}`;
    found.set(key, [...(found.get(key) ?? []), r]);
  }
  return found;
}

const inside = (ctx: JobContext, org: { id: string; path: string }) =>
  org.path.startsWith(ctx.organization.path) && can(ctx.actor, 'member.manage', org);

const outsideMessage = (ctx: JobContext, code: string) =>
  `Không có tổ chức mã «${code}» trong «${ctx.organization.name}» và các tổ chức trực thuộc.`;

async function classifyMembers(
  db: DbOrTx,
  rows: ParsedRow<MemberImportRow>[],
  ctx: ParseContext<MemberState>,
): Promise<Classification<MemberImportRow>[]> {
  const state = ctx.state;
  await resolveCodes(
    db,
    [
      ctx.organization.code,
      ...rows.flatMap((r) => (r.data.organizationCode ? [r.data.organizationCode] : [])),
    ],
    state,
  );
  const byCard = await storedByCard(
    db,
    rows.flatMap((r) => (r.data.cardNumber ? [r.data.cardNumber] : [])),
  );
  // Rows whose card is not stored (or who have none) may be a stored member found by name and birth date.
  const people = rows
    .filter(
      (r) => !(r.data.cardNumber && byCard.has(r.data.cardNumber)) && r.data.fullName && r.data.birthDate,
    )
    .map((r) => ({ fullName: r.data.fullName!, birthDate: r.data.birthDate! }));
  const namesakes = await storedByPerson(db, people, ctx.organization.path);

  return rows.map(({ row, data }) => {
    const reject = (field: string, message: string): Classification<MemberImportRow> => ({
      action: 'rejected',
      errors: [{ field, message }],
    });
    let org: KnownOrg | null = null;
    if (data.organizationCode) {
      org = state.orgs.get(data.organizationCode) ?? null;
      if (!org || !inside(ctx, org))
        return reject('organizationCode', outsideMessage(ctx, data.organizationCode));
    }

    let stored: Stored | undefined;
    if (data.cardNumber) stored = byCard.get(data.cardNumber);
    if (!stored && data.fullName && data.birthDate) {
      const same = (namesakes.get(`${data.fullName}\u0001${data.birthDate}`) ?? []).filter(
        (c) => !org || c.organizationId === org.id,
      );
      // A row without a card for someone recorded with one: the same person, most likely; never a second record.
      const carded = same.find((c) => c.cardNumber !== null);
      if (!data.cardNumber && carded) {
        return reject(
          'cardNumber',
          `Đã có đảng viên cùng họ tên và ngày sinh với số thẻ «${carded.cardNumber}» tại «${carded.orgName}»; hãy ghi số thẻ đó nếu là cùng một người.`,
        );
      }
      // A stored member still without a card: this row (with its card, if it has one now) is theirs.
      const candidates = same.filter((c) => c.cardNumber === null);
      if (candidates.length > 1) {
        return reject(
          'fullName',
          `Có ${candidates.length} đảng viên cùng họ tên và ngày sinh, chưa có số thẻ; hãy ghi số thẻ hoặc mã tổ chức để phân biệt.`,
        );
      }
      stored = candidates[0];
    }

    if (stored) {
      if (!inside(ctx, { id: stored.organizationId, path: stored.orgPath })) {
        return reject(
          'cardNumber',
          `Số thẻ đảng viên «${data.cardNumber}» đã thuộc về một đảng viên ngoài «${ctx.organization.name}»; không thể nhập đè hồ sơ đó.`,
        );
      }
      if (org && org.id !== stored.organizationId) {
        return reject(
          'organizationCode',
          `Đảng viên này đang sinh hoạt tại «${stored.orgName}» (mã ${stored.orgCode}); muốn chuyển sang «${org.name}» hãy làm thủ tục chuyển sinh hoạt đảng.`,
        );
      }
      const seen = state.targets.get(stored.id);
      if (seen !== undefined && seen !== row)
        return reject('fullName', `Dòng này và dòng ${seen} cùng là một đảng viên đã có trong hồ sơ.`);
      state.targets.set(stored.id, row);
      const merged = merge(data, stored);
      const same = FIELD_KEYS.every((k) => (merged[k] ?? null) === (stored[k] ?? null));
      if (same) return { action: 'unchanged', targetId: stored.id };
      const problems = ruleErrors(merged, ctx);
      if (merged.status === 'transferred_out' && stored.status !== 'transferred_out')
        problems.push({ field: 'status', message: MESSAGES.MEMBER_STATUS_VIA_TRANSFER });
      if (problems.length > 0) return { action: 'rejected', errors: problems };
      return {
        action: 'changed',
        targetId: stored.id,
        data: { ...merged, organizationId: stored.organizationId, version: stored.version },
      };
    }

    const target = org ?? state.orgs.get(ctx.organization.code);
    if (!target || !inside(ctx, target))
      return reject('organizationCode', outsideMessage(ctx, ctx.organization.code));
    if (target.archived) {
      return reject(
        'organizationCode',
        `«${target.name}» (mã ${target.code}) đã được lưu trữ, không nhận thêm đảng viên.`,
      );
    }
    const record = merge(data, null);
    const problems = ruleErrors(record, ctx);
    if (record.status === 'transferred_out')
      problems.push({ field: 'status', message: MESSAGES.MEMBER_STATUS_VIA_TRANSFER });
    if (problems.length > 0) return { action: 'rejected', errors: problems };
    return { action: 'new', data: { ...record, organizationId: target.id } };
  });
}

/** The row's values over the stored record's (a column the file lacks keeps the stored value). */
function merge(data: MemberImportRow, stored: Stored | null): MemberFields {
  const base: MemberFields = stored
    ? (Object.fromEntries(FIELD_KEYS.map((k) => [k, stored[k]])) as unknown as MemberFields)
    : {
        fullName: '',
        cardNumber: null,
        gender: 'male',
        birthDate: '',
        ethnicity: null,
        hometown: null,
        admittedOn: '',
        fullMemberOn: null,
        status: 'probationary',
        educationLevel: null,
        theoryLevel: null,
        jobTitle: null,
        employer: null,
        phone: null,
        email: null,
      };
  const merged = { ...base } as Record<FieldKey, unknown>;
  for (const k of FIELD_KEYS) {
    const v = data[k];
    if (v !== undefined && k !== 'status') merged[k] = v;
  }
  // A blank status cell (or none, for a new record) follows the full-member date.
  if (data.status) merged.status = data.status;
  else if (data.status === null || !stored) merged.status = inferStatus(merged.fullMemberOn as string | null);
  return merged as unknown as MemberFields;
}

function ruleErrors(record: MemberFields, ctx: JobContext): RowError[] {
  return validateMember({ ...record }, ctx.today).errors.map((e) => ({ field: e.field, message: e.message }));
}

// ---------------------------------------------------------------------------------------------------
// Writing

const RECORD_COLUMNS = sql.raw(`id uuid, version integer, organization_id uuid, full_name text, sort_key text,
  search_text text, card_number text, gender text, birth_date date, ethnicity text, hometown text,
  admitted_on date, full_member_on date, status text, education_level text, theory_level text, job_title text,
  employer text, phone text, email text`);

function recordJson(r: CommitRow<MemberImportRow>, id: string) {
  const d = r.data as MemberFields & { organizationId: string; version?: number };
  return {
    id,
    version: d.version ?? null,
    organization_id: d.organizationId,
    full_name: d.fullName,
    sort_key: vietnameseNameSortKey(d.fullName),
    search_text: foldVietnamese(`${d.fullName} ${d.cardNumber ?? ''}`),
    card_number: d.cardNumber,
    gender: d.gender,
    birth_date: d.birthDate,
    ethnicity: d.ethnicity,
    hometown: d.hometown,
    admitted_on: d.admittedOn,
    full_member_on: d.fullMemberOn,
    status: d.status,
    education_level: d.educationLevel,
    theory_level: d.theoryLevel,
    job_title: d.jobTitle,
    employer: d.employer,
    phone: d.phone,
    email: d.email,
  };
}

const rowsOf = (result: unknown) => (result as { rows: { id: string }[] }).rows;

/** The organizations a write may touch: inside the import's subtree, open, and still within the actor's reach. */
const writable = (ctx: JobContext): SQL =>
  sql`o.path LIKE ${`${ctx.organization.path}%`} AND o.archived_at IS NULL AND ${reachCondition(
    ctx.actor,
    'member.manage',
    sql`o.path`,
    sql`o.id`,
  )}`;

async function commitMembers(tx: Tx, rows: CommitRow<MemberImportRow>[], ctx: JobContext): Promise<void> {
  const created = rows.filter((r) => r.action === 'new');
  const changed = rows.filter((r) => r.action === 'changed');
  if (created.length > 0) {
    const json = JSON.stringify(created.map((r) => recordJson(r, newId())));
    const inserted = rowsOf(
      await tx.execute(sql`
        INSERT INTO members (id, organization_id, organization_path, full_name, sort_key, search_text, card_number,
          gender, birth_date, ethnicity, hometown, admitted_on, full_member_on, status, education_level,
          theory_level, job_title, employer, phone, email, is_leader, joined_organization_on, version,
          created_at, updated_at)
        SELECT x.id, x.organization_id, o.path, x.full_name, x.sort_key, x.search_text, x.card_number, x.gender,
          x.birth_date, x.ethnicity, x.hometown, x.admitted_on, x.full_member_on, x.status, x.education_level,
          x.theory_level, x.job_title, x.employer, x.phone, x.email, false, x.admitted_on, 1, ${ctx.now.toISOString()}::timestamptz, ${ctx.now.toISOString()}::timestamptz
          FROM jsonb_to_recordset(${json}::jsonb) AS x(${RECORD_COLUMNS})
          JOIN organizations o ON o.id = x.organization_id
         WHERE ${writable(ctx)}
        RETURNING id`),
    );
    if (inserted.length !== created.length) throw staleImport({ rows: created.length - inserted.length });
  }
  if (changed.length > 0) {
    const json = JSON.stringify(changed.map((r) => recordJson(r, r.targetId!)));
    const updated = rowsOf(
      await tx.execute(sql`
        UPDATE members AS m
           SET full_name = x.full_name, sort_key = x.sort_key, search_text = x.search_text,
               card_number = x.card_number, gender = x.gender, birth_date = x.birth_date,
               ethnicity = x.ethnicity, hometown = x.hometown, admitted_on = x.admitted_on,
               full_member_on = x.full_member_on, status = x.status, education_level = x.education_level,
               theory_level = x.theory_level, job_title = x.job_title, employer = x.employer, phone = x.phone,
               email = x.email, version = m.version + 1, updated_at = ${ctx.now.toISOString()}::timestamptz
          FROM jsonb_to_recordset(${json}::jsonb) AS x(${RECORD_COLUMNS}), organizations o
         WHERE m.id = x.id AND m.version = x.version AND o.id = m.organization_id AND ${writable(ctx)}
        RETURNING m.id`),
    );
    if (updated.length !== changed.length) throw staleImport({ rows: changed.length - updated.length });
  }
}

export const membersImporter: Importer<MemberImportRow, MemberState> = {
  kind: 'members',
  action: 'member.manage',
  auditAction: 'member.import',
  sheetName: 'Đảng viên',
  columns: MEMBER_COLUMNS,
  createState: () => ({ cards: new Map(), people: new Map(), targets: new Map(), orgs: new Map() }),
  parseRow: parseMemberRow,
  classify: classifyMembers,
  commit: commitMembers,
};
