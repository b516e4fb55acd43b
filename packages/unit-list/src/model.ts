import type { ContractRole, Property, UnitPage, UnitSummary } from '@hausportal/api';

/** Everything `GET /units` returned, all pages merged. */
export interface UnitData {
  items: UnitSummary[];
  properties: Property[];
}

/** The columns a user can sort by. */
export type SortKey = 'top' | 'usage' | 'role' | 'area' | 'share' | 'payment' | 'since' | 'net' | 'vat' | 'gross' | 'balance';
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export interface UnitFilter {
  /** A property id, or '' for all. */
  property: string;
  /** A role, or '' for both. */
  role: ContractRole | '';
  /** Free text matched against Top, EDV number, property name and address. */
  search: string;
}

/** One line of the flattened list: a property header or a unit row under it. */
export type ListEntry =
  | { kind: 'property'; property: Property; count: number }
  | { kind: 'unit'; unit: UnitSummary; property: Property | undefined };

export interface UnitTotals {
  units: number;
  properties: number;
  balanceCents: number;
}

export const noFilter: UnitFilter = { property: '', role: '', search: '' };

/** Adds one page to what is loaded so far; a property sent on several pages is kept once. */
export function mergePage(data: UnitData, page: UnitPage): UnitData {
  const known = new Set(data.properties.map((p) => p.id));
  const properties = [...data.properties, ...page.properties.filter((p) => !known.has(p.id) && known.add(p.id))];
  return { items: [...data.items, ...page.items], properties };
}

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

/** Text used for a column whose values are codes (usage, role, payment method) — the words the user reads. */
export type CodeText = (key: 'usage' | 'role' | 'payment', unit: UnitSummary) => string;

function sortValue(unit: UnitSummary, key: SortKey, text: CodeText): string | number | null {
  switch (key) {
    case 'top':
      return unit.top;
    case 'usage':
    case 'role':
    case 'payment':
      return text(key, unit);
    case 'area':
      return unit.areaM2;
    case 'share':
      return unit.share ? unit.share.num / unit.share.den : null;
    case 'since':
      return unit.contract.validFrom;
    case 'net':
      return unit.monthly?.netCents ?? null;
    case 'vat':
      return unit.monthly?.vatCents ?? null;
    case 'gross':
      return unit.monthly?.grossCents ?? null;
    case 'balance':
      return unit.balanceCents;
  }
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/**
 * Units sorted by one column (stable; ties by Top). Missing values (no share, no charges) stay at the end in
 * both directions.
 */
export function sortUnits(units: readonly UnitSummary[], sort: SortState, text: CodeText): UnitSummary[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = units.map((unit) => ({ unit, value: sortValue(unit, sort.key, text) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) return compareValues(a.value, b.value) || collator.compare(a.unit.top, b.unit.top);
    return sign * compareValues(a.value, b.value) || collator.compare(a.unit.top, b.unit.top);
  });
  return keyed.map((entry) => entry.unit);
}

/** The text a search looks in: Top, EDV number, property name and address. */
function haystack(unit: UnitSummary, property: Property | undefined): string {
  const address = property ? `${property.name} ${property.address.street} ${property.address.postalCode} ${property.address.city}` : '';
  return `${unit.top} ${unit.edvNo} ${address}`.toLowerCase();
}

/** Units matching the filter (property, role and every word of the search). */
export function filterUnits(data: UnitData, filter: UnitFilter): UnitSummary[] {
  const byId = propertyIndex(data.properties);
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return data.items.filter((unit) => {
    if (filter.property && unit.propertyId !== filter.property) return false;
    if (filter.role && unit.contract.role !== filter.role) return false;
    if (!words.length) return true;
    const text = haystack(unit, byId.get(unit.propertyId));
    return words.every((word) => text.includes(word));
  });
}

export function propertyIndex(properties: readonly Property[]): Map<string, Property> {
  return new Map(properties.map((p) => [p.id, p]));
}

/**
 * Groups sorted units by property — properties in the order the server sent them — and flattens the groups into
 * one list of headers and rows, the shape a virtual list needs.
 */
export function flatten(units: readonly UnitSummary[], properties: readonly Property[]): ListEntry[] {
  const groups = new Map<string, UnitSummary[]>();
  for (const property of properties) groups.set(property.id, []);
  for (const unit of units) {
    const group = groups.get(unit.propertyId);
    if (group) group.push(unit);
    else groups.set(unit.propertyId, [unit]);
  }
  const byId = propertyIndex(properties);
  const entries: ListEntry[] = [];
  for (const [id, group] of groups) {
    if (!group.length) continue;
    const property = byId.get(id);
    if (property) entries.push({ kind: 'property', property, count: group.length });
    for (const unit of group) entries.push({ kind: 'unit', unit, property });
  }
  return entries;
}

/** Counts and the summed balance of the given units. */
export function totals(units: readonly UnitSummary[]): UnitTotals {
  const properties = new Set(units.map((u) => u.propertyId));
  return { units: units.length, properties: properties.size, balanceCents: units.reduce((sum, u) => sum + u.balanceCents, 0) };
}

/** The units in list order (grouped by property, then sorted), as the list and the CSV show them. */
export function orderedUnits(entries: readonly ListEntry[]): UnitSummary[] {
  return entries.flatMap((entry) => (entry.kind === 'unit' ? [entry.unit] : []));
}
