import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UnitSummary } from '@hausportal/api';
import type { Locale } from '@hausportal/core';
import { codeText } from './labels.js';
import { filterUnits, flatten, noFilter, orderedUnits, sortUnits, totals, type ListEntry, type SortKey, type SortState, type UnitData, type UnitFilter, type UnitTotals } from './model.js';

/** What the list shows for the current data, filter, sort and language. */
export interface ListView {
  entries: ListEntry[];
  /** Units in the order shown (grouped, sorted): the rows of the CSV export. */
  units: UnitSummary[];
  totals: UnitTotals;
}

/**
 * Holds the user's sort and filter choices and derives the list from them, recomputing only when the data, a
 * choice or the language changed (so re-renders of a 10,000-row list stay cheap).
 */
export class ListViewController implements ReactiveController {
  filter: UnitFilter = noFilter;
  sort: SortState | null = null;
  private cache?: { data: UnitData; filter: UnitFilter; sort: SortState | null; locale: Locale; view: ListView };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  setFilter(change: Partial<UnitFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.host.requestUpdate();
  }

  /** First click sorts ascending, the next one descending, and so on. */
  toggleSort(key: SortKey): void {
    const descending = this.sort?.key === key && this.sort.direction === 'ascending';
    this.sort = { key, direction: descending ? 'descending' : 'ascending' };
    this.host.requestUpdate();
  }

  view(data: UnitData, locale: Locale): ListView {
    const cached = this.cache;
    if (cached && cached.data === data && cached.filter === this.filter && cached.sort === this.sort && cached.locale === locale) return cached.view;
    const matching = filterUnits(data, this.filter);
    const sorted = this.sort ? sortUnits(matching, this.sort, codeText) : matching;
    const entries = flatten(sorted, data.properties);
    const view = { entries, units: orderedUnits(entries), totals: totals(matching) };
    this.cache = { data, filter: this.filter, sort: this.sort, locale, view };
    return view;
  }
}
