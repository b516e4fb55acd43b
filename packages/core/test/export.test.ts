import { expect } from '@open-wc/testing';
import { csvMoney, csvNumber, toCsv } from '../src/export.js';
import { formulaCells, parseCsv } from '../src/testing/index.js';

describe('CSV export', () => {
  it('uses semicolons and decimal commas in German, commas and points in English', () => {
    expect(toCsv([['Top', 'Betrag'], ['W2', csvMoney(890580, 'de')]], 'de')).to.equal('Top;Betrag\r\nW2;8905,80\r\n');
    expect(toCsv([['Top', 'Amount'], ['W2', csvMoney(890580, 'en')]], 'en')).to.equal('Top,Amount\r\nW2,8905.80\r\n');
  });

  it('formats negative cents and small amounts exactly', () => {
    expect(csvMoney(-1250, 'de')).to.equal('-12,50');
    expect(csvMoney(5, 'en')).to.equal('0.05');
    expect(csvMoney(-99, 'en')).to.equal('-0.99');
    expect(csvNumber(78.5, 'de')).to.equal('78,50');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(toCsv([['a;b', 'say "hi"', 'x\ny']], 'de')).to.equal('"a;b";"say ""hi""";"x\ny"\r\n');
    expect(toCsv([['a;b', 'c,d']], 'en')).to.equal('"a;b","c,d"\r\n');
  });

  it('quotes texts with the other separator or a tab, so a spreadsheet set to it cannot start a cell with =', () => {
    expect(toCsv([['Miete a,=1+1', 'x\t=1+1', '1234,56', '-1234,56']], 'de')).to.equal('"Miete a,=1+1";"x\t=1+1";1234,56;-1234,56\r\n');
    expect(toCsv([['Miete b;=1+1', 'y', '1234.56']], 'en')).to.equal('"Miete b;=1+1",y,1234.56\r\n');
    for (const [locale, other] of [['de', ','], ['en', ';']] as const) {
      const text = toCsv([['Top 1', `Miete${other}=cmd|' /C calc'!A0`]], locale);
      expect(parseCsv(text, other).flat().some((cell) => /^\s*[=+\-@]/.test(cell)), `${locale} read with "${other}"`).to.equal(false);
    }
  });

  it('neutralises cells a spreadsheet would run as formulas but keeps negative numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '@SUM', csvMoney(-500, 'de')]], 'de')).to.equal(`"'=HYPERLINK(""x"")";'+1;'@SUM;-5,00\r\n`);
  });

  it('neutralises formulas behind leading whitespace and invisible characters', () => {
    const cases: [cell: string, de: string][] = [
      [' =HYPERLINK("https://x.example";"Beleg")', `"' =HYPERLINK(""https://x.example"";""Beleg"")"`],
      ['\u00A0=1+1', "'\u00A0=1+1"],
      ['\n=1+1', `"'\n=1+1"`],
      ['\r\n+1', `"'\r\n+1"`],
      ['\u3000=1+1', "'\u3000=1+1"],
      ['\uFEFF=1+1', "'\uFEFF=1+1"],
      ['\u200B\u2060@SUM(A1)', "'\u200B\u2060@SUM(A1)"],
      ['\u2028-2+3', "'\u2028-2+3"],
      [' \t -2+3', `"' \t -2+3"`],
      ['\tcmd', `"'\tcmd"`],
    ];
    for (const [cell, de] of cases) expect(toCsv([[cell]], 'de'), JSON.stringify(cell)).to.equal(`${de}\r\n`);
  });

  it('neutralises fullwidth and small formula signs', () => {
    for (const sign of ['＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫']) {
      expect(toCsv([[`${sign}1+1`], [` ${sign}1`]], 'en'), sign).to.equal(`'${sign}1+1\r\n' ${sign}1\r\n`);
    }
  });

  it('keeps plain negative money and text that only contains a sign later', () => {
    expect(toCsv([['-12,50', '-1234.56', '-1', 'Top 3-4', 'a=b', 'info@hv.at', '1+1', '']], 'de')).to.equal('-12,50;-1234.56;-1;Top 3-4;a=b;info@hv.at;1+1;\r\n');
    expect(toCsv([[csvMoney(-123456, 'en'), -5.5]], 'en')).to.equal('-1234.56,-5.50\r\n');
  });

  it('reads back what it writes, every hostile value with its apostrophe', () => {
    const rows = [['Top', 'Text'], ...formulaCells.map((value, i) => [`W${i}`, value]), ['a;b', 'say "hi"']];
    expect(parseCsv(toCsv(rows, 'de'), ';')).to.deep.equal([['Top', 'Text'], ...formulaCells.map((value, i) => [`W${i}`, `'${value}`]), ['a;b', 'say "hi"']]);
  });

  it('writes numbers in the locale and leaves null cells empty', () => {
    expect(toCsv([[1234.5, 300, null, undefined]], 'de')).to.equal('1234,50;300;;\r\n');
  });
});
