// A minimal PDF writer: one A4 page of left-aligned text lines in the standard Helvetica fonts (no embedding),
// WinAnsi-encoded so German text (ä, ö, ü, ß, €) prints correctly. Enough for generated receipts and notices.

export interface PdfLine {
  text: string;
  /** Font size in points (default 11). */
  size?: number;
  bold?: boolean;
  /** Extra space above the line in points. */
  gap?: number;
}

export interface PdfOptions {
  title?: string;
  author?: string;
  /** Creation date written to the document information. */
  created?: Date;
}

// Characters of Windows-1252 outside Latin-1 that German business text uses.
const winAnsiExtra: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** A PDF literal string, e.g. `(Wien \374ber)`: printable ASCII as is, everything else as octal escapes. */
export function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const byte = winAnsiExtra[ch] ?? (code < 256 && (code < 0x80 || code >= 0xa0) ? code : 0x3f);
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${ch}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `(${out})`;
}

const pdfDate = (d: Date): string => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/** The page's content stream: one text object per line, top to bottom from the upper margin. */
function contentStream(lines: PdfLine[]): string {
  let y = 842 - 64;
  const ops: string[] = [];
  for (const line of lines) {
    const size = line.size ?? 11;
    y -= (line.gap ?? 0) + size * 1.45;
    ops.push(`BT /${line.bold ? 'F2' : 'F1'} ${size} Tf 64 ${y.toFixed(1)} Td ${pdfString(line.text)} Tj ET`);
  }
  return ops.join('\n');
}

/** A complete one-page PDF with a correct cross-reference table (byte offsets of every object). */
export function textPdf(lines: PdfLine[], options: PdfOptions = {}): Buffer {
  const content = contentStream(lines);
  const info = [
    options.title ? `/Title ${pdfString(options.title)}` : '',
    options.author ? `/Author ${pdfString(options.author)}` : '',
    '/Producer (Hausportal)',
    options.created ? `/CreationDate ${pdfString(pdfDate(options.created))}` : '',
  ].filter(Boolean);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< ${info.join(' ')} >>`,
  ];
  // The header's comment line of high bytes marks the file as binary for transfer programs.
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
