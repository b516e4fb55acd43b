import sanitizeHtml from 'sanitize-html';

// The body of a notice is restricted rich text: the manager's editor sends HTML, and the server keeps only what a
// notice needs, with sanitize-html (an allow-list parser; nothing outside the list survives, whatever the encoding):
// paragraphs, line breaks, bold, italic, underline, strike-through, lists, two heading levels, quotes and links.
// Links keep only absolute `https://` and `mailto:` targets and always get rel="noopener noreferrer" (and open in a new tab).
// Scripts, styles, event handlers, `javascript:`/`data:` URLs, SVG, MathML, forms and frames are dropped; the text
// inside harmless unknown tags is kept, the content of script, style, textarea and similar tags is not
// (OWASP XSS Prevention Cheat Sheet, rule 6: sanitize HTML markup with a library built for the job).

/** The start of a link target a body may keep. */
const linkTarget = /^(https:\/\/|mailto:)/i;

/**
 * What every restricted-HTML sanitizer of the server shares (also chat/faq-markdown.ts): schemes checked on `href`
 * only, no protocol-relative URLs, refused tags dropped (their text kept), and nothing at all kept of script, style
 * and similar tags.
 */
export const strictSanitizeOptions: sanitizeHtml.IOptions = {
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'xmp', 'noembed', 'noframes'],
};

const options: sanitizeHtml.IOptions = {
  ...strictSanitizeOptions,
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['https', 'mailto'],
  transformTags: {
    // Headings keep being headings at the two levels a notice has; a table row becomes a paragraph of its cells.
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    tr: 'p',
    // Only absolute https:// and mailto: targets: a relative or scheme-less href ("javascript%3A…", "/x" under a
    // <base> of the host page, "//host") would resolve against the page that shows the notice.
    a: (tagName, attribs) => {
      const href = attribs.href?.trim();
      return { tagName, attribs: { ...(href && linkTarget.test(href) ? { href } : {}), rel: 'noopener noreferrer', target: '_blank' } };
    },
  },
};

/** Sanitized HTML of a notice body (see above). Empty input gives ''. */
export function sanitizePostBody(html: string): string {
  // The text of block elements that are dropped (cells, divisions, sections) stays apart: "<td>Big</td><td>cell</td>"
  // reads "Big cell", not "Bigcell". Only spaces are added here; the sanitizer decides everything else.
  const spaced = html.replace(/<\/(td|th|div|section|article|header|footer|aside|main|nav|dd|dt|caption|figcaption|pre|address|table)\s*>/gi, ' $&');
  // A link whose target was refused is left as its text.
  return sanitizeHtml(spaced, options).replace(/<a rel="noopener noreferrer" target="_blank">([\s\S]*?)<\/a>/g, '$1').trim();
}

/**
 * The plain text of sanitized body HTML, blocks on lines of their own, for excerpts, mails and calendar entries. A
 * link keeps its target after its text ("Störungsmeldungen (https://…)") unless the text is the address itself.
 */
export function postBodyText(safeHtml: string): string {
  const linked = safeHtml.replace(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (_, href: string, inner: string) => {
    const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
    const target = decodeEntities(href);
    return text === target || `mailto:${text}` === target ? inner : `${inner} (${href.replace(/^mailto:/, '')})`;
  });
  const spaced = linked.replace(/<br\s*\/?>|<\/?(p|ul|ol|li|h3|h4|blockquote)>/gi, '\n');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
const decodeEntities = (text: string): string => text.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => entities[name]!);
