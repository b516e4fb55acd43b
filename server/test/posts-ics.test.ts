import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, expectProblem, startServer, type Session, type TestServer } from './helpers.ts';
import { PostWorld } from './posts-fixture.ts';

// GET /posts/{id}/appointment.ics: one VEVENT (RFC 5545) per notice, read back line by line. Timed appointments in the
// organization's time zone (TZID + VTIMEZONE, local wall-clock times in summer and winter), all-day ones as dates with
// an exclusive end, UID and SEQUENCE for updates, escaped text, the download headers; 404 without an appointment.

const at = '2026-06-15T10:00:00Z';

/** The content lines of an iCalendar text, unfolded (RFC 5545 §3.1): CRLF followed by a space or tab continues a line. */
function unfold(text: string): string[] {
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
}

/** The lines of each component of `name` (BEGIN:name … END:name), without the BEGIN/END lines themselves. */
function components(lines: string[], name: string): string[][] {
  const out: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === `BEGIN:${name}`) current = [];
    else if (line === `END:${name}`) {
      out.push(current!);
      current = null;
    } else if (current) current.push(line);
  }
  return out;
}

/** The value of property `name` (with its parameters as the key, e.g. `DTSTART;TZID=Europe/Vienna`) in `lines`. */
function prop(lines: string[], name: string): { params: string; value: string } | undefined {
  const line = lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  if (!line) return undefined;
  const colon = line.indexOf(':');
  return { params: line.slice(name.length, colon), value: line.slice(colon + 1) };
}

/** RFC 5545 §3.3.11 TEXT unescaped. */
const unescapeText = (value: string): string => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('posts: the appointment as iCalendar', () => {
  let s: TestServer;
  let b: PostWorld;
  let ny: PostWorld;
  let tina: Session;
  let nick: Session;
  const ics = (key: string, session = tina, world = b) => call(s.url, `/posts/${world.post$(key)}/appointment.ics`, { token: session.token });
  const eventOf = async (key: string, session = tina, world = b) => {
    const answer = await ics(key, session, world);
    assert.equal(answer.status, 200, answer.text);
    const lines = unfold(answer.text);
    const events = components(lines, 'VEVENT');
    assert.equal(events.length, 1);
    return { answer, lines, event: events[0]!, zones: components(lines, 'VTIMEZONE') };
  };

  before(async () => {
    s = await startServer({ at });
    b = await PostWorld.create(s, 'board-ics');
    await b.houses({ P: ['U1'] });
    await b.residents({ Tina: { login: 'tenant', contracts: [['U1', 'tenant', '2024-03-01', null]] } });
    await b.post('Abschaltung der Trinkwasserversorgung', {
      type: 'danger', properties: ['P'], until: '2026-06-30',
      body: '<p>Wegen Arbeiten am Hausanschluss ist das Wasser abgestellt; bitte füllen Sie Vorräte ab, z. B. in Kannen.</p><p>Danke!</p>',
      link: { url: 'https://example.at/wasser', text: 'Details' },
      appointment: { start: '2026-06-20T06:00:00.000Z', end: '2026-06-20T10:30:00.000Z', place: 'Keller, Stiege 2; Tür 3' },
    });
    await b.post('Winterdienst', { properties: ['P'], appointment: { start: '2026-12-05T09:00:00.000Z', end: null } });
    await b.post('Sommerfest', { properties: ['P'], appointment: { start: '2026-07-04', end: '2026-07-05', allDay: true, place: 'Innenhof' } });
    await b.post('Ablesung', { properties: ['P'], appointment: { start: '2026-06-25', end: null, allDay: true } });
    await b.post('Hausordnung', { properties: ['P'] });

    // An organization in another zone: the event follows the organization's zone, not the server's.
    ny = await PostWorld.create(s, 'board-ics-ny');
    await s.db('organizations').where({ id: ny.world.orgId }).update({ time_zone: 'America/New_York' });
    await ny.houses({ N: ['N1'] });
    await ny.residents({ Nick: { login: 'tenant', contracts: [['N1', 'tenant', '2024-01-01', null]] } });
    await ny.post('Block party', { properties: ['N'], appointment: { start: '2026-06-20T16:00:00.000Z', end: '2026-06-20T20:00:00.000Z' } });

    tina = await b.session(s, 'Tina');
    nick = await ny.session(s, 'Nick');
  });
  after(() => s.close());

  test('a timed appointment: local times with TZID, a VTIMEZONE of the organization\'s zone, UID, SEQUENCE, texts', async () => {
    const { answer, lines, event, zones } = await eventOf('Abschaltung der Trinkwasserversorgung');
    assert.equal(answer.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(
      answer.headers.get('content-disposition'),
      `attachment; filename="Abschaltung der Trinkwasserversorgung.ics"; filename*=UTF-8''Abschaltung%20der%20Trinkwasserversorgung.ics`,
    );
    assert.equal(answer.headers.get('cache-control'), 'private, no-store');
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.equal(lines.at(-1), 'END:VCALENDAR');
    assert.equal(prop(lines, 'VERSION')!.value, '2.0');
    assert.ok(prop(lines, 'PRODID')!.value.includes('Hausportal'));
    // 06:00 UTC is 08:00 in Vienna in summer (CEST, UTC+2).
    assert.deepEqual(prop(event, 'DTSTART'), { params: ';TZID=Europe/Vienna', value: '20260620T080000' });
    assert.deepEqual(prop(event, 'DTEND'), { params: ';TZID=Europe/Vienna', value: '20260620T123000' });
    assert.equal(zones.length, 1);
    assert.equal(prop(zones[0]!, 'TZID')!.value, 'Europe/Vienna');
    const zone = zones[0]!.join('\n');
    assert.match(zone, /BEGIN:DAYLIGHT[\s\S]*TZOFFSETTO:\+0200[\s\S]*END:DAYLIGHT/);
    assert.match(zone, /BEGIN:STANDARD[\s\S]*TZOFFSETTO:\+0100[\s\S]*END:STANDARD/);
    assert.equal(prop(event, 'UID')!.value, `${b.post$('Abschaltung der Trinkwasserversorgung')}@hausportal`);
    assert.equal(prop(event, 'SEQUENCE')!.value, '1');
    assert.match(prop(event, 'DTSTAMP')!.value, /^\d{8}T\d{6}Z$/, 'DTSTAMP in UTC');
    assert.equal(unescapeText(prop(event, 'SUMMARY')!.value), 'Abschaltung der Trinkwasserversorgung');
    assert.equal(prop(event, 'LOCATION')!.value, 'Keller\\, Stiege 2\\; Tür 3');
    assert.equal(unescapeText(prop(event, 'LOCATION')!.value), 'Keller, Stiege 2; Tür 3');
    // The body's plain text as stored (paragraphs on lines of their own), then the link.
    const { body_text } = await s.db('posts').where({ id: b.post$('Abschaltung der Trinkwasserversorgung') }).first('body_text');
    assert.match(body_text, /^Wegen Arbeiten am Hausanschluss ist das Wasser abgestellt; bitte füllen Sie Vorräte ab, z\. B\. in Kannen\.\n+Danke!$/);
    assert.equal(unescapeText(prop(event, 'DESCRIPTION')!.value), `${body_text}\n\nDetails: https://example.at/wasser`);
    for (const line of answer.text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
  });

  test('winter time: the same zone gives UTC+1; an open end has no DTEND', async () => {
    const { event, zones } = await eventOf('Winterdienst');
    assert.deepEqual(prop(event, 'DTSTART'), { params: ';TZID=Europe/Vienna', value: '20261205T100000' });
    assert.equal(prop(event, 'DTEND'), undefined);
    assert.equal(prop(zones[0]!, 'TZID')!.value, 'Europe/Vienna');
    assert.equal(prop(event, 'LOCATION'), undefined);
    assert.equal(unescapeText(prop(event, 'DESCRIPTION')!.value), 'Text von Winterdienst.');
  });

  test('all-day appointments are dates, DTEND the day after the last day', async () => {
    const fest = await eventOf('Sommerfest');
    assert.deepEqual(prop(fest.event, 'DTSTART'), { params: ';VALUE=DATE', value: '20260704' });
    assert.deepEqual(prop(fest.event, 'DTEND'), { params: ';VALUE=DATE', value: '20260706' });
    assert.equal(prop(fest.event, 'LOCATION')!.value, 'Innenhof');
    assert.ok(!fest.event.some((l) => l.includes('TZID')), 'dates carry no zone');
    const one = await eventOf('Ablesung');
    assert.deepEqual(prop(one.event, 'DTSTART'), { params: ';VALUE=DATE', value: '20260625' });
    assert.deepEqual(prop(one.event, 'DTEND'), { params: ';VALUE=DATE', value: '20260626' });
  });

  test('a substantial change raises SEQUENCE and keeps the UID', async () => {
    const before = await eventOf('Sommerfest');
    await b.revise('Sommerfest', '2026-06-15T09:00:00.000Z');
    const after = await eventOf('Sommerfest');
    assert.equal(prop(after.event, 'SEQUENCE')!.value, '2');
    assert.equal(prop(after.event, 'UID')!.value, prop(before.event, 'UID')!.value);
  });

  test('the organization\'s zone decides, not the server\'s', async () => {
    const { event, zones } = await eventOf('Block party', nick, ny);
    // 16:00 UTC is 12:00 in New York in summer (EDT, UTC−4).
    assert.deepEqual(prop(event, 'DTSTART'), { params: ';TZID=America/New_York', value: '20260620T120000' });
    assert.deepEqual(prop(event, 'DTEND'), { params: ';TZID=America/New_York', value: '20260620T160000' });
    assert.equal(prop(zones[0]!, 'TZID')!.value, 'America/New_York');
  });

  test('no appointment, or not my notice: 404', async () => {
    expectProblem(await ics('Hausordnung'), 404, 'not_found');
    expectProblem(await ics('Block party', tina, ny), 404, 'not_found');
    expectProblem(await ics('Sommerfest', nick), 404, 'not_found');
  });
});
