import type { Db } from '../db.ts';

// Who a bulk import's `reference` names: a person's email (any case) or a unit's Top-EDV number, in the session's
// organization. A unit names the tenant whose contract covers the row's date, else the owner whose contract does;
// two of them (co-tenants, several owners) are ambiguous, like two persons with one email or two units with one number.

export interface Named {
  id: string;
  name: string;
}

export type ReferenceResult = { status: 'matched'; person: Named } | { status: 'unmatched' | 'ambiguous'; message: string };

interface ContractRow {
  unit_id: string;
  role: 'tenant' | 'owner';
  valid_from: string;
  valid_to: string | null;
  person_id: string;
  name: string;
}

const isEmail = (reference: string) => reference.includes('@');

function onePerson(persons: Named[], none: string, several: string): ReferenceResult {
  const distinct = [...new Map(persons.map((p) => [p.id, p])).values()];
  if (distinct.length === 1) return { status: 'matched', person: distinct[0]! };
  return distinct.length === 0 ? { status: 'unmatched', message: none } : { status: 'ambiguous', message: several };
}

/** Loads everything the references need in three queries and returns the lookup for one reference and date. */
export async function referenceFinder(db: Db, organizationId: string, references: string[]): Promise<(reference: string, date: string) => ReferenceResult> {
  const emails = [...new Set(references.filter(isEmail).map((r) => r.toLowerCase()))];
  const numbers = [...new Set(references.filter((r) => r !== '' && !isEmail(r)))];
  const persons = (emails.length === 0
    ? []
    : await db('persons').where('organization_id', organizationId).whereRaw(`lower(email) in (${emails.map(() => '?').join(', ')})`, emails).select('id', 'name', 'email')) as (Named & { email: string })[];
  const units = (numbers.length === 0
    ? []
    : await db('units as u').join('properties as p', 'p.id', 'u.property_id').where('p.organization_id', organizationId).whereIn('u.edv_no', numbers).select('u.id', 'u.edv_no')) as {
    id: string;
    edv_no: string;
  }[];
  const contracts = (units.length === 0
    ? []
    : await db('contracts as c')
        .join('persons as pe', 'pe.id', 'c.person_id')
        .whereIn('c.unit_id', units.map((u) => u.id))
        .select('c.unit_id', 'c.role', 'c.valid_from', 'c.valid_to', 'c.person_id', 'pe.name')) as ContractRow[];

  return (reference, date) => {
    if (reference === '') return { status: 'unmatched', message: 'No reference.' };
    if (isEmail(reference)) {
      const email = reference.toLowerCase();
      return onePerson(
        persons.filter((p) => p.email.toLowerCase() === email),
        `No person with the email ${reference}.`,
        `Several persons have the email ${reference}.`,
      );
    }
    const matching = units.filter((u) => u.edv_no === reference);
    if (matching.length === 0) return { status: 'unmatched', message: `No unit with the number ${reference}.` };
    if (matching.length > 1) return { status: 'ambiguous', message: `Several units have the number ${reference}.` };
    const covering = contracts.filter((c) => c.unit_id === matching[0]!.id && c.valid_from <= date && (c.valid_to === null || c.valid_to >= date));
    const tenants = covering.filter((c) => c.role === 'tenant').map((c) => ({ id: c.person_id, name: c.name }));
    if (tenants.length > 0) return onePerson(tenants, '', `Unit ${reference} has several tenants on ${date}.`);
    const owners = covering.filter((c) => c.role === 'owner').map((c) => ({ id: c.person_id, name: c.name }));
    return onePerson(owners, `Nobody has a contract on unit ${reference} on ${date}.`, `Unit ${reference} has several owners on ${date}.`);
  };
}
