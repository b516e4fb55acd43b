import type { Db } from '../db.ts';
import { checkFaqInput, faqChanged, newFaqRow } from '../chat/faq.ts';
import { starterFaq, type StarterFaqEntry } from './faq-data.ts';

// The starter FAQ of the chat bot (seed/faq-data.ts) for a new organization: every entry of its country in German and
// English, with the answer rendered (chat/faq-markdown.ts), through the same rules as the manager API (chat/faq.ts).

/** An entry of the starter set as the manager API would take it; `sort` keeps the set's order within a category. */
const inputOf = (e: StarterFaqEntry, sort: number) => ({ key: e.key, lang: e.lang, questions: e.questions, answer: e.answer, category: e.category, sort, ...(e.roles ? { roles: e.roles } : {}) });

/**
 * Adds the starter FAQ of `country` (AT: Austrian wording and law, DE: German) to the organization, written at
 * `nowIso` (ISO 8601). Entries whose key and language the organization already has are left as they are. Returns
 * how many entries the set has (84: 42 keys in de and en).
 */
export async function addStarterFaq(db: Db, organizationId: string, country: 'AT' | 'DE', nowIso: string): Promise<number> {
  const entries = starterFaq(country);
  const rows = entries.map((e, i) => newFaqRow(organizationId, checkFaqInput(inputOf(e, Math.floor(i / 2))), nowIso));
  for (let i = 0; i < rows.length; i += 100) await db('faq_entries').insert(rows.slice(i, i + 100)).onConflict(['organization_id', 'key', 'lang']).ignore();
  faqChanged(db, organizationId);
  return entries.length;
}
