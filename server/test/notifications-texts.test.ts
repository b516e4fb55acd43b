// Notice mail texts: a stored title or category name never adds a line, a header or a reversed run to a mail.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { noticeMail, oneLine } from '../src/notifications/texts.ts';
import { noticeFacts } from '../src/posts/facts.ts';

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

  test('a notice mail says when: the appointment in the organization\'s time zone, its place and the last day shown; "ihn" for an Aushang', () => {
    // 07:00 UTC in December is 08:00 in Vienna; the place's line break becomes a blank.
    const facts = noticeFacts({ appointment_start: '2026-12-10T07:00:00.000Z', appointment_end: '2026-12-10T11:00:00.000Z', appointment_all_day: false, appointment_place: 'Keller,\nStiege 1', visible_until: '2026-12-10' }, 'Europe/Vienna');
    assert.deepEqual(facts.de, ['Termin: Donnerstag, 10.12.2026, 08:00–12:00 Uhr, Keller, Stiege 1', 'Angezeigt bis: Donnerstag, 10.12.2026']);
    assert.deepEqual(facts.en, ['Appointment: Thursday, 10 December 2026, 08:00–12:00, Keller, Stiege 1', 'Shown until: Thursday, 10 December 2026']);
    const allDay = noticeFacts({ appointment_start: '2026-06-20', appointment_end: '2026-06-21', appointment_all_day: 1, appointment_place: null, visible_until: null }, 'Europe/Berlin');
    assert.deepEqual(allDay.de, ['Termin: Samstag, 20.06.2026 – Sonntag, 21.06.2026']);
    const item = { kind: 'post', category: { de: 'Heizung & Wasser', en: 'Heating & water' }, title: 'Abschaltung der Trinkwasserversorgung', post: { type: 'danger' as const, reason: 'publish' as const, requiresAck: false, facts } };
    const de = noticeMail({ to: 'huber@example.com', name: 'Katharina Huber', organization, locale: 'de', channel: 'immediate', items: [item] });
    assert.ok(de.text.includes('„Abschaltung der Trinkwasserversorgung“ (Gefahrenhinweis, Kategorie Heizung & Wasser).\n\nTermin: Donnerstag, 10.12.2026, 08:00–12:00 Uhr, Keller, Stiege 1\nAngezeigt bis: Donnerstag, 10.12.2026\n'), de.text);
    assert.ok(de.text.includes('Sie finden ihn nach der Anmeldung'), de.text);
    assert.ok(de.text.includes('Gefahrenhinweise erhalten Sie immer sofort.'), de.text);
    const digest = noticeMail({ to: 'huber@example.com', organization, locale: 'de', channel: 'digest', items: [{ ...item, post: { ...item.post, type: 'warning' as const } }, item] });
    assert.ok(digest.text.includes('\n  Termin: Donnerstag, 10.12.2026, 08:00–12:00 Uhr, Keller, Stiege 1\n'), digest.text);
    const en = noticeMail({ to: 'becker@example.net', organization, locale: 'en', channel: 'immediate', items: [item] });
    assert.ok(en.text.includes('\n\nAppointment: Thursday, 10 December 2026, 08:00–12:00, Keller, Stiege 1\n'), en.text);
    assert.ok(en.text.includes('Danger notices always reach you at once.'), en.text);
    const document = noticeMail({ to: 'huber@example.com', organization, locale: 'de', channel: 'immediate', items: [{ kind: 'document', category: { de: 'Sonstiges', en: 'Other' }, title: 'Rundschreiben' }] });
    assert.ok(document.text.includes('Sie finden es nach der Anmeldung'), document.text);
  });
});
