// Notice mail texts: a stored title or category name never adds a line, a header or a reversed run to a mail.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { noticeMail, oneLine } from '../src/notifications/texts.ts';

const organization = { id: 'org-1', name: 'ImmoPro Hausverwaltung GmbH', portalUrl: 'https://www.immopro.example' };

describe('notice mail texts', () => {
  test('oneLine turns line breaks, control characters and direction marks into single spaces', () => {
    assert.equal(oneLine('Abrechnung\r\nBcc: x@evil.example\u0007 \u202Efdp.exe\u2028Ende'), 'Abrechnung Bcc: x@evil.example fdp.exe Ende');
    assert.equal(oneLine('  Hausordnung   2026 '), 'Hausordnung 2026');
  });

  test('a title with a line break stays on its line in the subject and the text, in both languages', () => {
    for (const locale of ['de', 'en'] as const) {
      const mail = noticeMail({
        to: 'huber@example.com', organization, locale, channel: 'immediate',
        items: [{ kind: 'document', category: { de: 'Sonstiges', en: 'Other' }, title: 'Rundschreiben\r\nBitte überweisen Sie an AT00 0000' }],
      });
      assert.ok(!/[\r\n]/.test(mail.subject), mail.subject);
      assert.ok(mail.subject.includes('Rundschreiben Bitte überweisen Sie an AT00 0000'));
      const lines = mail.text.split('\n');
      assert.ok(lines.some((l) => l.startsWith('- Rundschreiben Bitte überweisen Sie an AT00 0000')), mail.text);
      assert.ok(!lines.some((l) => l.startsWith('Bitte überweisen')));
    }
  });

  test('the greeting names the person; a sensitive item is named by its category only, once', () => {
    const de = noticeMail({
      to: 'lehner@example.net', name: 'Markus Lehner', organization, locale: 'de', channel: 'immediate',
      items: [{ kind: 'document', category: { de: 'Mahnungen', en: 'Payment reminders' }, title: null }],
    });
    assert.ok(de.text.startsWith('Guten Tag, Markus Lehner,\n'), de.text);
    assert.equal(de.subject, 'ImmoPro Hausverwaltung GmbH: Ein neues Dokument in der Kategorie Mahnungen');
    assert.ok(de.text.includes('\n- Kategorie Mahnungen\n'), de.text);
    const en = noticeMail({ to: 'x@example.net', name: 'Markus Lehner', organization, locale: 'en', channel: 'digest', items: [{ kind: 'document', category: { de: 'Mahnungen', en: 'Payment reminders' }, title: null }] });
    assert.ok(en.text.startsWith('Hello Markus Lehner,\n'), en.text);
    assert.ok(en.text.includes('\n- Category Payment reminders\n'), en.text);
  });
});
