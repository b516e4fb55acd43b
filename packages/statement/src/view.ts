import { property, state } from 'lit/decorators.js';
import type { Contract } from '@hausportal/api';
import { HpElement, OrgDayController, abbrStyles, formStyles, hostStyles, sheetCsv, stateStyles, type Sheet } from '@hausportal/core';
import { viewStyles } from './view.styles.js';

export { statementViews, isStatementView, type StatementViewName } from './view-names.js';

/** Year and month (1–12) of a day (YYYY-MM-DD). */
export const yearMonthOf = (day: string): { year: number; month: number } => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });

/**
 * The years a contract has figures for, newest first, up to `current` (the organization's year); the last three
 * years without a contract.
 */
export function contractYears(contract: Pick<Contract, 'validFrom' | 'validTo'> | undefined, current: number): number[] {
  const first = contract ? Number(contract.validFrom.slice(0, 4)) : current - 2;
  const last = contract?.validTo ? Math.min(current, Number(contract.validTo.slice(0, 4))) : current;
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years.length ? years : [current];
}

/**
 * Each loads its own data for {@link unit} through the session's client, renders its loading, empty and error states
 * and its own pickers, and offers what it shows as a sheet (CSV, Excel). `<hp-statement>` hosts one at a time and owns
 * the export and print buttons.
 *
 * @summary Base of the statement's views (`<hp-statement-charges>`, `-ledger`, `-open-items`, `-expenses`).
 *
 * @csspart empty - The note that there is nothing in this period (or nobody signed in).
 * @csspart error - The error with its retry button.
 * @csspart retry - The retry button.
 * @csspart loading - The loading state.
 *
 * @cssprop --hp-color-danger - Amounts due (always with the word "Rückstand").
 * @cssprop --hp-color-success - Credit (always with the word "Guthaben").
 * @cssprop --hp-color-primary - Buttons, pickers, the focus ring.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-text-muted - Secondary text: periods, keys, notes below the tables.
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 */
export abstract class StatementView extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, abbrStyles, viewStyles];

  /** The unit (contract row of GET /units) whose figures are shown. */
  @property() unit = '';

  /** The property of that unit (for the owners' expense accounts). */
  @property({ attribute: 'property-id' }) propertyId = '';

  /** The contract behind the unit row: its period limits the years offered. */
  @property({ attribute: false }) contract?: Contract;

  /** The year picked; until then (and when the contract does not offer it) the newest year offered. */
  @state() pickedYear?: number;

  /** The organization's day (DESIGN §6a: from the server, never the device); renders again at its midnight. */
  protected readonly calendar = new OrgDayController(this);

  /** Today's year and month (1–12) in the organization's calendar. */
  get today(): { year: number; month: number } {
    return yearMonthOf(this.calendar.today);
  }

  /** The years offered, newest first: the contract's years up to the organization's current year. */
  years(): number[] {
    return contractYears(this.contract, this.today.year);
  }

  /** The year shown. */
  get year(): number {
    const years = this.years();
    return this.pickedYear !== undefined && years.includes(this.pickedYear) ? this.pickedYear : years[0]!;
  }
  set year(year: number) {
    this.pickedYear = year;
  }

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
