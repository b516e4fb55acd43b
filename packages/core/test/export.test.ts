import { expect } from '@open-wc/testing';
import { csvMoney, csvNumber, toCsv } from '../src/export.js';

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
    expect(toCsv([['a;b', 'c,d']], 'en')).to.equal('a;b,"c,d"\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas but keeps negative numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '@SUM', csvMoney(-500, 'de')]], 'de')).to.equal(`"'=HYPERLINK(""x"")";'+1;'@SUM;-5,00\r\n`);
  });

  it('writes numbers in the locale and leaves null cells empty', () => {
    expect(toCsv([[1234.5, 300, null, undefined]], 'de')).to.equal('1234,50;300;;\r\n');
  });
});
