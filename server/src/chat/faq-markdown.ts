import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { strictSanitizeOptions } from '../posts/sanitize.ts';

// The answer of an FAQ entry is restricted Markdown (issue 13): paragraphs, line breaks, bold, italic, bullet and
// numbered lists, and links to https:, mailto: and tel: targets. markdown-it parses it with raw HTML switched off (any
// tag typed in the answer is shown as text) and only those rules on; headings, code, quotes, tables and images stay
// plain text. Bare addresses become links (linkify; "www.…" as https). sanitize-html then keeps only the allowed
// tags, attributes and link schemes of the result, whatever markdown-it let through (OWASP XSS Prevention Cheat
// Sheet, rule 6), and every link opens in a new tab with rel="noopener noreferrer" — as the notices' sanitizer
// (posts/sanitize.ts) does.

/** The rendered forms of an answer. */
export interface RenderedAnswer {
  /** Sanitized HTML (p, br, strong, em, ul, ol, li, a[href]). */
  html: string;
  /** Plain text: paragraphs on their own lines, list items as "- …" (numbered: "1. …"), links followed by their address in brackets. */
  text: string;
}

const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true });
md.enable(['linkify', 'paragraph', 'list', 'reference', 'newline', 'escape', 'emphasis', 'link', 'autolink', 'entity', 'balance_pairs', 'fragments_join']);

// A bare "www.example.at" is linked as http://; the sanitizer keeps https only, so such a fuzzy link is upgraded
// here. An address written out with http:// keeps it (and is left as text by the sanitizer).
md.core.ruler.after('linkify', 'https_fuzzy_links', (state) => {
  for (const block of state.tokens) {
    block.children?.forEach((token, i, children) => {
      if (token.type !== 'link_open' || token.markup !== 'linkify') return;
      const href = token.attrGet('href') ?? '';
      const shown = children[i + 1]?.content ?? '';
      if (href.startsWith('http://') && !/^http:/i.test(shown)) token.attrSet('href', `https://${href.slice('http://'.length)}`);
    });
  }
});

/** The start of a link target an answer may keep. */
const linkTarget = /^(https:\/\/|mailto:|tel:)/i;

const options: sanitizeHtml.IOptions = {
  ...strictSanitizeOptions,
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['https', 'mailto', 'tel'],
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href?.trim();
      return { tagName, attribs: { ...(href && linkTarget.test(href) ? { href } : {}), rel: 'noopener noreferrer', target: '_blank' } };
    },
  },
};

/** A link whose target was refused is left as its text. */
const unlinkRefused = (html: string): string => html.replace(/<a rel="noopener noreferrer" target="_blank">([\s\S]*?)<\/a>/g, '$1');

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the entities sanitize-html writes (named ones above and numeric ones). */
const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });

/** The address a link shows in plain text: without "mailto:"/"tel:", as the reader would type it. */
const shownAddress = (href: string): string => href.replace(/^(mailto|tel):/i, '');

/** Plain text of the sanitized HTML (see {@link RenderedAnswer.text}); a link showing its own address stays as it is. */
function plainText(safeHtml: string): string {
  // Line breaks in the HTML are only layout between tags (a soft break is a <br>).
  const linked = safeHtml.replace(/\n/g, '').replace(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (_, href: string, inner: string) => {
    const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
    const target = decodeEntities(href);
    const address = shownAddress(target);
    return [target, address, target.replace(/^https:\/\//i, '')].includes(text) ? inner : `${inner} (${address})`;
  });
  const lines = linked
    .replace(/<ol>([\s\S]*?)<\/ol>/g, (_, items: string) => {
      let n = 0;
      return `${items.replace(/<li>/g, () => `\n${++n}. `)}\n\n`;
    })
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<li>/g, '\n- ')
    .replace(/<\/(p|ul|ol)>/g, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(lines)
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Renders an FAQ answer written in restricted Markdown (see above) to sanitized HTML and plain text. Never throws;
 * '' gives { html: '', text: '' }. Example: "**Notruf** [128](tel:128)" → html
 * `<p><strong>Notruf</strong> <a href="tel:128" rel="noopener noreferrer" target="_blank">128</a></p>`, text
 * "Notruf 128".
 */
export function renderFaqAnswer(markdown: string): RenderedAnswer {
  const html = unlinkRefused(sanitizeHtml(md.render(markdown), options)).replace(/\n+/g, '\n').trim();
  return { html, text: plainText(html) };
}
