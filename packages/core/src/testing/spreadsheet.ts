/**
 * Cell values a spreadsheet would run as formulas unless an export neutralises them: the sign comes after blanks,
 * line breaks or invisible characters, or in fullwidth form.
 */
export const formulaCells: readonly string[] = [
  ' =HYPERLINK("https://x.example";"Beleg")',
  '\u00A0=1+1',
  '\n=1+1',
  '\u3000=1+1',
  '\uFEFF@SUM(A1)',
  '＝1+1',
];

/** The rows and cells of a CSV text (RFC 4180 quoting, CRLF line ends) written with `separator`. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"') {
      if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (quoted || (c !== '"' && c !== separator && !(c === '\r' && text[i + 1] === '\n'))) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else {
      row.push(cell);
      cell = '';
      if (c === '\r') {
        rows.push(row);
        row = [];
        i++;
      }
    }
  }
  return rows;
}
