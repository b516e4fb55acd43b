import { expect } from '@open-wc/testing';
import { formatArea, formatDate, formatDateTime, formatMoney, formatMonth, formatPercentBp, formatShare } from '../src/index.js';

// Intl puts a no-break space between number and unit; compare with plain spaces for readability.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatters', () => {
  it('formats money in cents', () => {
    expect(plain(formatMoney(123456, 'de'))).to.equal('1.234,56 €');
    expect(formatMoney(123456, 'en')).to.equal('€1,234.56');
    expect(plain(formatMoney(-5, 'de'))).to.equal('-0,05 €');
    expect(plain(formatMoney(0, 'de'))).to.equal('0,00 €');
  });

  it('keeps number and currency together with a no-break space', () => {
    expect(formatMoney(100, 'de')).to.equal('1,00\u00a0€');
  });

  it('formats plain dates without moving them across time zones', () => {
    expect(formatDate('2026-03-01', 'de')).to.equal('01.03.2026');
    expect(formatDate('2026-03-01', 'en')).to.equal('1 Mar 2026');
    expect(formatDate('2026-12-31', 'de')).to.equal('31.12.2026');
    expect(formatDate('not a date', 'de')).to.equal('');
  });

  it('formats date-times in the local zone', () => {
    const local = new Date(2026, 2, 1, 14, 30);
    expect(formatDateTime(local, 'de')).to.equal('01.03.2026, 14:30');
    expect(formatDateTime(local, 'en')).to.equal('1 Mar 2026, 14:30');
  });

  it('formats months of a period', () => {
    expect(formatMonth('2026-03', 'de')).to.equal('März 2026');
    expect(formatMonth('2026-03', 'en')).to.equal('March 2026');
  });

  it('formats areas with two decimals', () => {
    expect(plain(formatArea(78, 'de'))).to.equal('78,00 m²');
    expect(plain(formatArea(1234.5, 'en'))).to.equal('1,234.50 m²');
  });

  it('formats shares', () => {
    expect(formatShare(50, 300)).to.equal('50/300');
  });

  it('formats VAT rates given in basis points', () => {
    expect(plain(formatPercentBp(1000, 'de'))).to.equal('10 %');
    expect(formatPercentBp(1000, 'en')).to.equal('10%');
    expect(plain(formatPercentBp(2000, 'de'))).to.equal('20 %');
    expect(plain(formatPercentBp(550, 'de'))).to.equal('5,5 %');
    expect(plain(formatPercentBp(0, 'de'))).to.equal('0 %');
  });
});
