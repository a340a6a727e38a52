import { type DocumentTypeCode, foldVietnamese, formatDocumentNumber } from '@daihoi/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { newId } from '../db/columns.js';
import {
  disseminationSessions,
  sessionAttendance,
  sessionDocuments,
  sessionOrganizations,
  sessionProposals,
} from '../modules/dissemination/tables.js';
import {
  documentDistributions,
  documentLinks,
  documentNumbers,
  documentSequences,
  documents,
} from '../modules/documents/tables.js';
import { committeeSeats, members } from '../modules/members/tables.js';
import { committeeTerms, organizations } from '../modules/organizations/tables.js';
import { seededRandom } from './members.js';

type Orgs = ReadonlyMap<string, { id: string; path: string }>;

interface DemoDocument {
  key: string;
  register: string;
  direction: 'incoming' | 'outgoing';
  type: DocumentTypeCode;
  /** [sequence, issuer code]; none for a letter of appeal. */
  number: [number, string] | null;
  issuerName: string;
  issuedOn: string;
  summary: string;
  signer?: string;
  signerPosition?: string;
  body?: string;
  recipients?: string;
  links?: [string, 'implements' | 'guides' | 'amends' | 'replaces'][];
}

const PLAN_165_BODY = `I. MỤC ĐÍCH, YÊU CẦU

Lãnh đạo, chỉ đạo tổ chức thành công đại hội các tổ chức cơ sở đảng trực thuộc Đảng bộ Khối nhiệm kỳ 2020–2025, đúng Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị, Kế hoạch số 207-KH/TU ngày 12/8/2019 của Tỉnh ủy và Thông tri số 13-TT/TU của Ban Thường vụ Tỉnh ủy.

Đánh giá đúng thực chất kết quả thực hiện nghị quyết đại hội nhiệm kỳ 2015–2020; xác định phương hướng, mục tiêu, nhiệm vụ và giải pháp cho nhiệm kỳ 2020–2025.

II. NỘI DUNG, THỜI GIAN

Các tổ chức cơ sở đảng xây dựng kế hoạch đại hội, thành lập các tiểu ban phục vụ đại hội, rà soát quy hoạch cán bộ, chuẩn bị nhân sự, lập dự toán kinh phí và xây dựng báo cáo chính trị trên cơ sở đánh giá trung thực kết quả nhiệm kỳ.

Chi bộ trực thuộc đại hội xong trước ngày 31/3/2020; đảng bộ cơ sở đại hội xong trước ngày 30/6/2020.

III. TỔ CHỨC THỰC HIỆN

Văn phòng và Ban Tổ chức Đảng ủy Khối gửi các mẫu hướng dẫn chi tiết; các tổ chức cơ sở đảng báo cáo kế hoạch đại hội về Đảng ủy Khối trước ngày 15/12/2019.`;

/**
 * The documents of the demo: their numbers, dates and issuers are the real ones (RULES §0); the bloc's review
 * guidance and letter of appeal are the demo's own. The date of Thông tri 13-TT/TU could not be checked
 * against its text and is an approximation.
 */
const DOCUMENTS: DemoDocument[] = [
  {
    key: 'ct35',
    register: 'NA',
    direction: 'incoming',
    type: 'CT',
    number: [35, 'TW'],
    issuerName: 'Bộ Chính trị',
    issuedOn: '2019-05-30',
    summary: 'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
  },
  {
    key: 'qdi08',
    register: 'NA',
    direction: 'incoming',
    type: 'QĐi',
    number: [8, 'TW'],
    issuerName: 'Ban Chấp hành Trung ương',
    issuedOn: '2018-10-25',
    summary:
      'Quy định trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương',
  },
  {
    key: 'hd26',
    register: 'NA',
    direction: 'incoming',
    type: 'HD',
    number: [26, 'BTCTW'],
    issuerName: 'Ban Tổ chức Trung ương',
    issuedOn: '2019-10-18',
    summary:
      'Hướng dẫn một số vấn đề cụ thể thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp',
    links: [['ct35', 'guides']],
  },
  {
    key: 'kh207',
    register: 'NA',
    direction: 'outgoing',
    type: 'KH',
    number: [207, 'TU'],
    issuerName: 'Tỉnh ủy Nghệ An',
    issuedOn: '2019-08-12',
    summary:
      'Triển khai thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội XIII của Đảng',
    links: [['ct35', 'implements']],
  },
  {
    key: 'tt13',
    register: 'NA',
    direction: 'outgoing',
    type: 'TT',
    number: [13, 'TU'],
    issuerName: 'Ban Thường vụ Tỉnh ủy Nghệ An',
    issuedOn: '2019-09-05',
    summary:
      'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020–2025',
    links: [['ct35', 'implements']],
  },
  {
    key: 'kh165',
    register: 'NA-DUK',
    direction: 'outgoing',
    type: 'KH',
    number: [165, 'ĐUK'],
    issuerName: 'Đảng ủy Khối Các cơ quan tỉnh',
    issuedOn: '2019-10-31',
    summary:
      'Tổ chức đại hội các tổ chức cơ sở đảng trực thuộc Đảng bộ Khối Các cơ quan tỉnh, nhiệm kỳ 2020–2025',
    signer: 'Hồ Đức Thắng',
    signerPosition: 'Bí thư',
    body: PLAN_165_BODY,
    recipients:
      '- Ban Thường vụ Tỉnh ủy (để b/c)\n- Ban Tổ chức Tỉnh ủy (để b/c)\n- Các tổ chức cơ sở đảng trực thuộc\n- Lưu Văn phòng Đảng ủy Khối.',
    links: [
      ['ct35', 'implements'],
      ['kh207', 'implements'],
      ['tt13', 'implements'],
    ],
  },
  {
    key: 'hd12',
    register: 'NA-DUK',
    direction: 'outgoing',
    type: 'HD',
    number: [12, 'ĐUK'],
    issuerName: 'Đảng ủy Khối Các cơ quan tỉnh',
    issuedOn: '2019-11-05',
    summary: 'Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm 2019',
    signer: 'Hồ Đức Thắng',
    signerPosition: 'Bí thư',
  },
  {
    key: 'tkg',
    register: 'NA-DUK',
    direction: 'outgoing',
    type: 'TKG',
    number: null,
    issuerName: 'Đảng ủy Khối Các cơ quan tỉnh',
    issuedOn: '2020-01-10',
    summary: 'Thư kêu gọi ủng hộ xây dựng nhà ở cho hộ gia đình có hoàn cảnh đặc biệt khó khăn',
    signer: 'Hồ Đức Thắng',
    signerPosition: 'Bí thư',
  },
];

const at = (isoDate: string, time = '08:00') => new Date(`${isoDate}T${time}:00+07:00`);
const addDaysTo = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function insertDocuments(tx: Tx, orgs: Orgs): Promise<Map<string, string>> {
  const ids = new Map(DOCUMENTS.map((d) => [d.key, newId()]));
  const terms = await tx
    .select({ id: committeeTerms.id, organizationId: committeeTerms.organizationId })
    .from(committeeTerms)
    .where(eq(committeeTerms.name, '2015–2020'));
  const termOf = new Map(terms.map((t) => [t.organizationId, t.id]));
  for (const d of DOCUMENTS) {
    const organizationId = orgs.get(d.register)!.id;
    const number = d.number
      ? formatDocumentNumber({ sequence: d.number[0], type: d.type, issuer: d.number[1] })
      : null;
    const id = ids.get(d.key)!;
    let numberId: string | null = null;
    if (d.direction === 'outgoing' && d.number) {
      // The register starts mid-term: earlier numbers of the sequence were taken before it existed.
      const termId = termOf.get(organizationId)!;
      numberId = newId();
      await tx
        .insert(documentSequences)
        .values({
          issuerOrganizationId: organizationId,
          termId,
          sequenceKey: d.type,
          lastSequence: d.number[0],
        })
        .onConflictDoUpdate({
          target: [
            documentSequences.issuerOrganizationId,
            documentSequences.termId,
            documentSequences.sequenceKey,
          ],
          set: { lastSequence: sql`greatest(${documentSequences.lastSequence}, ${d.number[0]})` },
        });
      await tx.insert(documentNumbers).values({
        id: numberId,
        issuerOrganizationId: organizationId,
        termId,
        sequenceKey: d.type,
        type: d.type,
        sequence: d.number[0],
        number: number!,
        status: 'used',
        documentId: id,
        reservedAt: at(d.issuedOn),
      });
    }
    await tx.insert(documents).values({
      id,
      organizationId,
      direction: d.direction,
      type: d.type,
      sequence: d.number?.[0] ?? null,
      issuerCode: d.number?.[1] ?? null,
      number,
      issuerName: d.issuerName,
      issuedOn: d.issuedOn,
      issuedYear: Number(d.issuedOn.slice(0, 4)),
      summary: d.summary,
      signer: d.signer ?? null,
      signerPosition: d.signerPosition ?? null,
      body: d.body ?? null,
      recipients: d.recipients ?? null,
      numberId,
      searchText: foldVietnamese(`${number ?? ''} ${d.summary} ${d.issuerName}`),
      createdAt: at(d.issuedOn),
      updatedAt: at(d.issuedOn),
    });
  }
  const links = DOCUMENTS.flatMap((d) =>
    (d.links ?? []).map(([target, kind]) => ({
      documentId: ids.get(d.key)!,
      targetId: ids.get(target)!,
      kind,
    })),
  );
  await tx.insert(documentLinks).values(links);
  return ids;
}

const childrenOf = (tx: Tx, parentId: string) =>
  tx
    .select({ id: organizations.id, code: organizations.code, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.parentId, parentId));

/**
 * The province sends the directives down to its upper-grassroots committees; the bloc passes 35-CT/TW and
 * 13-TT/TU on, with its own plan and review guidance, to its grassroots organizations. Most have confirmed
 * receipt; about two in three have reported their own congress plan; the rest are late at the demo's date.
 */
async function insertDistributions(
  tx: Tx,
  orgs: Orgs,
  docs: Map<string, string>,
  grassroots: { id: string; code: string }[],
) {
  const province = orgs.get('NA')!.id;
  const bloc = orgs.get('NA-DUK')!.id;
  const uppers = ['NA-DUK', 'NA-DKDN', 'NA-VINH', 'NA-NGHILOC'].map((c) => orgs.get(c)!.id);
  const rows: (typeof documentDistributions.$inferInsert)[] = [];
  for (const key of ['ct35', 'qdi08', 'hd26', 'kh207', 'tt13']) {
    const doc = DOCUMENTS.find((d) => d.key === key)!;
    const sent = at(addDaysTo(doc.issuedOn, 3));
    for (const organizationId of uppers) {
      const reported = key === 'ct35' && organizationId === bloc;
      rows.push({
        id: newId(),
        documentId: docs.get(key)!,
        organizationId,
        senderOrganizationId: province,
        sentAt: sent,
        receivedAt: at(addDaysTo(doc.issuedOn, 4), '09:30'),
        ...(reported
          ? {
              reportNumber: '165-KH/ĐUK',
              reportDocumentId: docs.get('kh165')!,
              reportedAt: at('2019-10-31', '16:00'),
            }
          : {}),
      });
    }
  }
  for (const { id: organizationId, code } of grassroots) {
    const random = seededRandom(`${code}/distributions`);
    const received = random() < 0.9;
    const reported = received && random() < 0.66;
    const planNumber = formatDocumentNumber({
      sequence: 10 + Math.floor(random() * 50),
      type: 'KH',
      issuer: 'ĐU',
    });
    for (const key of ['ct35', 'tt13', 'kh165', 'hd12']) {
      const sentOn = key === 'hd12' ? '2019-11-06' : '2019-11-01';
      const plan = key === 'kh165';
      rows.push({
        id: newId(),
        documentId: docs.get(key)!,
        organizationId,
        senderOrganizationId: bloc,
        dueOn: plan ? '2019-12-15' : key === 'hd12' ? '2020-01-15' : null,
        sentAt: at(sentOn, '10:00'),
        ...(received ? { receivedAt: at(addDaysTo(sentOn, 1 + Math.floor(random() * 3)), '14:00') } : {}),
        ...(plan && reported
          ? {
              reportNumber: planNumber,
              reportNote: 'Đã ban hành kế hoạch đại hội',
              reportedAt: at('2019-12-10', '15:00'),
            }
          : {}),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 200)
    await tx.insert(documentDistributions).values(rows.slice(i, i + 200));
  return rows.length;
}

const ABSENCE_REASONS = ['Đi công tác', 'Ốm', 'Việc gia đình', 'Đi học'];

async function activeMembers(tx: Tx, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return tx
    .select({ id: members.id, organizationId: members.organizationId })
    .from(members)
    .where(
      and(
        inArray(members.organizationId, organizationIds),
        inArray(members.status, ['probationary', 'full']),
      ),
    );
}

function attendanceOf(
  memberIds: string[],
  sessionId: string,
  seed: string,
  presentShare: number,
  recordedAt: Date,
) {
  const random = seededRandom(seed);
  return memberIds.map((memberId) => {
    const present = random() < presentShare;
    return {
      sessionId,
      memberId,
      status: present ? 'present' : 'absent',
      reason: present ? null : ABSENCE_REASONS[Math.floor(random() * ABSENCE_REASONS.length)]!,
      recordedAt,
    };
  });
}

/**
 * The bloc's conference of the afternoon of 12/11/2019 on 35-CT/TW, 13-TT/TU, the review guidance and plan
 * 165: the grassroots secretaries and deputies attend. The cells of about two grassroots organizations in
 * three then hold their own sessions for all their members.
 */
async function insertConference(
  tx: Tx,
  orgs: Orgs,
  docs: Map<string, string>,
  grassroots: { id: string; code: string }[],
) {
  const bloc = orgs.get('NA-DUK')!.id;
  const id = newId();
  const studied = ['ct35', 'tt13', 'hd12', 'kh165'].map((k) => docs.get(k)!);
  await tx.insert(disseminationSessions).values({
    id,
    organizationId: bloc,
    title:
      'Hội nghị quán triệt Chỉ thị 35-CT/TW, Thông tri 13-TT/TU, Hướng dẫn kiểm điểm năm 2019 và Kế hoạch 165-KH/ĐUK',
    startsAt: at('2019-11-12', '14:00'),
    place: 'Hội trường Đảng ủy Khối Các cơ quan tỉnh, thành phố Vinh',
    chair: 'Đồng chí Hồ Đức Thắng, Bí thư Đảng ủy Khối',
    guests: 'Đại diện Ban Tổ chức Tỉnh ủy\nĐại diện Ban Tuyên giáo Tỉnh ủy',
    conclusions:
      'Các tổ chức cơ sở đảng xây dựng kế hoạch đại hội và báo cáo Đảng ủy Khối trước ngày 15/12/2019; chi bộ trực thuộc tổ chức quán triệt cho toàn thể đảng viên trong tháng 11/2019.',
    createdAt: at('2019-11-08'),
    updatedAt: at('2019-11-12', '17:30'),
  });
  await tx.insert(sessionDocuments).values(studied.map((documentId) => ({ sessionId: id, documentId })));
  await tx
    .insert(sessionOrganizations)
    .values(grassroots.map((g) => ({ sessionId: id, organizationId: g.id })));
  await tx.insert(sessionProposals).values([
    {
      sessionId: id,
      content:
        'Đề nghị sớm gửi mẫu báo cáo chính trị và mẫu dự toán kinh phí đại hội để các chi bộ chủ động chuẩn bị.',
      proposedBy: 'Đảng bộ Sở Tài chính',
      assignedTo: 'Văn phòng Đảng ủy Khối',
      answer: 'Văn phòng gửi bộ mẫu hướng dẫn kèm Kế hoạch 165-KH/ĐUK trong tuần.',
      answeredAt: at('2019-11-12', '16:45'),
    },
    {
      sessionId: id,
      content: 'Kiến nghị hướng dẫn cụ thể về tuổi tái cử cấp ủy đối với cán bộ sắp nghỉ hưu.',
      proposedBy: 'Đảng bộ Sở Xây dựng',
      assignedTo: 'Ban Tổ chức Đảng ủy Khối',
    },
  ]);
  const seats = await tx
    .select({ memberId: committeeSeats.memberId, organizationId: committeeSeats.organizationId })
    .from(committeeSeats)
    .innerJoin(committeeTerms, eq(committeeTerms.id, committeeSeats.termId))
    .where(
      and(
        eq(committeeTerms.name, '2015–2020'),
        inArray(committeeSeats.position, ['secretary', 'deputy_secretary']),
        inArray(
          committeeSeats.organizationId,
          grassroots.map((g) => g.id),
        ),
      ),
    );
  const delegates = [...new Set(seats.map((s) => s.memberId))];
  const rows = attendanceOf(delegates, id, 'conference/2019-11-12', 0.9, at('2019-11-12', '17:30'));
  return { id, studied, rows };
}

async function insertMakeups(
  tx: Tx,
  conference: { id: string; studied: string[] },
  grassroots: { id: string; code: string; kind: string }[],
) {
  const rows: ReturnType<typeof attendanceOf> = [];
  let sessions = 0;
  for (const g of grassroots) {
    if (g.code !== 'NA-DUK-STC' && seededRandom(`${g.code}/makeup`)() >= 0.66) continue;
    const cells = g.kind === 'grassroots_cell' ? [g] : await childrenOf(tx, g.id);
    for (const [i, cell] of cells.entries()) {
      // One cell of Sở Tài chính is behind, so its coverage is not complete.
      if (g.code === 'NA-DUK-STC' && i === cells.length - 1) continue;
      const id = newId();
      const day = addDaysTo('2019-11-18', (i * 2) % 10);
      await tx.insert(disseminationSessions).values({
        id,
        organizationId: cell.id,
        makeupOf: conference.id,
        title: 'Chi bộ quán triệt Chỉ thị 35-CT/TW, Thông tri 13-TT/TU và Kế hoạch 165-KH/ĐUK',
        startsAt: at(day, '16:30'),
        place: 'Phòng họp cơ quan',
        createdAt: at(day),
        updatedAt: at(day, '18:00'),
      });
      await tx
        .insert(sessionDocuments)
        .values(conference.studied.map((documentId) => ({ sessionId: id, documentId })));
      await tx.insert(sessionOrganizations).values({ sessionId: id, organizationId: cell.id });
      const people = (await activeMembers(tx, [cell.id])).map((m) => m.id);
      rows.push(...attendanceOf(people, id, `${cell.code}/makeup`, 0.93, at(day, '18:00')));
      sessions++;
    }
  }
  return { rows, sessions };
}

/** Seeds the documents, distributions and dissemination sessions of the demo, after its members. */
export async function seedDemoDocuments(tx: Tx, orgs: Orgs) {
  const docs = await insertDocuments(tx, orgs);
  const grassroots = (await childrenOf(tx, orgs.get('NA-DUK')!.id)).sort((a, b) =>
    a.code.localeCompare(b.code),
  );
  const distributions = await insertDistributions(tx, orgs, docs, grassroots);
  const conference = await insertConference(tx, orgs, docs, grassroots);
  const makeups = await insertMakeups(tx, conference, grassroots);
  const attendance = [...conference.rows, ...makeups.rows];
  for (let i = 0; i < attendance.length; i += 500)
    await tx.insert(sessionAttendance).values(attendance.slice(i, i + 500));
  return {
    documents: docs.size,
    distributions,
    sessions: 1 + makeups.sessions,
    attendance: attendance.length,
  };
}
