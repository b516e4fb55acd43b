// The notice body sanitizer (posts/sanitize.ts) against the XSS corpus (fixtures/xss-payloads.ts): every output is
// parsed again with htmlparser2 (the parser sanitize-html itself uses) and checked with a strict pattern over its
// tags: only the allowed tags, no event handler, no script, no javascript:/vbscript:/data: in any attribute, every
// link absolute https:// or mailto: with exactly rel="noopener noreferrer"; the marker text is kept, and sanitizing
// again changes nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Parser } from 'htmlparser2';
import { postBodyText, sanitizePostBody } from '../src/posts/sanitize.ts';
import { xssPayloads } from './fixtures/xss-payloads.ts';
import { excerptOf } from '../src/posts/view.ts';

const blockTags = ['p', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote'];
const allowed = new Set([...blockTags, 'br', 'a']);

/** Every tag the output may contain, written exactly as the sanitizer writes it. */
const allowedTag = new RegExp(
  `<(?:${blockTags.join('|')})>|</(?:${blockTags.join('|')}|a)>|<br ?/?>|<a(?: href="(?:https://|mailto:)[^"<>]*")? rel="noopener noreferrer" target="_blank">`,
  'g',
);

/** An attribute value as a URL parser reads its scheme: without whitespace and control characters, lower case. */
const schemeText = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();

interface Tag { name: string; attribs: Record<string, string> }

/** The tags of `html` as htmlparser2 reads them (entities in attribute values decoded). */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  const parser = new Parser({ onopentag: (name, attribs) => tags.push({ name, attribs }) }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return tags;
}

/** The problems of a sanitized body; empty when it is safe. */
function problemsOf(out: string): string[] {
  const problems: string[] = [];
  if (/<\s*\/?\s*script/i.test(out)) problems.push('script tag');
  const rest = out.replace(allowedTag, '');
  if (rest.includes('<')) problems.push(`markup outside the allowed tags: ${rest.slice(rest.indexOf('<'), rest.indexOf('<') + 60)}`);
  for (const tag of tagsOf(out)) {
    if (!allowed.has(tag.name)) problems.push(`tag ${tag.name}`);
    const names = Object.keys(tag.attribs);
    for (const name of names) {
      if (/^on/i.test(name)) problems.push(`handler ${name} on ${tag.name}`);
      if (/(javascript|vbscript|data):/.test(schemeText(tag.attribs[name]!))) problems.push(`script URL in ${tag.name} ${name}`);
    }
    if (tag.name !== 'a') {
      if (names.length > 0) problems.push(`attributes on ${tag.name}: ${names.join(', ')}`);
      continue;
    }
    const { href, rel, target, ...others } = tag.attribs;
    if (rel !== 'noopener noreferrer') problems.push(`rel ${rel}`);
    if (target !== '_blank') problems.push(`target ${target}`);
    if (Object.keys(others).length > 0) problems.push(`link attributes ${Object.keys(others).join(', ')}`);
    if (href !== undefined && !/^(https:\/\/|mailto:)/.test(href)) problems.push(`href ${href}`);
  }
  return problems;
}

describe('the XSS corpus', () => {
  test('has at least 40 named entries, each with its own marker in its text and its own number in its script', () => {
    assert.ok(xssPayloads.length >= 40, `${xssPayloads.length} entries`);
    assert.equal(new Set(xssPayloads.map((p) => p.name)).size, xssPayloads.length, 'names are unique');
    assert.equal(new Set(xssPayloads.map((p) => p.marker)).size, xssPayloads.length, 'markers are unique');
    xssPayloads.forEach((p, i) => {
      assert.ok(p.html.includes(p.marker), p.name);
      // A base64 data: page holds its call encoded.
      const decoded = p.html + [...p.html.matchAll(/base64,([A-Za-z0-9+/=]+)/g)].map((m) => atob(m[1]!)).join('');
      assert.ok(decoded.includes(`__hpXss(${i + 1})`), `${p.name} calls __hpXss(${i + 1})`);
      assert.ok(!xssPayloads.some((other) => other !== p && p.html.includes(`${other.marker}`)), `${p.name} names no other marker`);
    });
  });

  test('the checks themselves catch unsafe output', () => {
    for (const unsafe of ['<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)" rel="noopener noreferrer" target="_blank">x</a>', '<p onclick="x()">x</p>', '<a href="https://x.example/">x</a>', '<script>x</script>', '<a href="/x" rel="noopener noreferrer" target="_blank">x</a>', '<svg></svg>']) {
      assert.notDeepEqual(problemsOf(unsafe), [], unsafe);
    }
  });

  for (const [i, payload] of xssPayloads.entries()) {
    test(`${String(i + 1).padStart(2, '0')} ${payload.name}`, () => {
      const out = sanitizePostBody(payload.html);
      assert.deepEqual(problemsOf(out), [], out);
      assert.ok(out.includes(payload.marker), `marker kept: ${out}`);
      assert.ok(postBodyText(out).includes(payload.marker), 'marker in the plain text');
      assert.equal(sanitizePostBody(out), out, 'sanitizing again changes nothing');
    });
  }
});

describe('the body sanitizer', () => {
  test('keeps the allowed rich text as it is', () => {
    const body = '<h3>Titel</h3><p>Ein <strong>fetter</strong>, <b>fetter</b>, <em>kursiver</em>, <i>kursiver</i>, <u>unterstrichener</u> und <s>gestrichener</s> Text.<br />Zeile zwei.</p>'
      + '<ul><li>eins</li><li>zwei</li></ul><ol><li>drei</li></ol><h4>Klein</h4><blockquote>Zitat</blockquote>'
      + '<p><a href="https://www.immopro.example/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">Link</a> und <a href="mailto:info@immopro.example" rel="noopener noreferrer" target="_blank">Mail</a></p>';
    assert.equal(sanitizePostBody(body), body);
    assert.deepEqual(problemsOf(body), []);
  });

  test('gives every link rel="noopener noreferrer" and a new tab, whatever it had', () => {
    assert.equal(
      sanitizePostBody('<a href="https://example.org/" target="_self" rel="opener" title="t" class="c" id="i">x</a>'),
      '<a href="https://example.org/" rel="noopener noreferrer" target="_blank">x</a>',
    );
  });

  test('keeps as text a link whose target is relative, protocol-relative, scheme-less or of another scheme', () => {
    for (const href of ['/hausordnung', '//evil.example/', 'hausordnung.html', '?x=1', '#top', 'http://example.org/', 'ftp://example.org/', 'tel:+43123', 'https:evil.example', ' ']) {
      assert.equal(sanitizePostBody(`<p><a href="${href}">Text</a></p>`), '<p>Text</p>', href);
    }
    assert.equal(sanitizePostBody('<a href="  https://example.org/  ">x</a>'), '<a href="https://example.org/" rel="noopener noreferrer" target="_blank">x</a>', 'spaces around are trimmed');
  });

  test('empty and text-only bodies', () => {
    assert.equal(sanitizePostBody(''), '');
    assert.equal(sanitizePostBody('  Nur Text & mehr  '), 'Nur Text &amp; mehr');
    assert.equal(postBodyText(sanitizePostBody('  Nur Text & mehr  ')), 'Nur Text & mehr');
  });

  test('text from an editor or a word processor stays readable: headings at the two levels, table rows as paragraphs, cells and divisions apart', () => {
    const html = sanitizePostBody('<h1>Titel</h1><h6>Klein</h6><table><tr><td>Big</td><td>cell</td></tr></table><div>Fassade</div><div>Ab Montag</div>');
    assert.equal(html, '<h3>Titel</h3><h4>Klein</h4><p>Big cell </p> Fassade Ab Montag');
    assert.equal(sanitizePostBody(html), html, 'idempotent');
  });

  test('the plain text keeps a link\'s address after its text (mails and calendar entries have no links); the excerpt ends each block with a full stop', () => {
    const text = postBodyText(sanitizePostBody('<p>Siehe <a href="https://example.org/a?b=1&c=2">Störungen</a> oder <a href="https://example.org/">https://example.org/</a>, Mail: <a href="mailto:haus@example.org">haus@example.org</a></p><ul><li>Fenster zu</li><li>Balkon räumen</li></ul>'));
    assert.equal(text, 'Siehe Störungen (https://example.org/a?b=1&c=2) oder https://example.org/, Mail: haus@example.org\n\nFenster zu\n\nBalkon räumen');
    assert.equal(excerptOf(text), 'Siehe Störungen (https://example.org/a?b=1&c=2) oder https://example.org/, Mail: haus@example.org. Fenster zu. Balkon räumen');
    const long = excerptOf('Wort '.repeat(60));
    assert.ok(long.endsWith('Wort…') && Array.from(long).length <= 200, long);
  });
});
