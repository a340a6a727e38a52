/**
 * The Party document frame (Hướng dẫn 36-HD/VPTW, 3/4/2018; RULES.md §4): every .docx the system writes
 * is a PartyDocument rendered here, so the layout rules live in one place.
 */
import { formatDateLine, isIsoDate } from '@daihoi/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Header,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ITableBordersOptions,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type PartyDocumentBlock =
  /** Bold, e.g. 'I. MỤC ĐÍCH, YÊU CẦU'. */
  | { kind: 'heading'; text: string }
  /** Justified, first-line indent, 14 pt. */
  | { kind: 'paragraph'; text: string }
  /** Bordered table with a bold header row; widths are relative and scaled to the text width. */
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] };

export interface PartyDocument {
  /** The superior body in capitals, e.g. 'ĐẢNG BỘ TỈNH NGHỆ AN'; omitted for the Central Committee. */
  superiorBody?: string | null;
  /** The issuing body, e.g. 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH' (rendered bold capitals). */
  issuingBody: string;
  /** '165-KH/ĐUK' → rendered 'Số 165-KH/ĐUK'; null for documents that carry no number. */
  number?: string | null;
  /** Place and ISO date for the italic line, e.g. 'Vinh', '2019-11-12'. */
  place: string;
  date: string;
  /** Type name, e.g. 'KẾ HOẠCH' (15 pt bold capitals, centred); null/empty for an official letter (công văn). */
  typeName?: string | null;
  /** Trích yếu: under the type name (bold, centred); for an official letter under the number, as 'V/v …'. */
  summary: string;
  /** Body blocks in order. */
  body: PartyDocumentBlock[];
  signature: {
    /** 'T/M BAN THƯỜNG VỤ', 'T/M ĐẢNG ỦY', … */
    authority?: string | null;
    /** 'BÍ THƯ', 'PHÓ BÍ THƯ' */
    position: string;
    name: string;
  };
  /** Nơi nhận lines, without the leading dash, e.g. ['Ban Thường vụ Tỉnh ủy (để b/c)', 'Lưu Văn phòng.'] */
  recipients: string[];
}

const FONT = 'Times New Roman';
/** docx sizes runs in half-points. */
const pt = (points: number) => points * 2;
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

const PAGE = { width: 11906, height: 16838 };
/** Within the ranges of Hướng dẫn 36: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Header and signature share the columns, so the signature sits under 'ĐẢNG CỘNG SẢN VIỆT NAM'. */
const LEFT_COLUMN = mm(80);
const RIGHT_COLUMN = TEXT_WIDTH - LEFT_COLUMN;
/**
 * 'ĐẢNG CỘNG SẢN VIỆT NAM' in Times New Roman bold 15 pt is about 4130 twips wide (from the font's advance
 * widths); the guidance wants the rule under it as long as that line.
 */
const MOTTO_WIDTH = 4130;
const SUMMARY_RULE_WIDTH = mm(30);
const FIRST_LINE_INDENT = mm(10);

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: 'auto' };
const NO_BORDERS: ITableBordersOptions = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const ALL_BORDERS: ITableBordersOptions = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** NFC, because text pasted from macOS arrives decomposed, and Word searches and places marks on composed text. */
const clean = (text: string) => text.normalize('NFC').trim();
const capitals = (text: string) => clean(text).toLocaleUpperCase('vi-VN');

/** One run per line, so a '\n' in the text is a line break in the document. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return clean(text)
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ ...style, text: line, break: i > 0 ? 1 : undefined }));
}

function line(text: string, style: RunStyle, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, ...options, children: runs(text, style) });
}

/** An empty paragraph whose bottom border draws a centred rule of the given width. */
function rule(width: number, within: number, after = 0): Paragraph {
  const indent = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    indent: { left: indent, right: indent },
    border: { bottom: LINE },
    spacing: { before: 0, after, line: 120, lineRule: LineRuleType.EXACT },
    run: { size: pt(6) },
    children: [],
  });
}

function isBlank(value: string | null | undefined): boolean {
  return value == null || clean(value) === '';
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || clean(value) === '') throw new TypeError(`${field} must not be empty`);
}

function validateTable(block: Extract<PartyDocumentBlock, { kind: 'table' }>, index: number): void {
  const columns = block.header.length;
  if (columns === 0) throw new TypeError(`body[${index}]: a table needs at least one column`);
  if (block.rows.some((row) => row.length !== columns))
    throw new TypeError(`body[${index}]: every row must have ${columns} cells, as the header does`);
  const widths = block.widths;
  if (widths && (widths.length !== columns || widths.some((w) => !Number.isFinite(w) || w <= 0)))
    throw new TypeError(`body[${index}]: widths must be ${columns} positive numbers`);
}

/** Bad input is a programming error of the caller, so it fails loudly before anything is built. */
function validate(doc: PartyDocument): void {
  requireText(doc.issuingBody, 'issuingBody');
  requireText(doc.summary, 'summary');
  requireText(doc.place, 'place');
  requireText(doc.signature?.position, 'signature.position');
  requireText(doc.signature?.name, 'signature.name');
  if (typeof doc.date !== 'string' || !isIsoDate(doc.date))
    throw new TypeError(`date must be an ISO date (YYYY-MM-DD): ${JSON.stringify(doc.date)}`);
  doc.body.forEach((block, i) => {
    if (block.kind === 'table') validateTable(block, i);
  });
}

const isLetter = (doc: PartyDocument) => isBlank(doc.typeName);

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
}

/** The layout tables have no borders and no cell padding, so their text lines up with the page margins. */
function layoutTable(left: Paragraph[], right: Paragraph[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COLUMN, RIGHT_COLUMN],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0 },
    rows: [new TableRow({ cantSplit: true, children: [cell(LEFT_COLUMN, left), cell(RIGHT_COLUMN, right)] })],
  });
}

function issuerColumn(doc: PartyDocument): Paragraph[] {
  const column: Paragraph[] = [];
  if (!isBlank(doc.superiorBody)) column.push(line(capitals(doc.superiorBody!), {}));
  column.push(line(capitals(doc.issuingBody), { bold: true }), line('*', {}));
  if (!isBlank(doc.number)) column.push(line(`Số ${clean(doc.number!)}`, {}));
  // An official letter has no title block: its trích yếu goes here instead.
  if (isLetter(doc)) column.push(line(`V/v ${clean(doc.summary)}`, { italics: true, size: pt(12) }));
  return column;
}

function mottoColumn(doc: PartyDocument): Paragraph[] {
  return [
    line('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: pt(15) }),
    rule(MOTTO_WIDTH, RIGHT_COLUMN),
    line(formatDateLine(clean(doc.place), doc.date), { italics: true }, { spacing: { before: 120 } }),
  ];
}

function header(doc: PartyDocument): Table {
  return layoutTable(issuerColumn(doc), mottoColumn(doc));
}

function title(doc: PartyDocument): Paragraph[] {
  if (isLetter(doc)) return [new Paragraph({ spacing: { after: 240 }, children: [] })];
  return [
    line(capitals(doc.typeName!), { bold: true, size: pt(15) }, { spacing: { before: 480 }, keepNext: true }),
    line(doc.summary, { bold: true }, { keepNext: true }),
    rule(SUMMARY_RULE_WIDTH, TEXT_WIDTH, 240),
  ];
}

function textParagraph(text: string, bold: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: bold ? 120 : 0, after: 120 },
    // A heading left alone at the foot of a page reads as belonging to the page before.
    keepNext: bold || undefined,
    children: runs(text, bold ? { bold } : {}),
  });
}

/** Relative widths scaled to the text width, so callers need not know the page geometry. */
function scaledWidths(columns: number, widths: number[] | undefined): number[] {
  const weights = widths ?? Array.from({ length: columns }, () => 1);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const scaled = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  // The last column takes what rounding left over, so the table spans the text width exactly.
  scaled[columns - 1]! += TEXT_WIDTH - scaled.reduce((sum, w) => sum + w, 0);
  return scaled;
}

function dataCell(text: string, width: number, bold: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: runs(text, bold ? { bold, size: pt(13) } : { size: pt(13) }),
      }),
    ],
  });
}

function dataTable(block: Extract<PartyDocumentBlock, { kind: 'table' }>): FileChild[] {
  const widths = scaledWidths(block.header.length, block.widths);
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      // The header row repeats on every page a long list runs over.
      tableHeader: bold || undefined,
      cantSplit: true,
      children: cells.map((text, i) => dataCell(text, widths[i]!, bold)),
    });
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: ALL_BORDERS,
    rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))],
  });
  // Word merges two tables with nothing between them, so a paragraph always follows a table.
  return [table, new Paragraph({ spacing: { after: 120 }, children: [] })];
}

function bodyBlock(block: PartyDocumentBlock): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [textParagraph(block.text, true)];
    case 'paragraph':
      return [textParagraph(block.text, false)];
    case 'table':
      return dataTable(block);
  }
}

function recipientsColumn(recipients: string[]): Paragraph[] {
  const left = (text: string, style: RunStyle) => line(text, style, { alignment: AlignmentType.LEFT });
  return [
    left('Nơi nhận:', { bold: true, italics: true, size: pt(12) }),
    // Callers may or may not write the dash; the document always shows exactly one.
    ...recipients.map((r) => left(`- ${clean(r).replace(/^[-–]\s*/, '')}`, { size: pt(12) })),
  ];
}

function signatureColumn({ authority, position, name }: PartyDocument['signature']): Paragraph[] {
  const column: Paragraph[] = [];
  if (!isBlank(authority)) column.push(line(capitals(authority!), { bold: true }));
  column.push(line(capitals(position), { bold: true }));
  // Room for the handwritten signature and the seal.
  for (let i = 0; i < 4; i++) column.push(new Paragraph({ children: [] }));
  column.push(line(name, { bold: true }));
  return column;
}

function signature(doc: PartyDocument): FileChild[] {
  return [
    new Paragraph({ spacing: { before: 120 }, children: [] }),
    layoutTable(recipientsColumn(doc.recipients), signatureColumn(doc.signature)),
  ];
}

/** Pages from the second on carry their number at the top centre; the first page carries none. */
function pageNumberHeaders() {
  const numbered = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT] })],
  });
  return { default: new Header({ children: [numbered] }), first: new Header({ children: [] }) };
}

/** Defaults rather than run-by-run fonts, so text a user types into the file later is Times New Roman too. */
const STYLES = {
  default: {
    document: {
      run: {
        font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT },
        size: pt(14),
        sizeComplexScript: pt(14),
        language: { value: 'vi-VN' },
      },
      paragraph: { spacing: { before: 0, after: 0 } },
    },
  },
};

function documentOf(doc: PartyDocument): Document {
  return new Document({
    title: [doc.typeName, doc.summary].filter((part) => !isBlank(part)).join(' ') || undefined,
    creator: clean(doc.issuingBody),
    styles: STYLES,
    theme: { fonts: { headings: FONT, body: FONT } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { ...PAGE, orientation: PageOrientation.PORTRAIT },
            margin: { ...MARGIN, header: mm(10), footer: mm(10) },
          },
        },
        headers: pageNumberHeaders(),
        children: [header(doc), ...title(doc), ...doc.body.flatMap(bodyBlock), ...signature(doc)],
      },
    ],
  });
}

/** The .docx file of a Party document; throws TypeError on incomplete input. */
export async function renderPartyDocument(doc: PartyDocument): Promise<Buffer> {
  validate(doc);
  return Packer.toBuffer(documentOf(doc));
}
