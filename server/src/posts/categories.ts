import type { Knex } from 'knex';
import { newId } from '../ids.ts';

/** The categories every organization starts with (editable data; `key` stays stable for imports and the API). */
export const defaultPostCategories: readonly { key: string; de: string; en: string }[] = [
  { key: 'allgemein', de: 'Allgemein', en: 'General' },
  { key: 'hausordnung', de: 'Hausordnung', en: 'House rules' },
  { key: 'merkblaetter', de: 'Merkblätter', en: 'Leaflets' },
  { key: 'problemabfaelle', de: 'Problemabfälle/Sondermüll', en: 'Hazardous waste' },
  { key: 'garagenordnung', de: 'Garagenordnung', en: 'Garage rules' },
  { key: 'wartung', de: 'Wartung & Reparatur', en: 'Maintenance & repairs' },
  { key: 'reinigung', de: 'Reinigung', en: 'Cleaning' },
  { key: 'heizung-wasser', de: 'Heizung & Wasser', en: 'Heating & water' },
  { key: 'lift', de: 'Lift', en: 'Lift' },
  { key: 'veranstaltung', de: 'Veranstaltung', en: 'Event' },
];

/** Adds the {@link defaultPostCategories} the organization does not have yet (by key). */
export async function addDefaultPostCategories(db: Knex, organizationId: string, now: Date): Promise<void> {
  const rows = defaultPostCategories.map((c, i) => ({ id: newId(now.getTime()), organization_id: organizationId, key: c.key, name_de: c.de, name_en: c.en, sort: i, created_at: now.toISOString() }));
  await db('post_categories').insert(rows).onConflict(['organization_id', 'key']).ignore();
}
