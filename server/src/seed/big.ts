import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { PaymentMethod } from '@hausportal/api';
import { systemClock, type Clock } from '../clock.ts';
import { engineOf, isPostgresUrl, migrate, openDb, type Db } from '../db.ts';
import { newId } from '../ids.ts';
import { isEmpty, seedDemo } from './demo.ts';
import { chargeMonths, insertAll } from './money.ts';
import type { LineSpec, Story } from './money-data.ts';
import { chargeRows, ledgerRows, seedClock, type ChargeRow, type LedgerRow } from './money-ledger.ts';

// A big database for the benchmarks: N generated units (default 50,000) in ~1,000 properties of one organization,
// each with a tenant, this year's charges and ledger. Added to an already seeded database in one transaction,
// so the demo logins see the same data as before while every table is large.
//
//   node --import tsx server/src/seed-big.ts --units 50000 --db data/big.sqlite
//   node --import tsx server/src/seed-big.ts --units 50000 --db postgres://… --schema hp_big

export interface BigSeedOptions {
  units?: number;
  /** Units per property (default 50). */
  perProperty?: number;
  organization?: string;
  clock?: Clock;
  log?: (line: string) => void;
}

export interface BigSeedResult {
  properties: number;
  units: number;
  contracts: number;
  charges: number;
  ledgerEntries: number;
  ms: number;
}

const streets = ['Mariahilfer Straße', 'Favoritenstraße', 'Thaliastraße', 'Landstraßer Hauptstraße', 'Wiedner Hauptstraße', 'Alser Straße', 'Währinger Straße', 'Simmeringer Hauptstraße', 'Brünner Straße', 'Wagramer Straße', 'Meidlinger Hauptstraße', 'Hernalser Hauptstraße', 'Ottakringer Straße', 'Praterstraße', 'Josefstädter Straße', 'Neubaugasse', 'Gumpendorfer Straße', 'Leopoldsgasse', 'Quellenstraße', 'Triester Straße'];
const firstNames = ['Anna', 'Lukas', 'Sophie', 'David', 'Lena', 'Paul', 'Marie', 'Jakob', 'Laura', 'Felix', 'Julia', 'Elias', 'Hannah', 'Tobias', 'Sarah', 'Maximilian', 'Leonie', 'Simon', 'Valentina', 'Fabian'];
const lastNames = ['Gruber', 'Huber', 'Bauer', 'Wagner', 'Müller', 'Pichler', 'Steiner', 'Moser', 'Mayer', 'Hofer', 'Leitner', 'Berger', 'Fuchs', 'Eder', 'Fischer', 'Schmid', 'Winkler', 'Weber', 'Schwarz', 'Maier', 'Schneider', 'Reiter', 'Mayr', 'Schmidt', 'Wimmer'];
const methods: PaymentMethod[] = ['sepa_debit', 'sepa_debit', 'standing_order', 'transfer'];

const generatedLines = (area: number, totalArea: number, scale: number): LineSpec[] => [
  { item: 'main_rent', label: 'Hauptmietzins', key: 'area', keyValue: area, keyTotal: totalArea, net: Math.round(area * 890 * scale), vatBp: 1000, index: 0.05 },
  { item: 'operating_costs', label: 'Betriebskosten', key: 'area', keyValue: area, keyTotal: totalArea, net: Math.round(area * 260 * scale), vatBp: 1000, index: 0.035 },
  { item: 'heating', label: 'Heizkosten', key: 'consumption', keyValue: 1, keyTotal: null, net: Math.round(area * 110 * scale), vatBp: 2000, index: 0.06 },
];

/** Adds the generated properties, units, persons, contracts, charges and ledgers to a seeded database. */
export async function seedBig(db: Db, options: BigSeedOptions = {}): Promise<BigSeedResult> {
  const started = performance.now();
  const total = options.units ?? 50_000;
  const perProperty = options.perProperty ?? 50;
  const clock = seedClock((options.clock ?? systemClock)());
  const year = { ...clock, firstMonth: `${clock.y}-01` };
  const org = await db('organizations').where({ slug: options.organization ?? 'immopro' }).first('id');
  if (!org) throw new Error(`no organization ${options.organization ?? 'immopro'}: seed the demo first`);
  const createdAt = new Date().toISOString();
  const result: BigSeedResult = { properties: 0, units: 0, contracts: 0, charges: 0, ledgerEntries: 0, ms: 0 };
  const propertyCount = Math.ceil(total / perProperty);
  const batch = 20;

  await db.transaction(async (trx) => {
    for (let first = 0; first < propertyCount; first += batch) {
      const rows = { properties: [] as object[], units: [] as object[], persons: [] as object[], contracts: [] as object[], charges: [] as ChargeRow[], ledger: [] as LedgerRow[] };
      for (let p = first; p < Math.min(propertyCount, first + batch); p++) {
        const propertyId = newId();
        const street = `${streets[p % streets.length]} ${100 + Math.floor(p / streets.length)}`;
        const district = 1 + (p % 23);
        rows.properties.push({ id: propertyId, organization_id: org.id, name: `Wohnanlage ${street}`, street, postal_code: `1${String(district).padStart(2, '0')}0`, city: 'Wien', country: 'AT', image_url: null, created_at: createdAt });
        const count = Math.min(perProperty, total - p * perProperty);
        const areas = Array.from({ length: count }, (_, i) => 38 + ((p * 7 + i * 13) % 70));
        const totalArea = areas.reduce((a, b) => a + b, 0);
        for (let i = 0; i < count; i++) {
          const n = p * perProperty + i;
          const unitId = newId();
          const personId = newId();
          const edvNo = `${String(2000 + p).padStart(4, '0')}-${String(i + 1).padStart(4, '0')}`;
          rows.units.push({ id: unitId, property_id: propertyId, top: String(i + 1), edv_no: edvNo, usage: 'apartment', area_m2: areas[i], share_num: areas[i], share_den: totalArea });
          rows.persons.push({ id: personId, organization_id: org.id, name: `${firstNames[n % firstNames.length]} ${lastNames[Math.floor(n / firstNames.length) % lastNames.length]}`, street, postal_code: null, city: 'Wien', country: 'AT', email: null, created_at: createdAt });
          const contractId = newId();
          const validFrom = `${clock.y - 1 - (n % 9)}-${String(1 + (n % 12)).padStart(2, '0')}-01`;
          const payment = methods[n % methods.length]!;
          const story: Story = n % 25 === 7 ? 'late_payer' : 'on_time';
          rows.contracts.push({ id: contractId, unit_id: unitId, person_id: personId, role: 'tenant', valid_from: validFrom, valid_to: null, payment_method: payment, account_no: String(5_000_000 + n) });
          const gross = new Map<string, number>();
          const lines = generatedLines(areas[i]!, totalArea, 1 + (n % 5) / 10);
          for (const period of chargeMonths(validFrom, null, year)) {
            const charges = chargeRows(contractId, lines, period, clock.y);
            rows.charges.push(...charges);
            gross.set(period, charges.reduce((sum, c) => sum + c.gross_cents, 0));
          }
          rows.ledger.push(...ledgerRows({ id: contractId, edvNo, validFrom, validTo: null, payment, story, chargeText: 'Vorschreibung' }, gross, year));
        }
      }
      for (const [table, list] of [['properties', rows.properties], ['units', rows.units], ['persons', rows.persons], ['contracts', rows.contracts], ['charges', rows.charges], ['ledger_entries', rows.ledger]] as const) {
        await insertAll(trx, table, list);
      }
      result.properties += rows.properties.length;
      result.units += rows.units.length;
      result.contracts += rows.contracts.length;
      result.charges += rows.charges.length;
      result.ledgerEntries += rows.ledger.length;
      if ((first / batch) % 10 === 9) options.log?.(`  ${result.units} units …`);
    }
  });
  // Fresh statistics so both engines plan the benchmark queries on the big tables.
  await db.raw('ANALYZE');
  result.ms = Math.round(performance.now() - started);
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { units: { type: 'string', default: '50000' }, db: { type: 'string' }, schema: { type: 'string' }, 'per-property': { type: 'string', default: '50' } },
  });
  const url = values.db ?? process.env.HP_DATABASE_URL;
  const units = Number(values.units);
  if (!url || !Number.isInteger(units) || units < 1 || (values.schema && !/^[a-z_][a-z0-9_]*$/.test(values.schema))) {
    console.error('usage: seed-big --units 50000 --db <sqlite file | postgres://…> [--schema <postgres schema>] [--per-property 50]');
    process.exit(2);
  }
  const schema = isPostgresUrl(url) ? values.schema : undefined;
  if (schema) {
    const admin = openDb(url);
    await admin.raw('create schema if not exists ??', [schema]);
    await admin.destroy();
  }
  const db = openDb(url, { schema });
  try {
    await migrate(db, schema);
    if (await isEmpty(db)) {
      const t = performance.now();
      await seedDemo(db);
      console.log(`demo seed: ${Math.round(performance.now() - t)} ms`);
    }
    console.log(`adding ${units} units to ${engineOf(db)} ${url.replace(/\/\/[^@/]*@/, '//…@')}${schema ? ` schema ${schema}` : ''}`);
    const r = await seedBig(db, { units, perProperty: Number(values['per-property']), log: console.log });
    console.log(`${r.properties} properties, ${r.units} units, ${r.contracts} contracts, ${r.charges} charges, ${r.ledgerEntries} ledger entries in ${(r.ms / 1000).toFixed(1)} s`);
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
