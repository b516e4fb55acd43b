import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { PaymentMethod } from '@hausportal/api';
import { systemClock, type Clock } from '../clock.ts';
import { engineOf, isPostgresUrl, migrate, openDb, type Db } from '../db.ts';
import { isEmpty, seedDemo } from './demo.ts';
import { chargeMonths } from './money.ts';
import type { LineSpec, Story } from './money-data.ts';
import { chargeRows, ledgerRows, seedClock, type ChargeRow, type LedgerRow, type SeedClock } from './money-ledger.ts';
import { textPdf } from './pdf.ts';

// A big database for the benchmarks: N generated units (default 50,000) in ~1,000 properties of one organization,
// each with a tenant, this year's charges and ledger, an energy certificate per unit, house rules per property and three notices
// per property (one expired). Added to an already seeded database (the demo seed first when
// it is empty) in one transaction, so the demo logins see the same data as before while every table is large.
//
//   npm run seed:big -w @hausportal/server -- --units 50000 --db /tmp/big.sqlite
//   npm run seed:big -w @hausportal/server -- --units 50000 --db postgres://… --schema hp_big
//   node server/dist/seed-big.js --units 50000 --db …          (after `npm run build -w @hausportal/server`)
//
// The rows bypass knex's query builder: on SQLite one prepared INSERT … SELECT FROM json_each(?) per table with a
// JSON array of rows, on PostgreSQL INSERT … SELECT FROM unnest($1::type[], …) with one array per column. Rows are
// generated one property at a time while the connection writes the previous property's.

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
  /** All rows written (properties, units, persons, contracts, charges, ledger entries). */
  rows: number;
  /** Time taken, statistics (ANALYZE) included. */
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

/**
 * UUID version 7 like `newId`, its random bits cut from one large buffer: a `randomBytes` call per id alone took 7 s of
 * the 2.8 million ids of 50,000 units.
 */
function idSource(): () => string {
  let pool = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at === pool.length) {
      pool = randomBytes(16 * 8192);
      at = 0;
    }
    const bytes = pool.subarray(at, (at += 16));
    bytes.writeUIntBE(Date.now(), 0, 6);
    bytes[6] = 0x70 | (bytes[6]! & 0x0f);
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

type Row = Record<string, unknown>;

/** Writes rows on the transaction's own connection in large statements, bypassing knex's query building. */
interface BulkWriter {
  /** Starts writing; the statements are queued on the connection in call order. */
  write(table: string, rows: readonly Row[]): Promise<void>;
  close(): Promise<void>;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The promise kept in `map` under `key`, made by `make` the first time. */
function cached<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) map.set(key, (value = make()));
  return value;
}

interface SqliteStatement {
  run(params: unknown[], callback: (err: Error | null) => void): void;
  finalize(callback: () => void): void;
}
interface SqliteConnection {
  prepare(sql: string, callback: (err: Error | null) => void): SqliteStatement;
}

/** Rows per statement (a property's charges are about 1,650). */
const sqliteRows = 2000;

/**
 * SQLite: per table one prepared `INSERT … SELECT value->>0, value->>1, … FROM json_each(?)`, run with a JSON array
 * of a few thousand rows (each an array of the column values). One bound parameter per statement instead of one per
 * value: binding values one by one costs the sqlite3 driver more than SQLite's own work, while V8 writes and SQLite
 * reads JSON quickly.
 */
function sqliteWriter(conn: SqliteConnection): BulkWriter {
  const statements = new Map<string, Promise<SqliteStatement>>();
  const prepared = (table: string, columns: string[]): Promise<SqliteStatement> =>
    cached(statements, `${table}(${columns.join()})`, () => {
      const sql = `insert into ${quote(table)} (${columns.map(quote).join(',')}) select ${columns.map((_, i) => `value->>${i}`).join(',')} from json_each(?)`;
      return new Promise((resolve, reject) => {
        const s = conn.prepare(sql, (err) => (err ? reject(err) : resolve(s)));
      });
    });
  return {
    async write(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const statement = await prepared(table, columns);
      const runs: Promise<void>[] = [];
      for (let i = 0; i < rows.length; i += sqliteRows) {
        const json = JSON.stringify(rows.slice(i, i + sqliteRows).map((row) => columns.map((c) => row[c] ?? null)));
        runs.push(new Promise((resolve, reject) => statement.run([json], (err) => (err ? reject(err) : resolve()))));
      }
      await Promise.all(runs);
    },
    async close() {
      const all = await Promise.allSettled(statements.values());
      await Promise.all(all.map((s) => (s.status === 'fulfilled' ? new Promise<void>((resolve) => s.value.finalize(resolve)) : undefined)));
    },
  };
}

interface PgConnection {
  query(config: { text: string; values?: unknown[] }): Promise<{ rows: Row[] }>;
}

const pgRows = 10_000;

/**
 * PostgreSQL: `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)`, one array per column, so a statement
 * carries thousands of rows in as many parameters as the table has columns.
 *
 * The foreign-key checks are queries by primary key whose plans the connection keeps. Planned while a table was still
 * small (the demo seed, or statistics of the empty tables), such a plan reads the table sequentially, and every
 * check of the load then reads all rows written so far: quadratic, hours for 50,000 units. So the transaction drops
 * the kept plans and plans without sequential scans.
 */
async function pgWriter(conn: PgConnection): Promise<BulkWriter> {
  await conn.query({ text: 'discard plans' });
  await conn.query({ text: 'set local enable_seqscan = off' });
  const types = new Map<string, Promise<Map<string, string>>>();
  const typesOf = (table: string): Promise<Map<string, string>> =>
    cached(types, table, async () => {
      const result = await conn.query({ text: 'select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = $1', values: [table] });
      return new Map(result.rows.map((c) => [String(c.column_name), String(c.udt_name)]));
    });
  return {
    async write(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const udt = await typesOf(table);
      const casts = columns.map((c, i) => {
        const type = udt.get(c);
        if (!type) throw new Error(`seed-big: no column ${table}.${c}`);
        return `$${i + 1}::${quote(type)}[]`;
      });
      const text = `insert into ${quote(table)} (${columns.map(quote).join(',')}) select * from unnest(${casts.join(',')})`;
      for (let i = 0; i < rows.length; i += pgRows) {
        const chunk = rows.slice(i, i + pgRows);
        await conn.query({ text, values: columns.map((c) => chunk.map((row) => row[c] ?? null)) });
      }
    },
    async close() {},
  };
}

/**
 * SQLite settings of the generating connection, before its one big transaction: no sync to disk (a crash leaves
 * nothing but a database to generate again) and a page cache large enough that the transaction does not spill
 * before its commit. Gives back a function that restores them.
 */
async function tuneSqlite(db: Db, conn: unknown): Promise<() => Promise<void>> {
  const pragma = async (sql: string): Promise<unknown> => Object.values(((await db.raw(`pragma ${sql}`).connection(conn)) as Row[])[0] ?? {})[0];
  const before = { synchronous: await pragma('synchronous'), cache_size: await pragma('cache_size') };
  await pragma('synchronous = off');
  await pragma('cache_size = -1048576'); // KiB: 1 GiB, more than the 50,000 units' 770 MB
  return async () => {
    for (const [name, value] of Object.entries(before)) await pragma(`${name} = ${Number(value)}`);
  };
}

interface PropertyRows {
  property: Row;
  units: Row[];
  persons: Row[];
  contracts: Row[];
  charges: ChargeRow[];
  ledger: LedgerRow[];
  documents: Row[];
  releases: Row[];
  targets: Row[];
  posts: Row[];
  postProperties: Row[];
}

/** The file and categories the generated documents share. */
interface DocumentSource {
  fileId: string;
  houseRules: string;
  energy: string;
}

interface Generator {
  organizationId: string;
  total: number;
  perProperty: number;
  clock: SeedClock;
  createdAt: string;
  newRowId: () => string;
  documents: DocumentSource;
  /** The post category of the generated notices. */
  postCategory: string;
}

/** A document on the shared file, released by one rule to one unit or property. */
function documentRows(g: Generator, rows: PropertyRows, categoryId: string, title: string, rule: 'unit_current' | 'property_role', target: { unit_id?: string; property_id?: string }): void {
  const documentId = g.newRowId();
  const releaseId = g.newRowId();
  rows.documents.push({ id: documentId, organization_id: g.organizationId, category_id: categoryId, file_id: g.documents.fileId, title, document_date: `${g.clock.y - 1}-03-01`, period_label: null, source: 'upload', created_by: null, created_at: g.createdAt, withdrawn_at: null });
  rows.releases.push({ id: releaseId, organization_id: g.organizationId, document_id: documentId, rule, role: null, period_from: null, period_to: null, notify: 'none', released_at: g.createdAt, released_by: null, revoked_at: null, revoked_by: null });
  rows.targets.push({ release_id: releaseId, person_id: null, unit_id: target.unit_id ?? null, property_id: target.property_id ?? null });
}

/**
 * The notices of a generated property: one running, one warning running until next week and one expired last month
 * (the expired one stays in the table, as it does in real organizations, and must cost the board nothing).
 */
function noticeRows(g: Generator, rows: PropertyRows, propertyId: string, street: string): void {
  const today = Date.parse(`${g.clock.today}T00:00:00Z`);
  const day = (offset: number) => new Date(today + offset * 86_400_000).toISOString().slice(0, 10);
  const notices = [
    { type: 'neutral', title: `Hausordnung ${street}`, from: day(-60), until: null },
    { type: 'warning', title: `Wartung der Heizung, ${street}`, from: day(-2), until: day(7) },
    { type: 'info', title: `Stiegenhausreinigung, ${street}`, from: day(-60), until: day(-30) },
  ];
  for (const n of notices) {
    const id = g.newRowId();
    rows.posts.push({
      id, organization_id: g.organizationId, category_id: g.postCategory, status: 'published', type: n.type, title: n.title,
      body_html: '<p>Generierte Mitteilung für Lasttests.</p>', body_text: 'Generierte Mitteilung für Lasttests.', audience_role: 'both',
      visible_from: n.from, visible_until: n.until, appointment_start: null, appointment_end: null, appointment_all_day: false, appointment_place: null,
      link_url: null, link_text: null, pinned: false, requires_ack: false, revision: 1, revised_at: null, author_kind: 'staff', author_user_id: null,
      published_at: g.createdAt, unpublished_at: null, reminded_at: null, created_at: g.createdAt, updated_at: g.createdAt,
    });
    rows.postProperties.push({ post_id: id, property_id: propertyId });
  }
}

/** The rows of generated property number `p`: its units, each with a tenant, a contract, charges and ledger. */
function propertyRows(g: Generator, p: number): PropertyRows {
  const { clock, newRowId } = g;
  const year = { ...clock, firstMonth: `${clock.y}-01` };
  const propertyId = newRowId();
  const street = `${streets[p % streets.length]} ${100 + Math.floor(p / streets.length)}`;
  const district = 1 + (p % 23);
  const rows: PropertyRows = {
    property: { id: propertyId, organization_id: g.organizationId, name: `Wohnanlage ${street}`, street, postal_code: `1${String(district).padStart(2, '0')}0`, city: 'Wien', country: 'AT', image_url: null, created_at: g.createdAt },
    units: [], persons: [], contracts: [], charges: [], ledger: [], documents: [], releases: [], targets: [], posts: [], postProperties: [],
  };
  noticeRows(g, rows, propertyId, street);
  documentRows(g, rows, g.documents.houseRules, `Hausordnung ${street}`, 'property_role', { property_id: propertyId });
  const count = Math.min(g.perProperty, g.total - p * g.perProperty);
  const areas = Array.from({ length: count }, (_, i) => 38 + ((p * 7 + i * 13) % 70));
  const totalArea = areas.reduce((a, b) => a + b, 0);
  for (let i = 0; i < count; i++) {
    const n = p * g.perProperty + i;
    const unitId = newRowId();
    const personId = newRowId();
    const edvNo = `${String(2000 + p).padStart(4, '0')}-${String(i + 1).padStart(4, '0')}`;
    rows.units.push({ id: unitId, property_id: propertyId, top: String(i + 1), edv_no: edvNo, usage: 'apartment', area_m2: areas[i], share_num: areas[i], share_den: totalArea });
    documentRows(g, rows, g.documents.energy, `Energieausweis Top ${i + 1}`, 'unit_current', { unit_id: unitId });
    rows.persons.push({ id: personId, organization_id: g.organizationId, name: `${firstNames[n % firstNames.length]} ${lastNames[Math.floor(n / firstNames.length) % lastNames.length]}`, street, postal_code: null, city: 'Wien', country: 'AT', email: null, created_at: g.createdAt });
    const contractId = newRowId();
    const validFrom = `${clock.y - 1 - (n % 9)}-${String(1 + (n % 12)).padStart(2, '0')}-01`;
    const payment = methods[n % methods.length]!;
    const story: Story = n % 25 === 7 ? 'late_payer' : 'on_time';
    rows.contracts.push({ id: contractId, unit_id: unitId, person_id: personId, role: 'tenant', valid_from: validFrom, valid_to: null, payment_method: payment, account_no: String(5_000_000 + n) });
    const gross = new Map<string, number>();
    const lines = generatedLines(areas[i]!, totalArea, 1 + (n % 5) / 10);
    for (const period of chargeMonths(validFrom, null, year)) {
      const charges = chargeRows(contractId, lines, period, clock.y, newRowId);
      rows.charges.push(...charges);
      gross.set(period, charges.reduce((sum, c) => sum + c.gross_cents, 0));
    }
    rows.ledger.push(...ledgerRows({ id: contractId, edvNo, validFrom, validTo: null, payment, story, chargeText: 'Vorschreibung' }, gross, year, newRowId));
  }
  return rows;
}

/** One small PDF for every generated document, and the demo seed's categories for house rules and energy certificates. */
async function documentSource(db: Db, organizationId: string, fileId: string, createdAt: string): Promise<DocumentSource> {
  const category = async (name: string): Promise<string> => {
    const row = (await db('document_categories').where({ organization_id: organizationId, name_de: name }).first('id')) as { id: string } | undefined;
    if (!row) throw new Error(`no document category ${name}: seed the demo first`);
    return row.id;
  };
  const bytes = textPdf([{ text: 'Hausportal', bold: true }, { text: 'Generiertes Dokument für Lasttests.' }]);
  await db('files').insert({ id: fileId, organization_id: organizationId, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mime: 'application/pdf', original_name: 'Dokument.pdf', bytes, created_at: createdAt });
  return { fileId, houseRules: await category('Hausordnung'), energy: await category('Energieausweis') };
}

/** The category "Allgemein" of the organization (the seed adds the default categories). */
async function postCategory(db: Db, organizationId: string): Promise<string> {
  const row = (await db('post_categories').where({ organization_id: organizationId, key: 'allgemein' }).first('id')) as { id: string } | undefined;
  if (!row) throw new Error('no post category allgemein: seed the demo first');
  return row.id;
}

/** Adds the generated properties, units, persons, contracts, charges, ledgers and documents to a seeded database. */
export async function seedBig(db: Db, options: BigSeedOptions = {}): Promise<BigSeedResult> {
  const started = performance.now();
  const total = options.units ?? 50_000;
  const perProperty = options.perProperty ?? 50;
  const org = await db('organizations').where({ slug: options.organization ?? 'immopro' }).first('id');
  if (!org) throw new Error(`no organization ${options.organization ?? 'immopro'}: seed the demo first`);
  const newRowId = idSource();
  const createdAt = new Date().toISOString();
  const generator: Generator = {
    organizationId: org.id, total, perProperty, clock: seedClock((options.clock ?? systemClock)()), createdAt, newRowId,
    documents: await documentSource(db, org.id, newRowId(), createdAt),
    postCategory: await postCategory(db, org.id),
  };
  const result: BigSeedResult = { properties: 0, units: 0, contracts: 0, charges: 0, ledgerEntries: 0, rows: 0, ms: 0 };
  const propertyCount = Math.ceil(total / perProperty);

  // One connection for the settings and the transaction.
  const conn: unknown = await db.client.acquireConnection();
  const sqlite = engineOf(db) === 'sqlite';
  try {
    const restore = sqlite ? await tuneSqlite(db, conn) : async () => {};
    try {
      await db.transaction(async () => {
        const writer = sqlite ? sqliteWriter(conn as SqliteConnection) : await pgWriter(conn as PgConnection);
        // One property at a time (its rows die young, which spares the garbage collector), generated while the
        // connection still writes the one before.
        let writing: Promise<unknown> = Promise.resolve();
        try {
          for (let p = 0; p < propertyCount; p++) {
            const rows = propertyRows(generator, p);
            await writing;
            const tables = [
              ['properties', [rows.property]], ['units', rows.units], ['persons', rows.persons], ['contracts', rows.contracts], ['charges', rows.charges], ['ledger_entries', rows.ledger],
              ['documents', rows.documents], ['document_releases', rows.releases], ['document_release_targets', rows.targets],
              ['posts', rows.posts], ['post_properties', rows.postProperties],
            ] as const;
            // In this order: each table's rows refer to the ones before, and foreign keys are checked per statement.
            writing = (async () => {
              for (const [table, list] of tables) await writer.write(table, list as readonly object[] as readonly Row[]);
            })();
            for (const [, list] of tables) result.rows += list.length;
            result.properties += 1;
            result.units += rows.units.length;
            result.contracts += rows.contracts.length;
            result.charges += rows.charges.length;
            result.ledgerEntries += rows.ledger.length;
            if (p % 200 === 199) options.log?.(`  ${result.units} units … ${((performance.now() - started) / 1000).toFixed(1)} s`);
          }
          await writing;
        } finally {
          await writing.catch(() => undefined);
          await writer.close();
        }
        options.log?.(`  all rows sent in ${((performance.now() - started) / 1000).toFixed(1)} s, committing …`);
      }, { connection: conn });
    } finally {
      await restore();
    }
  } finally {
    await db.client.releaseConnection(conn);
  }
  const written = performance.now();
  // Fresh statistics so both engines plan the benchmark queries on the big tables (on PostgreSQL the tables of this
  // schema only, not the whole database with every other schema in it).
  if (sqlite) await db.raw('ANALYZE');
  else {
    const tables = (await db('information_schema.tables').whereRaw('table_schema = current_schema()').where('table_type', 'BASE TABLE').pluck('table_name')) as string[];
    await db.raw(`ANALYZE ${tables.map(quote).join(', ')}`);
  }
  options.log?.(`  written in ${((written - started) / 1000).toFixed(1)} s, statistics (ANALYZE) in ${((performance.now() - written) / 1000).toFixed(1)} s`);
  result.ms = Math.round(performance.now() - started);
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { units: { type: 'string', default: '50000' }, db: { type: 'string' }, schema: { type: 'string' }, 'per-property': { type: 'string', default: '50' } },
  });
  const given = values.db ?? process.env.HP_DATABASE_URL;
  // A file path is taken from where the command was typed (npm -w runs the script inside server/), its folder made.
  const url = given && !isPostgresUrl(given) && !isAbsolute(given.replace(/^sqlite:(\/\/)?/, '')) ? resolve(process.env.INIT_CWD ?? process.cwd(), given.replace(/^sqlite:(\/\/)?/, '')) : given;
  if (url && !isPostgresUrl(url)) mkdirSync(dirname(url.replace(/^sqlite:(\/\/)?/, '')), { recursive: true });
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
    console.log(`${r.properties} properties, ${r.units} units, ${r.contracts} contracts, ${r.charges} charges, ${r.ledgerEntries} ledger entries: ${r.rows} rows in ${(r.ms / 1000).toFixed(1)} s, ${Math.round(r.rows / (r.ms / 1000))} rows/s`);
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
