/** Test helpers: what a .docx says, read back from its word/document.xml. */
import JSZip from 'jszip';

/** The raw XML of one part of a .docx (word/document.xml unless told). */
export async function docxXml(buffer: Buffer | Uint8Array, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file(part);
  if (!file) throw new Error(`No ${part} in the document`);
  return file.async('string');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

// Text runs, line breaks, tabs and paragraph ends, in document order. `<w:t ` or `<w:t>` only, not <w:tbl>.
const TOKENS = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>|<w:br\b[^>]*\/>|<w:tab\/>/g;

/** The document's text: one line per paragraph (table cells included), in order. */
export async function docxText(buffer: Buffer | Uint8Array): Promise<string> {
  const xml = await docxXml(buffer);
  let text = '';
  for (const match of xml.matchAll(TOKENS)) {
    const token = match[0];
    if (match[1] !== undefined) text += decode(match[1]);
    else if (token === '</w:p>' || token.startsWith('<w:br')) text += '\n';
    else text += '\t';
  }
  return text;
}
