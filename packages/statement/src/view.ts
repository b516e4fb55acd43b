import { property } from 'lit/decorators.js';
import type { Contract } from '@hausportal/api';
import { HpElement, formStyles, hostStyles, sheetCsv, stateStyles, type Sheet } from '@hausportal/core';
import { viewStyles } from './view.styles.js';

/** The four views of `<hp-statement>`, in tab order. */
export const statementViews = ['charges', 'ledger', 'open-items', 'expenses'] as const;
export type StatementViewName = (typeof statementViews)[number];

export const isStatementView = (value: unknown): value is StatementViewName =>
  statementViews.includes(value as StatementViewName);

/** Today's year and month (1–12) on this device. */
export function today(): { year: number; month: number } {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1 };
}

/** The years a contract has figures for, newest first (the last three years without a contract). */
export function contractYears(contract: Pick<Contract, 'validFrom' | 'validTo'> | undefined): number[] {
  const current = today().year;
  const first = contract ? Number(contract.validFrom.slice(0, 4)) : current - 2;
  const last = contract?.validTo ? Math.min(current, Number(contract.validTo.slice(0, 4))) : current;
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years.length ? years : [current];
}

/**
 * Base of the statement's views (`<hp-statement-charges>`, `-ledger`, `-open-items`, `-expenses`): each loads its own
 * data for {@link unit} through the session's client, renders its loading, empty and error states and its own
 * pickers, and offers what it shows as a sheet (CSV, Excel). `<hp-statement>` hosts one at a time and owns the export
 * and print buttons.
 */
export abstract class StatementView extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, viewStyles];

  /** The unit (contract row of GET /units) whose figures are shown. */
  @property() unit = '';

  /** The property of that unit (for the owners' expense accounts). */
  @property({ attribute: 'property-id' }) propertyId = '';

  /** The contract behind the unit row: its period limits the years offered. */
  @property({ attribute: false }) contract?: Contract;

  /** What the view currently shows, in the current language (null while there is nothing to export). */
  abstract sheet(): Sheet | null;

  /** File name of the exports without extension, e.g. "vorschreibung-2026" in German. */
  abstract fileName(): string;

  /** {@link sheet} as CSV ('' while there is nothing to export). */
  csv(): string {
    const sheet = this.sheet();
    return sheet ? sheetCsv(sheet, this.locale) : '';
  }

  /** File name of {@link csv}, e.g. "vorschreibung-2026.csv". */
  csvFileName(): string {
    return `${this.fileName()}.csv`;
  }

  /** The signed-in user's id, so data reloads when someone else signs in. */
  protected get userId(): string | undefined {
    return this.authenticated ? this.session?.user?.id : undefined;
  }
}
