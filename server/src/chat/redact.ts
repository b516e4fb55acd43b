// Questions the bot could not answer are kept for the manager without the person who asked (issue 13). What a person
// may have typed that points back to them is replaced by a placeholder before anything is stored (DSGVO Art. 5(1)(c),
// data minimisation):
//
//   e-mail addresses               → [E-Mail]
//   IBANs (with or without blanks) → [IBAN]
//   ticket numbers (2026-00042)    → [Ticketnummer]  (they lead to the person's ticket; the placeholder still tells
//                                                      the manager the question was about a ticket)
//   phone numbers (+43 …, 0664 …)  → [Telefon]       (a leading +, 00 or 0 and at least 6 digits)
//   other long numbers             → [Zahl]          (6 or more digits in a row, or 9 or more in groups separated by
//                                                      single blanks or dashes: customer, contract, account numbers)
//
// Kept: dates ("01.03.2026"), amounts ("1.234,56 €"), years, Top and door numbers ("Top 7", "3/12"), short numbers.
// The order matters: an IBAN or a ticket number is found before its digits could be taken for a phone number.
// Before the rules, the text is folded (Unicode NFKC: full-width "０６６４" → "0664") and invisible format characters
// (zero-width spaces and joiners, soft hyphens, direction marks) are removed, so that they cannot hide a number.

const rules: [pattern: RegExp, placeholder: string][] = [
  // The local part is at most 64 characters (RFC 5321 §4.5.3.1.1); unbounded, a long run without "@" costs quadratic time.
  [/[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, '[E-Mail]'],
  // Country, check digits, a first group that may hold letters (GB, NL, IT bank codes), then digit groups.
  [/(?<![\p{L}\p{N}])[A-Z]{2}\d{2}[ .]?[A-Z0-9]{4}(?:[ .]?\d{4}){2,6}(?:[ .]?\d{1,4})?(?![\p{L}\p{N}])/giu, '[IBAN]'],
  [/(?<![\p{N}-])\d{4}-\d{5}(?![\p{N}])/gu, '[Ticketnummer]'],
  [/(?<![\p{L}\p{N}+])(?:\+|\(0|0)[\d ()/-]{5,}\d/gu, '[Telefon]'],
  // With dots ("0664.123.45.67"): only from 9 digits on, so that a date ("01.03.2026", 8 digits) stays.
  [/(?<![\p{L}\p{N}+.])(?:\+|0)\d{1,4}(?:\.\d{2,4}){2,}(?![\p{N}])/gu, '[Telefon.]'],
  [/(?<![\p{N}])\d(?:[ -]?\d){8,}(?![\p{N}])/gu, '[Zahl]'],
  [/\d{6,}/gu, '[Zahl]'],
];

/** The placeholders {@link redact} writes. */
export const placeholders: readonly string[] = ['[E-Mail]', '[IBAN]', '[Ticketnummer]', '[Telefon]', '[Zahl]'];

const digitCount = (text: string): number => text.replace(/\D/g, '').length;

/**
 * `text` folded (NFKC, without invisible format characters) with e-mail addresses, IBANs, ticket numbers, phone
 * numbers and long digit runs replaced by placeholders (see the table above). A phone-like match with fewer than 6
 * digits is left alone. Never throws.
 * Example: "Meine IBAN ist AT61 1904 3002 3457 3201, Tel. 0664 1234567" → "Meine IBAN ist [IBAN], Tel. [Telefon]".
 */
export function redact(text: string): string {
  return rules.reduce(
    (current, [pattern, placeholder]) =>
      current.replace(pattern, (match) => {
        if (placeholder === '[Telefon]' && digitCount(match) < 6) return match;
        if (placeholder === '[Telefon.]') return digitCount(match) < 9 ? match : '[Telefon]';
        return placeholder;
      }),
    text.normalize('NFKC').replace(/\p{Cf}/gu, ''),
  );
}

/** `text` without the placeholders of {@link redact} (for similarity: a placeholder says nothing about the question). */
export const withoutPlaceholders = (text: string): string => placeholders.reduce((t, p) => t.split(p).join(' '), text);
