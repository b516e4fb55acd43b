import { call, login, type Answer, type Session, type TestServer } from './helpers.ts';
import type { Db } from '../src/db.ts';
import { newId } from '../src/ids.ts';

// What the manager API tests share: the demo managers' logins, multipart requests, small files of each kind and
// lookups of the demo's rows by name.

export const managers = {
  pichler: { username: 'apichler', password: 'Verwaltung#Wien3', org: 'immopro' },
  krueger: { username: 'skrueger', password: 'Alster-Ufer-88', org: 'krueger' },
};

export const loginAs = (s: TestServer, who: { username: string; password: string; org: string }): Promise<Session> => login(s.url, who.username, who.password, who.org);

export interface FilePart {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  type?: string;
}

/** A multipart/form-data request (FormData, as a browser sends it: UTF-8 file names as they are). */
export async function postForm(base: string, path: string, token: string | undefined, fields: Record<string, string>, files: FilePart[], headers: Record<string, string> = {}): Promise<Answer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const f of files) form.append(f.name, new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.fileName);
  const res = await fetch(`${base}/api${path}`, { method: 'POST', body: form, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const text = await res.text();
  // JSON and problem+json answers are JSON; anything else stays text only.
  const body: unknown = /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : null;
  return { status: res.status, headers: res.headers, text, body };
}

/** A small PDF (a header, a line of text and the trailer are enough for the type sniffer). */
export const pdf = (text = 'Hausportal', size = 0): Buffer => {
  const body = Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
  return size > body.length ? Buffer.concat([body, Buffer.alloc(size - body.length, 0x20)]) : body;
};

/** A Windows program (MZ header) and an HTML page: both refused whatever they are called. */
export const exe = (): Buffer => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(240)]);
export const html = (): Buffer => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n');

export const organizationId = async (db: Db, slug: string): Promise<string> => (await db('organizations').where({ slug }).first('id')).id;

export async function categoryId(db: Db, slug: string, nameDe: string): Promise<string> {
  const row = await db('document_categories as c').join('organizations as o', 'o.id', 'c.organization_id').where({ 'o.slug': slug, 'c.name_de': nameDe }).first('c.id');
  if (!row) throw new Error(`no category ${nameDe} in ${slug}`);
  return row.id;
}

export async function personId(db: Db, slug: string, name: string): Promise<string> {
  const row = await db('persons as p').join('organizations as o', 'o.id', 'p.organization_id').where({ 'o.slug': slug, 'p.name': name }).first('p.id');
  if (!row) throw new Error(`no person ${name} in ${slug}`);
  return row.id;
}

export async function unitId(db: Db, edvNo: string): Promise<string> {
  return (await db('units').where({ edv_no: edvNo }).first('id')).id;
}

export async function propertyId(db: Db, name: string): Promise<string> {
  return (await db('properties').where({ name }).first('id')).id;
}

/** A person of the organization with a contract on the unit (no login). */
export async function addContract(db: Db, slug: string, name: string, unit: string, role: 'tenant' | 'owner', from: string, to: string | null, email: string | null = null): Promise<string> {
  const person = newId();
  await db('persons').insert({ id: person, organization_id: await organizationId(db, slug), name, email, created_at: new Date().toISOString() });
  await db('contracts').insert({ id: newId(), unit_id: unit, person_id: person, role, valid_from: from, valid_to: to, payment_method: 'transfer', account_no: `X${Math.floor(Math.random() * 1e6)}` });
  return person;
}

/** Uploads a small PDF as a document of the category and returns the answer's body. */
export async function upload(s: TestServer, token: string, category: string, title = 'Testdokument', fileName = 'Test.pdf'): Promise<any> {
  const a = await postForm(s.url, '/admin/documents', token, { title, categoryId: category, documentDate: '2026-03-01' }, [{ name: 'file', fileName, bytes: pdf(title) }]);
  if (a.status !== 201) throw new Error(`upload: ${a.status} ${a.text}`);
  return a.body;
}

export const json = (base: string, path: string, token: string, method: string, body?: unknown): Promise<Answer> => call(base, path, { token, method, body });

export const auditRows = (db: Db, action?: string) => {
  const q = db('audit_log').orderBy('at').orderBy('id');
  if (action) q.where({ action });
  return q;
};
