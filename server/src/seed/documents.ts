import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import { personsReached, type ReleaseRule, type ReleaseSpec } from '../access/releases.ts';
import { insertAll } from './money.ts';
import { seedClock } from './money-ledger.ts';
import { textPdf } from './pdf.ts';
import { demoCategories, type CategorySpec } from './documents-data.ts';

// The demo's documents, released by each organization's manager through the four release rules:
// - per property: the Hausordnung (all current tenants and owners), the owners' Wohnungseigentumsvertrag, the
//   minutes of the last owners' meeting and the building insurance policy (current owners);
// - per unit: the Energieausweis (whoever occupies it now or later) and, where tenants lived in it last year, the
//   operating-cost statement of that year (the occupants of that year: a tenant who moved out during the year
//   keeps it, one who moved in later never sees it);
// - a payment reminder to the late payer (one person; sensitive: its mail carries no title).
// The house rules and energy certificates are read already; everything else is new. Runs inside the demo seed's
// transaction after seedMoney, and sends no mail.

interface PropertyRow { id: string; organization_id: string; name: string; street: string; postal_code: string; city: string; country: string }
interface UnitRow { id: string; property_id: string; top: string }
interface ContractRow { unit_id: string; role: 'tenant' | 'owner'; valid_from: string; valid_to: string | null }

interface Rows {
  files: Record<string, unknown>[];
  documents: Record<string, unknown>[];
  releases: Record<string, unknown>[];
  targets: Record<string, unknown>[];
  reads: Record<string, unknown>[];
}

interface OrgContext {
  id: string;
  name: string;
  managerUserId: string | null;
  categories: Map<string, string>;
  now: Date;
  today: string;
}

/** The rows of one organization's category tree (German names as its country says them); fills category key → id. */
function categoryRows(organizationId: string, germany: boolean, created: string, specs: CategorySpec[], parentId: string | null, out: Record<string, unknown>[], ids: Map<string, string>): void {
  specs.forEach((spec, index) => {
    const id = newId();
    ids.set(spec.key, id);
    out.push({
      id, organization_id: organizationId, parent_id: parentId, name_de: (germany && spec.germany) || spec.de, name_en: spec.en, sort: (index + 1) * 10,
      default_roles: spec.roles, default_notify: spec.notify, mandatory: spec.mandatory ?? false, sensitive: spec.sensitive ?? false, created_at: created,
    });
    if (spec.children) categoryRows(organizationId, germany, created, spec.children, id, out, ids);
  });
}

const germanDate = (day: string): string => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

interface DocumentSpec {
  category: string;
  title: string;
  date: string;
  period?: string;
  fileName: string;
  lines: string[];
  release: Omit<ReleaseSpec, 'personIds' | 'unitIds' | 'propertyIds'> & Partial<Pick<ReleaseSpec, 'personIds' | 'unitIds' | 'propertyIds'>>;
  /** Mark it read (seen and opened) by everyone it reaches. */
  read?: boolean;
}

/** One document: its PDF, the document row, its release with targets and, when asked, the reads. */
async function addDocument(trx: Knex, org: OrgContext, property: PropertyRow | null, spec: DocumentSpec, rows: Rows): Promise<void> {
  const created = org.now.toISOString();
  const address = property ? `${property.street}, ${property.postal_code} ${property.city}` : '';
  const bytes = textPdf(
    [
      { text: org.name, bold: true, size: 13 },
      ...(address ? [{ text: address, size: 10 }] : []),
      { text: spec.title, bold: true, size: 15, gap: 24 },
      { text: `Datum: ${germanDate(spec.date)}`, size: 10, gap: 6 },
      ...spec.lines.map((text, i) => ({ text, gap: i === 0 ? 18 : 2 })),
    ],
    { title: spec.title, author: org.name, created: org.now },
  );
  const fileId = newId();
  rows.files.push({ id: fileId, organization_id: org.id, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mime: 'application/pdf', original_name: spec.fileName, bytes, created_at: created });
  const documentId = newId();
  rows.documents.push({
    id: documentId, organization_id: org.id, category_id: org.categories.get(spec.category)!, file_id: fileId, title: spec.title, document_date: spec.date,
    period_label: spec.period ?? null, source: 'upload', created_by: org.managerUserId, created_at: created, withdrawn_at: null,
  });
  const release: ReleaseSpec = { personIds: [], unitIds: [], propertyIds: [], ...spec.release };
  const releaseId = newId();
  rows.releases.push({
    id: releaseId, organization_id: org.id, document_id: documentId, rule: release.rule, role: release.role, period_from: release.periodFrom, period_to: release.periodTo,
    notify: 'none', released_at: created, released_by: org.managerUserId, revoked_at: null, revoked_by: null,
  });
  for (const person_id of release.personIds) rows.targets.push({ release_id: releaseId, person_id, unit_id: null, property_id: null });
  for (const unit_id of release.unitIds) rows.targets.push({ release_id: releaseId, person_id: null, unit_id, property_id: null });
  for (const property_id of release.propertyIds) rows.targets.push({ release_id: releaseId, person_id: null, unit_id: null, property_id });
  if (!spec.read) return;
  for (const person of await personsReached(trx, org.id, release, org.today)) {
    rows.reads.push({ document_id: documentId, person_id: person.id, first_seen_at: created, first_opened_at: created });
  }
}

const rule = (r: ReleaseRule, role: 'tenant' | 'owner' | null, period?: [string, string]) => ({ rule: r, role, periodFrom: period?.[0] ?? null, periodTo: period?.[1] ?? null });

/** The documents of one property and its units. */
async function propertyDocuments(trx: Knex, org: OrgContext, property: PropertyRow, rows: Rows): Promise<void> {
  const { y, today } = seedClock(org.now);
  const before = (day: string) => (day < today ? day : today);
  const at = property.country === 'AT';
  const units = (await trx('units').where({ property_id: property.id }).orderBy('top').select('id', 'property_id', 'top')) as UnitRow[];
  const contracts = (await trx('contracts').whereIn('unit_id', units.map((u) => u.id)).select('unit_id', 'role', 'valid_from', 'valid_to')) as ContractRow[];
  const hasOwners = contracts.some((c) => c.role === 'owner');
  const propertyIds = [property.id];

  await addDocument(trx, org, property, {
    category: 'rules', title: `Hausordnung ${property.name}`, date: `${y - 2}-01-15`, fileName: `Hausordnung ${property.name}.pdf`, read: true,
    lines: ['1. Ruhezeiten: 22:00 bis 6:00 Uhr sowie an Sonn- und Feiertagen.', '2. Fahrräder und Kinderwagen nur in den dafür vorgesehenen Räumen.', '3. Der Müll ist getrennt in den Behältern im Hof zu entsorgen.'],
    release: { ...rule('property_role', null), propertyIds },
  }, rows);
  if (hasOwners) {
    await addDocument(trx, org, property, {
      category: 'we', title: at ? 'Wohnungseigentumsvertrag' : 'Teilungserklärung und Gemeinschaftsordnung', date: `${y - 12}-01-01`, fileName: at ? 'WE-Vertrag.pdf' : 'Teilungserklärung.pdf',
      lines: [at ? 'Vertrag über die Begründung von Wohnungseigentum (WEG 2002).' : 'Teilungserklärung nach § 8 WEG mit Gemeinschaftsordnung.', `Liegenschaft: ${property.name}`],
      release: { ...rule('property_role', 'owner'), propertyIds },
    }, rows);
    const meeting = before(`${y}-04-22`);
    await addDocument(trx, org, property, {
      category: 'assembly', title: `Protokoll der Eigentümerversammlung vom ${germanDate(meeting)}`, date: meeting, period: String(y), fileName: `Protokoll Eigentümerversammlung ${meeting}.pdf`,
      lines: ['TOP 1: Genehmigung der Jahresabrechnung ' + (y - 1) + ' — angenommen.', 'TOP 2: Wirtschaftsplan ' + y + ' — angenommen.', 'TOP 3: Sanierung der Fassade — vertagt.'],
      release: { ...rule('property_role', 'owner'), propertyIds },
    }, rows);
    await addDocument(trx, org, property, {
      category: 'insurance', title: `${at ? 'Polizze' : 'Versicherungsschein'} Gebäudeversicherung ${y}`, date: before(`${y}-01-10`), period: String(y), fileName: `${at ? 'Polizze' : 'Versicherungsschein'} Gebäudeversicherung ${y}.pdf`,
      lines: ['Verbundene Gebäudeversicherung: Feuer, Leitungswasser, Sturm.', `Versicherungsperiode 01.01.${y} bis 31.12.${y}.`],
      release: { ...rule('property_role', 'owner'), propertyIds },
    }, rows);
  }
  for (const unit of units) {
    await addDocument(trx, org, property, {
      category: 'energy', title: `Energieausweis Top ${unit.top}`, date: `${y - 3}-05-10`, fileName: `Energieausweis Top ${unit.top}.pdf`, read: true,
      lines: ['Heizwärmebedarf (HWB): 68 kWh/m²a, Klasse C.', 'Gültig zehn Jahre ab Ausstellung.'],
      release: { ...rule('unit_current', null), unitIds: [unit.id] },
    }, rows);
    const last = y - 1;
    const tenantsLastYear = contracts.some((c) => c.unit_id === unit.id && c.role === 'tenant' && c.valid_from <= `${last}-12-31` && (c.valid_to === null || c.valid_to >= `${last}-01-01`));
    if (!tenantsLastYear) continue;
    const title = `${at ? 'Betriebskostenabrechnung' : 'Nebenkostenabrechnung'} ${last} – Top ${unit.top}`;
    await addDocument(trx, org, property, {
      category: 'bk', title, date: before(`${y}-06-30`), period: String(last), fileName: `${title}.pdf`,
      lines: [`Abrechnungszeitraum 01.01.${last} bis 31.12.${last}.`, 'Die Abrechnung enthält Ihren Anteil an den Betriebskosten nach Nutzfläche.'],
      release: { ...rule('occupancy', 'tenant', [`${last}-01-01`, `${last}-12-31`]), unitIds: [unit.id] },
    }, rows);
  }
}

/** Categories and documents of every demo organization (demo seed, after seedMoney). */
export async function seedDocuments(trx: Knex, clock: Clock): Promise<void> {
  const now = clock();
  const created = now.toISOString();
  const rows: Rows = { files: [], documents: [], releases: [], targets: [], reads: [] };
  const categoryRowsAll: Record<string, unknown>[] = [];
  const orgs = (await trx('organizations').orderBy('slug').select('id', 'name')) as { id: string; name: string }[];
  const contexts: OrgContext[] = [];
  for (const o of orgs) {
    const categories = new Map<string, string>();
    const country = (await trx('properties').where({ organization_id: o.id }).first('country')) as { country: string } | undefined;
    categoryRows(o.id, country?.country === 'DE', created, demoCategories, null, categoryRowsAll, categories);
    const manager = (await trx('memberships').where({ organization_id: o.id, role: 'manager' }).orderBy('created_at').first('user_id')) as { user_id: string } | undefined;
    contexts.push({ id: o.id, name: o.name, managerUserId: manager?.user_id ?? null, categories, now, today: seedClock(now).today });
  }
  await insertAll(trx, 'document_categories', categoryRowsAll);
  for (const org of contexts) {
    for (const property of (await trx('properties').where({ organization_id: org.id }).orderBy('street').select('*')) as PropertyRow[]) {
      await propertyDocuments(trx, org, property, rows);
    }
  }
  // The late payer's reminder: one named person, a sensitive category.
  const lehner = (await trx('persons as p').join('organizations as o', 'o.id', 'p.organization_id').where({ 'o.slug': 'immopro', 'p.name': 'Markus Lehner' }).first('p.id', 'p.organization_id')) as { id: string; organization_id: string } | undefined;
  const immopro = contexts.find((c) => c.id === lehner?.organization_id);
  if (lehner && immopro) {
    const day = immopro.today;
    await addDocument(trx, immopro, null, {
      category: 'dunning', title: '1. Mahnung – Rückstand Vorschreibung', date: day, fileName: `Mahnung ${day}.pdf`,
      lines: ['Sehr geehrter Herr Lehner,', 'auf Ihrem Konto besteht ein Rückstand. Bitte überweisen Sie den offenen Betrag binnen 14 Tagen.'],
      release: { ...rule('persons', null), personIds: [lehner.id] },
    }, rows);
  }
  await insertAll(trx, 'files', rows.files);
  await insertAll(trx, 'documents', rows.documents);
  await insertAll(trx, 'document_releases', rows.releases);
  await insertAll(trx, 'document_release_targets', rows.targets);
  await insertAll(trx, 'document_reads', rows.reads);
}
