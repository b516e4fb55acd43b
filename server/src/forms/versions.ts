import type { FormDefinition, Labelled } from '@hausportal/api';
import type { Db } from '../db.ts';
import { json } from '../db.ts';

// Form versions (migration 009 `forms`): a version never changes once written, so a version read once is kept for the
// life of the process. The current version of a key is its highest.

/** One stored version of a form. */
export interface FormVersion {
  id: string;
  organizationId: string;
  key: string;
  version: number;
  sort: number;
  definition: FormDefinition;
  createdAt: string;
}

interface FormRow {
  id: string;
  organization_id: string;
  key: string;
  version: number;
  sort: number;
  definition: string;
  created_at: string;
}

const columns = ['id', 'organization_id', 'key', 'version', 'sort', 'definition', 'created_at'];

const versionOf = (row: FormRow): FormVersion => ({
  id: row.id, organizationId: row.organization_id, key: row.key, version: Number(row.version), sort: Number(row.sort),
  definition: json<FormDefinition>(row.definition, {} as FormDefinition), createdAt: row.created_at,
});

/** Versions read so far, by id. Bounded by the number of versions ever written, which managers create by hand. */
const byId = new Map<string, FormVersion>();

const remember = (row: FormRow): FormVersion => {
  const known = byId.get(row.id);
  if (known) return known;
  const version = versionOf(row);
  byId.set(version.id, version);
  return version;
};

/** A version by organization, key and number; null when the organization has no such version. */
export async function formVersion(db: Db, organizationId: string, key: string, version: number): Promise<FormVersion | null> {
  const row = (await db('forms').where({ organization_id: organizationId, key, version }).first(columns)) as FormRow | undefined;
  return row ? remember(row) : null;
}

/** Versions by id (any organization; callers scope by the ticket they read), kept in memory once read. */
export async function formVersionsById(db: Db, ids: readonly string[]): Promise<Map<string, FormVersion>> {
  const missing = [...new Set(ids)].filter((id) => !byId.has(id));
  if (missing.length > 0) for (const row of (await db('forms').whereIn('id', missing).select(columns)) as FormRow[]) remember(row);
  return new Map(ids.filter((id) => byId.has(id)).map((id) => [id, byId.get(id)!]));
}

/** The current (highest) version of each form key of the organization, by `sort` then key. */
export async function currentForms(db: Db, organizationId: string): Promise<FormVersion[]> {
  const rows = (await db('forms as f')
    .where('f.organization_id', organizationId)
    .whereRaw('f.version = (select max(g.version) from forms g where g.organization_id = f.organization_id and g.key = f.key)')
    .orderBy([{ column: 'f.sort' }, { column: 'f.key' }])
    .select(columns.map((c) => `f.${c}`))) as FormRow[];
  return rows.map(remember);
}

/** The option `value` of a cascade level of the form, as key and label. */
function levelOption(definition: FormDefinition, level: 'location' | 'category' | 'problem', value: string | null): Labelled | null {
  if (value === null) return null;
  for (const field of definition.fields) {
    const option = field.levels?.find((l) => l.key === level)?.options.find((o) => o.value === value);
    if (option) return { key: value, label: option.label };
  }
  return { key: value, label: { de: value, en: value } };
}

/** {@link ticketLabels} of a ticket whose form version may be missing: then the form is named by its key, the rest null. */
export function labelsOrKeys(form: { definition: FormDefinition } | undefined, ticket: Parameters<typeof ticketLabels>[1] & { form_key: string }): ReturnType<typeof ticketLabels> {
  if (form) return ticketLabels(form.definition, ticket);
  return { form: { key: ticket.form_key, label: { de: ticket.form_key, en: ticket.form_key } }, location: null, category: null, problem: null, urgency: null };
}

/**
 * The labels of a ticket's keys in its form version: the cascade levels `location`, `category`, `problem` and the
 * field mapped to `urgency`; null where the ticket has no such value. A key the version does not know (a category
 * set by staff) is its own label.
 */
export function ticketLabels(definition: FormDefinition, keys: { location: string | null; category: string | null; problem: string | null; urgency: string | null }): {
  form: Labelled; location: Labelled | null; category: Labelled | null; problem: Labelled | null; urgency: Labelled | null;
} {
  const urgencyField = definition.fields.find((f) => f.mapsTo === 'urgency');
  const urgencyOption = urgencyField?.options?.find((o) => o.value === keys.urgency);
  return {
    form: { key: definition.key, label: definition.title },
    location: levelOption(definition, 'location', keys.location),
    category: levelOption(definition, 'category', keys.category),
    problem: levelOption(definition, 'problem', keys.problem),
    urgency: keys.urgency === null ? null : { key: keys.urgency, label: urgencyOption?.label ?? { de: keys.urgency, en: keys.urgency } },
  };
}
