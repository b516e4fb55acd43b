import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { dataOf, type ChargeStatement } from '@hausportal/api';
import { renderEmpty, renderError, renderLoading, type Sheet } from '@hausportal/core';
import { StatementView } from '../view.js';
import { fromLabel, period, renderMonthPicker, renderYearPicker, toLabel } from '../pickers.js';
import { chargesSheet } from './charges-sheet.js';
import { renderChargeTables } from './charges-table.js';

/**
 * A view of `<hp-statement>` (see {@link StatementView}); on its own it needs `unit` and `contract`.
 *
 * @summary The monthly charges (Vorschreibung) of a unit: year and month range, lines with distribution key, net,
 * VAT rate, VAT and gross, totals per month and for the range, VAT by rate.
 */
export class HpStatementCharges extends StatementView {
  /** The months picked, for the year they were picked in; otherwise January … this month (December of past years). */
  @state() private months?: { year: number; from: number; to: number };

  /** The first month shown (1–12). */
  get fromMonth(): number {
    return this.months?.year === this.year ? this.months.from : 1;
  }

  /** The last month shown (1–12). */
  get toMonth(): number {
    if (this.months?.year === this.year) return this.months.to;
    return this.year === this.today.year ? this.today.month : 12;
  }

  /** Shows the months `from` … `to` of the year shown. */
  setMonths(from: number, to: number): void {
    this.months = { year: this.year, from, to };
  }

  /** Loads GET /charges for the unit and the months shown. */
  readonly charges = new Task(this, {
    task: async ([api, userId, unit, year, from, to], { signal }): Promise<ChargeStatement | null> => {
      if (!api || !userId || !unit) return null;
      const query = { unit, from: period(year, from), to: period(year, to) };
      return dataOf(api.GET('/charges', { params: { query }, signal }));
    },
    args: () => [this.api, this.userId, this.unit, this.year, this.fromMonth, this.toMonth] as const,
  });

  sheet(): Sheet | null {
    const data = this.charges.value;
    return data ? chargesSheet(data) : null;
  }

  fileName(): string {
    return msg(str`charges-${this.year}`, { id: 'statement.charges.file' });
  }

  protected override render(): TemplateResult {
    const locale = this.locale;
    return html`<div class="pickers">
        ${renderYearPicker('charges-year', this.years(), this.year, (y) => (this.year = y))}
        ${renderMonthPicker('charges-from', fromLabel(), this.year, this.fromMonth, locale, (m) => this.setMonths(m, Math.max(m, this.toMonth)))}
        ${renderMonthPicker('charges-to', toLabel(), this.year, this.toMonth, locale, (m) => this.setMonths(Math.min(this.fromMonth, m), m))}
      </div>
      ${this.charges.render({
        initial: () => renderLoading(),
        pending: () => renderLoading(),
        error: (error) => renderError(error, () => void this.charges.run()),
        complete: (data) =>
          data && data.units.some((u) => u.periods.length)
            ? renderChargeTables(data, locale)
            : renderEmpty(msg('No charges in this period.', { id: 'statement.charges.empty' })),
      })}`;
  }
}
