import type { ChatEntities } from '../types.ts';
import { foldUmlauts } from './normalize.ts';

// Step 3 of the chat pipeline (issue 13): what a message names, by rule — a ticket number, a unit's Top or door
// number, a month and year, an amount. No outside date parser: the words residents use are few.

const ticketPattern = /(?<![\d-])(\d{4})[-–‑](\d{5})(?![\d-])/;

// "Top 7", "Top7", "Tür 3/12", "Wohnung 5", "Whg. 4a", "apartment 12", "flat 3", "unit 2"; "W2" on its own.
const topPattern =
  /(?:^|[^\p{L}])(?:top|tür|tuer|türe|wohnung|whg\.?|wohnungsnummer|apartment|apt\.?|flat|unit|door)\s*(?:nr\.?|nummer|no\.?|#)?\s*(\d{1,4}[a-z]?(?:\s*\/\s*\d{1,4}[a-z]?)?)(?![\p{L}\d])/iu;
const shortTopPattern = /(?:^|[^\p{L}\d])([wW]\d{1,4})(?![\p{L}\d])/u;

// Month names and abbreviations (umlauts folded, lower case) → 1–12. "may" only counts next to a year or after a
// preposition, because it is also a verb ("May I keep a dog?").
const monthNames: [RegExp, number][] = [
  [/jaenner|janner|januar|january|jan/, 1],
  [/feber|februar|february|feb/, 2],
  [/maerz|marz|march|mar/, 3],
  [/april|apr/, 4],
  [/mai/, 5],
  [/juni|june|jun/, 6],
  [/juli|july|jul/, 7],
  [/august|aug/, 8],
  [/september|sept|sep/, 9],
  [/oktober|october|okt|oct/, 10],
  [/november|nov/, 11],
  [/dezember|december|dez|dec/, 12],
];
const mayPattern = /(?:^| )(?:in|im|of|since|until|for|last|next|this|from|seit|bis) may(?= |$)|(?:^| )may (?:19|20)\d\d(?= |$)/;

const relativeMonths: [RegExp, number][] = [
  [/(?:letzte[nmrs]?|vorige[nmrs]?|vergangene[nmrs]?) monat|vormonat|last month|previous month/, -1],
  [/(?:diese[nmrs]?|aktuelle[nmrs]?|laufende[nmrs]?) monat|this month|current month/, 0],
  [/(?:naechste[nmrs]?|kommende[nmrs]?) monat|next month/, 1],
];
const relativeYears: [RegExp, number][] = [
  [/(?:letzte[nmrs]?|vorige[nmrs]?|vergangene[nmrs]?) jahr|vorjahr|last year|previous year/, -1],
  [/(?:diese[nmrs]?|aktuelle[nmrs]?|laufende[nmrs]?) jahr|heuer|this year|current year/, 0],
  [/(?:naechste[nmrs]?|kommende[nmrs]?) jahr|next year/, 1],
];

// An amount needs a currency: "120 €", "€ 120", "1.234,56 Euro", "EUR 80", "80,- €", "€80.50".
const number = String.raw`\d{1,3}(?:[.,'’]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const currency = String.raw`€|eur|euro|euros`;
const amountPatterns = [
  new RegExp(String.raw`(?:^|[^\p{L}\d.,])(${number})(?:\s*,-{1,2})?\s*(?:${currency})(?![\p{L}])`, 'iu'),
  new RegExp(String.raw`(?:${currency})\s*(${number})(?:,-{1,2})?(?![\d])`, 'iu'),
];

/** Cents of a written amount: "1.234,56" → 123456, "1,234.56" → 123456, "12.5" → 1250, "1.234" → 123400. */
export function amountToCents(written: string): number {
  const compact = written.replace(/['’]/g, '');
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const whole = (decimal ? compact.slice(0, decimal.index) : compact).replace(/[.,]/g, '');
  const fraction = decimal ? decimal[1]!.padEnd(2, '0') : '00';
  return Number(whole) * 100 + Number(fraction);
}

/** Moves a YYYY-MM-DD day by whole months and returns [year, month 1–12]. */
function shiftMonth(today: string, by: number): [number, number] {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + by;
  return [Math.floor(index / 12), (index % 12) + 1];
}

function findMonth(folded: string, today: string): { month: number; year?: number } | undefined {
  for (const [pattern, by] of relativeMonths) {
    if (pattern.test(folded)) {
      const [year, month] = shiftMonth(today, by);
      return { month, year };
    }
  }
  for (const [names, month] of monthNames) {
    if (new RegExp(`(?:^|[^\\p{L}])(?:${names.source})\\.?(?![\\p{L}])`, 'u').test(folded)) return { month };
  }
  return mayPattern.test(folded.replace(/[^\p{L}\d]+/gu, ' ')) ? { month: 5 } : undefined;
}

function findYear(folded: string, today: string): number | undefined {
  const written = /(?<![\d.,-])((?:19|20)\d{2})(?![\d.,]\d|-)/.exec(folded);
  if (written) return Number(written[1]);
  for (const [pattern, by] of relativeYears) if (pattern.test(folded)) return Number(today.slice(0, 4)) + by;
  return undefined;
}

function findAmount(text: string): { cents: number; match: string } | undefined {
  for (const pattern of amountPatterns) {
    const found = pattern.exec(text);
    if (found) return { cents: amountToCents(found[1]!), match: found[0] };
  }
  return undefined;
}

/**
 * The entities a message names, by rule. `today` is the organization's day (YYYY-MM-DD, calendar.ts today()), the
 * anchor of "letzten Monat"/"last month"/"diesen Monat"/"heuer".
 * - ticketNumber: `\d{4}-\d{5}` ("2026-00042"; an en dash counts as the hyphen).
 * - top: the number after Top/Tür/Wohnung/Whg/apartment/flat/unit/door as written ("7", "3/12", "4a"), or "W2".
 * - month (1–12) and year: month names in German (incl. Jänner, Feber) and English, relative months; a year written
 *   as 19xx/20xx or relative ("letztes Jahr", "heuer"). A month named without a year gets the year of its latest
 *   occurrence up to this month (in March, "Dezember" is last December).
 * - amountCents: an amount with a currency (€, EUR, Euro) in German or English notation, in cents.
 * Never throws; absent entities are left out.
 */
export function extractEntities(text: string, today: string): ChatEntities {
  const raw = text.slice(0, 1000).normalize('NFC');
  const entities: ChatEntities = {};
  const ticket = ticketPattern.exec(raw);
  if (ticket) entities.ticketNumber = `${ticket[1]}-${ticket[2]}`;
  const rest = ticket ? raw.replace(ticket[0], ' ') : raw;
  const amount = findAmount(rest);
  if (amount) entities.amountCents = amount.cents;
  const withoutAmount = amount ? rest.replace(amount.match, ' ') : rest;
  const top = topPattern.exec(withoutAmount) ?? shortTopPattern.exec(withoutAmount);
  if (top) entities.top = top[1]!.replace(/\s+/g, '');
  const folded = foldUmlauts(withoutAmount.toLowerCase());
  const year = findYear(top ? folded.replace(foldUmlauts(top[0].toLowerCase()), ' ') : folded, today);
  const month = findMonth(folded, today);
  if (month) {
    entities.month = month.month;
    entities.year = year ?? month.year ?? latestYearOf(month.month, today);
  } else if (year !== undefined) entities.year = year;
  return entities;
}

/** The year of the latest occurrence of a month up to today's month. */
const latestYearOf = (month: number, today: string): number =>
  Number(today.slice(0, 4)) - (month > Number(today.slice(5, 7)) ? 1 : 0);
