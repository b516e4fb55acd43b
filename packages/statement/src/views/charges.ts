import { html, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { dataOf, type ChargeStatement } from '@hausportal/api';
import { renderEmpty, renderError, renderLoading, type Sheet } from '@hausportal/core';
import { StatementView, contractYears, today } from '../view.js';
import { fromLabel, period, renderMonthPicker, renderYearPicker, toLabel } from '../pickers.js';
import { chargesSheet } from './charges-sheet.js';
import { renderChargeTables } from './charges-table.js';

/**
 * @summary The monthly charges (Vorschreibung) of a unit: year and month range, lines with distribution key, net,
 * VAT rate, VAT and gross, totals per month and for the range, VAT by rate.
 */
export class HpStatementCharges extends StatementView {
  @state() year = today().year;
  @state() fromMonth = 1;
  @state() toMonth = today().month;

  readonly charges = new Task(this, {
    task: async ([api, userId, unit, year, from, to], { signal }): Promise<ChargeStatement | null> => {
      if (!api || !userId || !unit) return null;
      const query = { unit, from: period(year, from), to: period(year, to) };
      return dataOf(api.GET('/charges', { params: { query }, signal }));
    },
    args: () => [this.api, this.userId, this.unit, this.year, this.fromMonth, this.toMonth] as const,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('contract') && !contractYears(this.contract).includes(this.year)) this.setYear(contractYears(this.contract)[0]!);
  }

  setYear(year: number): void {
    this.year = year;
    this.fromMonth = 1;
    this.toMonth = year === today().year ? today().month : 12;
  }

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
        ${renderYearPicker('charges-year', contractYears(this.contract), this.year, (y) => this.setYear(y))}
        ${renderMonthPicker('charges-from', fromLabel(), this.year, this.fromMonth, locale, (m) => {
          this.fromMonth = m;
          if (this.toMonth < m) this.toMonth = m;
        })}
        ${renderMonthPicker('charges-to', toLabel(), this.year, this.toMonth, locale, (m) => {
          this.toMonth = m;
          if (this.fromMonth > m) this.fromMonth = m;
        })}
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
