import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { html, render } from 'lit';
import { EpcError, epcAmount, epcFields, epcPayload, epcText, validIban, type EpcTransfer, type HpStatementQr } from '../src/index.js';
import '../src/define.js';
import { loadStatementElement } from '../src/views/load.js';
import { decodeQr } from './fixtures-payments.js';

const demo = { recipient: 'ImmoPro Hausverwaltung GmbH', iban: 'AT61 1904 3002 3457 3201', bic: 'BKAUATWW', amountCents: 1382660, remittance: 'Konto 2100417 Top W2' };

describe('EPC QR payload (EPC069-12, GiroCode)', () => {
  it('writes the demo transfer field by field', () => {
    const fields = epcPayload(demo).split('\n');
    expect(fields).to.deep.equal([
      'BCD', // service tag
      '002', // version
      '1', // character set UTF-8
      'SCT', // SEPA credit transfer
      'BKAUATWW', // BIC
      'ImmoPro Hausverwaltung GmbH', // beneficiary
      'AT611904300234573201', // IBAN without spaces
      'EUR13826.60', // amount
      '', // purpose
      '', // structured reference (none: the remittance text is used)
      'Konto 2100417 Top W2', // remittance text
    ]);
  });

  it('leaves the BIC empty when there is none, keeps umlauts and counts them as UTF-8 bytes', () => {
    const fields = epcPayload({ ...demo, bic: null, recipient: 'Hausverwaltung Krüger GmbH', iban: 'DE89370400440532013000' }).split('\n');
    expect(fields[4]).to.equal('');
    expect(fields[5]).to.equal('Hausverwaltung Krüger GmbH');
    expect(() => epcPayload({ ...demo, remittance: 'ü'.repeat(140), recipient: 'Ä'.repeat(70) })).to.throw(EpcError, /331 bytes/);
  });

  it('writes cents exactly and accepts the limits', () => {
    expect(epcAmount(1)).to.equal('EUR0.01');
    expect(epcAmount(100)).to.equal('EUR1.00');
    expect(epcAmount(99_999_999_999)).to.equal('EUR999999999.99');
    expect(epcPayload({ ...demo, remittance: 'x'.repeat(140) }).split('\n')[10]).to.have.length(140);
    expect(epcPayload({ ...demo, recipient: 'R'.repeat(70) }).split('\n')[5]).to.have.length(70);
  });

  it('refuses what a bank would refuse', () => {
    expect(() => epcPayload({ ...demo, amountCents: 0 })).to.throw(EpcError, /amountCents/);
    expect(() => epcPayload({ ...demo, amountCents: 12.5 })).to.throw(EpcError, /amountCents/);
    expect(() => epcPayload({ ...demo, amountCents: 100_000_000_000 })).to.throw(EpcError, /amountCents/);
    expect(() => epcPayload({ ...demo, iban: 'AT611904300234573202' })).to.throw(EpcError, /iban/);
    expect(() => epcPayload({ ...demo, bic: 'BKAU' })).to.throw(EpcError, /bic/);
    expect(() => epcPayload({ ...demo, recipient: ' ' })).to.throw(EpcError, /recipient/);
    expect(() => epcPayload({ ...demo, recipient: 'R'.repeat(71) })).to.throw(EpcError, /recipient/);
    expect(() => epcPayload({ ...demo, remittance: 'x'.repeat(141) })).to.throw(EpcError, /remittance/);
  });

  it('checks IBANs with mod 97', () => {
    expect(validIban('AT61 1904 3002 3457 3201')).to.be.true;
    expect(validIban('de89370400440532013000')).to.be.true;
    expect(validIban('DE89370400440532013001')).to.be.false;
    expect(validIban('AT61')).to.be.false;
  });

  it('draws a QR code that decodes to the payload', async () => {
    await loadStatementElement('hp-statement-qr');
    const payload = epcPayload({ ...demo, recipient: 'Hausverwaltung Krüger GmbH', bic: 'COBADEFFXXX', iban: 'DE89370400440532013000' });
    const host = document.createElement('div');
    document.body.append(host);
    render(html`<hp-statement-qr .payload=${payload} label="QR"></hp-statement-qr>`, host);
    const qr = host.querySelector<HpStatementQr>('hp-statement-qr')!;
    expect(await decodeQr(qr), 'the QR code could be read').to.equal(payload);
    const svg = qr.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal('QR');
    qr.payload = epcPayload({ ...demo, amountCents: 1 });
    expect(await decodeQr(qr), 'a new payload redraws the code').to.equal(qr.payload);
    host.remove();
  });

  it('leaves the code out when the payload cannot be encoded, and draws again for a valid one', async () => {
    await loadStatementElement('hp-statement-qr');
    const host = document.createElement('div');
    document.body.append(host);
    render(html`<hp-statement-qr .payload=${'x'.repeat(4000)} label="QR"></hp-statement-qr>`, host);
    const qr = host.querySelector<HpStatementQr>('hp-statement-qr')!;
    await qr.drawn;
    expect(qr.shadowRoot!.children).to.have.length(0);
    qr.payload = epcPayload(demo);
    expect(await decodeQr(qr)).to.equal(qr.payload);
    host.remove();
  });

  it('counts the payload in UTF-8 bytes: 331 are accepted, 332 refused', () => {
    // 14 bytes of header lines, BIC 9, name 71, IBAN 21, amount 12, purpose and reference 1 each: 129 + remittance.
    const recipient = 'R'.repeat(70);
    const fits = epcPayload({ ...demo, recipient, remittance: 'ü'.repeat(62) + 'x'.repeat(78) });
    expect(new TextEncoder().encode(fits).length).to.equal(331);
    expect(fits.split('\n')[10]).to.have.length(140);
    expect(() => epcPayload({ ...demo, recipient, remittance: 'ü'.repeat(63) + 'x'.repeat(77) })).to.throw(EpcError, /331 bytes/);
  });

  it('keeps every field on its line when names and texts carry line breaks', () => {
    const fields = epcPayload({
      recipient: 'ImmoPro Hausverwaltung GmbH\nBuchhaltung',
      iban: 'AT61 1904 3002 3457 3201',
      amountCents: 89000,
      remittance: 'Konto 2100418\r\nTop W2',
    }).split('\n');
    expect(fields).to.deep.equal(['BCD', '002', '1', 'SCT', '', 'ImmoPro Hausverwaltung GmbH Buchhaltung', 'AT611904300234573201', 'EUR890.00', '', '', 'Konto 2100418 Top W2']);
  });

  it('normalises the IBAN and BIC, trims names and texts, and ends without an empty line', () => {
    const fields = epcPayload({ ...demo, iban: ' at61 1904 3002 3457 3201 ', bic: 'bkau atww', recipient: '  ImmoPro  ', remittance: '' }).split('\n');
    expect(fields).to.deep.equal(['BCD', '002', '1', 'SCT', 'BKAUATWW', 'ImmoPro', 'AT611904300234573201', 'EUR13826.60']);
  });

  describe('for any name and remittance text', () => {
    // What master-data imports bring along: line breaks of every kind, tabs, NUL, BOM, zero-width and bidi characters,
    // lone surrogates.
    const odd = fc.constantFrom('\n', '\r', '\r\n', '\t', '\v', '\f', '\u0085', '\u2028', '\u2029', '\u0000', '\u001f', '\u007f', '\u00a0', '\uFEFF', '\u200B', '\u202E', '\uD800', '\uDFFF', ' ');
    const text = (maxLength: number) =>
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength }),
        fc.string({ unit: 'binary', maxLength }),
        fc.string({ unit: 'binary-ascii', maxLength }),
        fc.array(fc.oneof(odd, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })), { maxLength: maxLength / 3 }).map((parts) => parts.join('')),
      );
    const transfer: fc.Arbitrary<EpcTransfer> = fc.record({
      recipient: text(80),
      iban: fc.tuple(fc.constantFrom('AT61 1904 3002 3457 3201', 'DE89 3704 0044 0532 0130 00'), odd).map(([iban, c]) => iban.replace(' ', c)),
      bic: fc.constantFrom(null, 'BKAUATWW', ' cobadeff\nXXX '),
      amountCents: fc.integer({ min: 1, max: 99_999_999_999 }),
      remittance: text(160),
    });
    // A reader may break lines at any of these, not only at LF.
    const readerLines = (payload: string) => payload.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/);

    it('either refuses with an EpcError or keeps the IBAN on line 7, the amount on line 8 and the payload within 331 bytes', () => {
      let accepted = 0;
      fc.assert(
        fc.property(transfer, (t) => {
          let payload: string;
          try {
            payload = epcPayload(t);
          } catch (error) {
            expect(error).to.be.instanceOf(EpcError);
            return;
          }
          accepted++;
          const lines = readerLines(payload);
          expect(lines).to.deep.equal(payload.split('\n'));
          expect(lines.length).to.be.at.most(12);
          expect(validIban(lines[6]!), lines[6]).to.be.true;
          expect(lines[7]).to.match(/^EUR\d+\.\d{2}$/);
          expect(new TextEncoder().encode(payload).length).to.be.at.most(331);
          const fields = epcFields(t);
          expect([lines[4], lines[5], lines[6], lines[10] ?? '']).to.deep.equal([fields.bic, fields.recipient, fields.iban, fields.remittance]);
        }),
        { numRuns: 500 },
      );
      expect(accepted, 'transfers a bank accepts').to.be.greaterThan(100);
    });

    it('cleans a text to one line without control characters, and leaves a clean one as it is', () => {
      fc.assert(
        fc.property(text(200), (raw) => {
          const clean = epcText(raw);
          expect(clean).to.not.match(/[\p{Cc}\p{Zl}\p{Zp}]|\s\s|^\s|\s$/u);
          expect(epcText(clean)).to.equal(clean);
        }),
        { numRuns: 500 },
      );
    });
  });
});
