import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../modules/files/content.js';
import { docxText, docxXml } from './docx-text.js';
import { DOCX_TYPE, type PartyDocument, renderPartyDocument } from './party-document.js';

const plan: PartyDocument = {
  superiorBody: 'ĐẢNG BỘ TỈNH NGHỆ AN',
  issuingBody: 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH',
  number: '165-KH/ĐUK',
  place: 'Vinh',
  date: '2019-10-31',
  typeName: 'KẾ HOẠCH',
  summary: 'tổ chức đại hội các tổ chức cơ sở đảng, nhiệm kỳ 2020 - 2025',
  body: [
    { kind: 'heading', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
    {
      kind: 'paragraph',
      text: 'Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch như sau.',
    },
    { kind: 'heading', text: 'II. THỜI GIAN TỔ CHỨC ĐẠI HỘI' },
    {
      kind: 'table',
      header: ['TT', 'Tổ chức cơ sở đảng', 'Thời gian'],
      rows: [
        ['1', 'Đảng bộ Sở Tài chính', 'Tháng 4/2020'],
        ['2', 'Chi bộ Văn phòng Đảng ủy Khối', 'Tháng 5/2020'],
      ],
      widths: [1, 6, 3],
    },
  ],
  signature: { authority: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: 'Nguyễn Văn An' },
  recipients: ['Ban Thường vụ Tỉnh ủy (để b/c)', 'Các đảng bộ, chi bộ trực thuộc', 'Lưu Văn phòng.'],
};

const letter: PartyDocument = {
  ...plan,
  number: '212-CV/ĐUK',
  typeName: null,
  summary: 'chuẩn bị nhân sự đại hội',
  body: [{ kind: 'paragraph', text: 'Kính gửi: Các đảng bộ, chi bộ cơ sở trực thuộc.' }],
};

/** The runs (w:r) whose text contains `text`, with their properties. */
function runsWith(xml: string, text: string): string[] {
  return [...xml.matchAll(/<w:r>.*?<\/w:r>/g)].map((m) => m[0]).filter((run) => run.includes(text));
}

describe('renderPartyDocument: a Kế hoạch', () => {
  let buffer: Buffer;
  let text: string;
  let xml: string;
  beforeAll(async () => {
    buffer = await renderPartyDocument(plan);
    text = await docxText(buffer);
    xml = await docxXml(buffer);
  });

  it('is a .docx the file service recognises', async () => {
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    await expect(checkContent('ke-hoach.docx', buffer)).resolves.toBe(DOCX_TYPE);
  });

  it('says everything, in the order of the guidance', () => {
    const expected = [
      'ĐẢNG BỘ TỈNH NGHỆ AN',
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH',
      '*',
      'Số 165-KH/ĐUK',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Vinh, ngày 31 tháng 10 năm 2019',
      'KẾ HOẠCH',
      plan.summary,
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Thực hiện Chỉ thị số 35-CT/TW',
      'Chi bộ Văn phòng Đảng ủy Khối',
      'Nơi nhận:',
      '- Ban Thường vụ Tỉnh ủy (để b/c)',
      '- Các đảng bộ, chi bộ trực thuộc',
      '- Lưu Văn phòng.',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Nguyễn Văn An',
    ];
    const positions = expected.map((part) => text.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text).not.toContain('Số:');
  });

  it('is A4 portrait with the margins of the guidance', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it('sets Times New Roman 14 pt as the document default', async () => {
    const styles = await docxXml(buffer, 'word/styles.xml');
    const defaults = /<w:rPrDefault>.*?<\/w:rPrDefault>/.exec(styles)?.[0] ?? '';
    for (const slot of ['ascii', 'hAnsi', 'cs', 'eastAsia'])
      expect(defaults).toContain(`w:${slot}="Times New Roman"`);
    expect(defaults).toContain('<w:sz w:val="28"/>');
    // No run asks for another font.
    expect(xml.match(/w:ascii="([^"]+)"/g) ?? []).toEqual([]);
    const theme = await docxXml(buffer, 'word/theme/theme1.xml');
    expect(theme.match(/<a:latin typeface="[^"]*"/g)).toEqual([
      '<a:latin typeface="Times New Roman"',
      '<a:latin typeface="Times New Roman"',
    ]);
  });

  it('formats each line as the guidance says', () => {
    const [motto] = runsWith(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(motto).toContain('<w:b/>');
    expect(motto).toContain('<w:sz w:val="30"/>');
    expect(runsWith(xml, 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH')[0]).toContain('<w:b/>');
    expect(runsWith(xml, 'ĐẢNG BỘ TỈNH NGHỆ AN')[0]).not.toContain('<w:b/>');
    expect(runsWith(xml, 'Vinh, ngày 31 tháng 10 năm 2019')[0]).toContain('<w:i/>');
    const [typeName] = runsWith(xml, 'KẾ HOẠCH');
    expect(typeName).toContain('<w:b/>');
    expect(typeName).toContain('<w:sz w:val="30"/>');
    expect(runsWith(xml, plan.summary)[0]).toContain('<w:b/>');
    const [notice] = runsWith(xml, 'Nơi nhận:');
    expect(notice).toMatch(/<w:b\/>.*<w:i\/>.*<w:sz w:val="24"\/>/);
    expect(runsWith(xml, '- Lưu Văn phòng.')[0]).toContain('<w:sz w:val="24"/>');
    expect(runsWith(xml, 'Nguyễn Văn An')[0]).toContain('<w:b/>');
  });

  it('draws a rule under ĐẢNG CỘNG SẢN VIỆT NAM and under the summary', () => {
    expect(xml.match(/<w:pBdr><w:bottom w:val="single"/g)).toHaveLength(2);
  });

  it('justifies body paragraphs with a first-line indent', () => {
    const paragraph = [...xml.matchAll(/<w:p>.*?<\/w:p>/g)]
      .map((m) => m[0])
      .find((p) => p.includes('Thực hiện Chỉ thị'));
    expect(paragraph).toContain('<w:jc w:val="both"/>');
    expect(paragraph).toMatch(/<w:ind w:firstLine="567"\/>/);
  });

  it('puts a bordered table with a bold, repeated header in the body, across the text width', () => {
    const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    // Header, data table, signature.
    expect(tables).toHaveLength(3);
    const data = tables[1]!;
    expect(data).toContain('<w:insideH w:val="single"');
    expect(data).toContain('<w:tblHeader/>');
    expect(runsWith(data, 'Tổ chức cơ sở đảng')[0]).toContain('<w:b/>');
    expect(runsWith(data, 'Đảng bộ Sở Tài chính')[0]).not.toContain('<w:b/>');
    const grid = [...data.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b)).toBe(9355);
    expect(grid[1]).toBeGreaterThan(grid[2]!);
    // The header and the signature are layout, not tables a reader sees.
    for (const layout of [tables[0]!, tables[2]!])
      expect(/<w:tblBorders>.*?<\/w:tblBorders>/.exec(layout)?.[0]).not.toContain('single');
  });

  it('numbers the pages from the second at the top', async () => {
    expect(xml).toContain('<w:titlePg/>');
    const headers = [await docxXml(buffer, 'word/header1.xml'), await docxXml(buffer, 'word/header2.xml')];
    expect(headers.filter((h) => h.includes('PAGE'))).toHaveLength(1);
  });
});

describe('renderPartyDocument: variants', () => {
  it('puts an official letter’s summary under its number, as V/v in italic 12 pt, with no title', async () => {
    const buffer = await renderPartyDocument(letter);
    const text = await docxText(buffer);
    const xml = await docxXml(buffer);
    expect(text).toContain('Số 212-CV/ĐUK\nV/v chuẩn bị nhân sự đại hội\n');
    expect(text.split('chuẩn bị nhân sự đại hội')).toHaveLength(2);
    const [summary] = runsWith(xml, 'V/v chuẩn bị');
    expect(summary).toContain('<w:i/>');
    expect(summary).toContain('<w:sz w:val="24"/>');
    expect(text).not.toContain('KẾ HOẠCH');
    // The letter is in the header table's left column, before the motto's column.
    expect(text.indexOf('V/v')).toBeLessThan(text.indexOf('ĐẢNG CỘNG SẢN VIỆT NAM'));
  });

  it('treats an empty type name as a letter too', async () => {
    const text = await docxText(await renderPartyDocument({ ...letter, typeName: '  ' }));
    expect(text).toContain('V/v chuẩn bị nhân sự đại hội');
  });

  it('writes no "Số" for a document without a number', async () => {
    const text = await docxText(await renderPartyDocument({ ...plan, number: null }));
    expect(text).not.toMatch(/Số/);
    expect(text).toContain('ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n*\n');
  });

  it('leaves out the superior body and the authority when there are none', async () => {
    const text = await docxText(
      await renderPartyDocument({
        ...plan,
        superiorBody: null,
        issuingBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
        number: '35-CT/TW',
        signature: { position: 'TỔNG BÍ THƯ', name: 'Nguyễn Văn An' },
      }),
    );
    expect(text.startsWith('BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 35-CT/TW\n')).toBe(true);
    expect(text).not.toContain('T/M');
    expect(text).toContain('TỔNG BÍ THƯ');
  });

  it('writes capitals, composed characters and one dash per recipient whatever the caller typed', async () => {
    const text = await docxText(
      await renderPartyDocument({
        ...plan,
        issuingBody: 'Đảng ủy Khối Các cơ quan tỉnh'.normalize('NFD'),
        typeName: 'kế hoạch',
        signature: { authority: 't/m ban thường vụ', position: 'bí thư', name: 'Nguyễn Văn An' },
        recipients: ['- Như trên,', 'Lưu VP.'],
      }),
    );
    expect(text).toContain('ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH');
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('T/M BAN THƯỜNG VỤ\nBÍ THƯ\n');
    expect(text).toContain('- Như trên,\n- Lưu VP.');
    expect(text).toBe(text.normalize('NFC'));
  });

  it('escapes markup characters in the text', async () => {
    const text = await docxText(
      await renderPartyDocument({ ...plan, body: [{ kind: 'paragraph', text: 'Chi bộ <A> & "B"' }] }),
    );
    expect(text).toContain('Chi bộ <A> & "B"');
  });

  it('keeps a paragraph’s line breaks and keeps the signature apart from a closing table', async () => {
    const buffer = await renderPartyDocument({
      ...plan,
      body: [
        { kind: 'paragraph', text: 'Dòng một\nDòng hai' },
        { kind: 'table', header: ['TT', 'Nội dung'], rows: [] },
      ],
    });
    expect(await docxText(buffer)).toContain('Dòng một\nDòng hai');
    expect(await docxXml(buffer)).not.toContain('</w:tbl><w:tbl>');
  });
});

describe('renderPartyDocument: bad input', () => {
  const table = { kind: 'table' as const, header: ['TT', 'Tên'], rows: [['1']] };
  it.each([
    ['an empty issuing body', { issuingBody: ' ' }],
    ['an empty summary', { summary: '' }],
    ['an empty place', { place: '' }],
    ['an empty signer', { signature: { position: 'BÍ THƯ', name: '  ' } }],
    ['an empty position', { signature: { position: '', name: 'Nguyễn Văn An' } }],
    ['a date that does not exist', { date: '2019-02-30' }],
    ['a date not in ISO form', { date: '31/10/2019' }],
    ['a table row of the wrong length', { body: [table] }],
    ['a table with no columns', { body: [{ kind: 'table' as const, header: [], rows: [] }] }],
    ['widths that do not fit the columns', { body: [{ ...table, rows: [], widths: [1] }] }],
    ['a width that is not positive', { body: [{ ...table, rows: [], widths: [1, 0] }] }],
  ])('refuses %s with a TypeError', async (_, change) => {
    await expect(renderPartyDocument({ ...plan, ...change } as PartyDocument)).rejects.toThrow(TypeError);
  });
});
