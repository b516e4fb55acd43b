import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Locale } from './context.js';
import { downloadBlob, downloadText } from './export.js';
import { sheetCsv, type Sheet } from './sheet.js';
import { toXlsx } from './xlsx.js';

/** What a widget exports right now: the table and the file name without extension ("kontoblatt-2026"). */
export interface ExportSource {
  sheet: Sheet;
  fileName: string;
}

/**
 * The "Export: CSV | Excel" buttons of a widget. CSV is written at once; Excel loads its writer on the first click
 * (a separate chunk) and says so when that fails, so CSV stays the way out.
 */
export class ExportController implements ReactiveController {
  /** True while an Excel file is being made. */
  busy = false;
  /** Why the last Excel export failed ('' when it did not). */
  failure = '';

  constructor(
    private readonly host: ReactiveControllerHost & { readonly locale: Locale },
    private readonly source: () => ExportSource | null,
  ) {
    host.addController(this);
  }

  /** A widget put back on the page starts without an old failure. */
  hostDisconnected(): void {
    this.failure = '';
  }

  /** Downloads `<fileName>.csv` (UTF-8 with BOM). */
  csv(): void {
    const source = this.source();
    if (source) downloadText(`${source.fileName}.csv`, sheetCsv(source.sheet, this.host.locale));
  }

  /** Downloads `<fileName>.xlsx`; a second click while the first is running does nothing. */
  async xlsx(): Promise<void> {
    const source = this.source();
    if (!source || this.busy) return;
    this.busy = true;
    this.failure = '';
    this.host.requestUpdate();
    try {
      downloadBlob(`${source.fileName}.xlsx`, await toXlsx(source.sheet, this.host.locale));
    } catch {
      this.failure = msg('The Excel file could not be made. Please try again, or export CSV.', { id: 'core.export.failed' });
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** The buttons in a labelled group, and the failure (role=alert) after them. */
  render(): TemplateResult {
    return html`<span class="hp-export" role="group" aria-labelledby="hp-export-label">
        <span id="hp-export-label" class="hp-export-label">${msg('Export', { id: 'core.export' })}</span>
        <button type="button" class="secondary csv" @click=${() => this.csv()}>CSV</button>
        <button type="button" class="secondary xlsx" aria-busy=${this.busy ? 'true' : 'false'} @click=${() => void this.xlsx()}>Excel</button>
      </span>
      ${this.failure ? html`<p class="hp-export-failure" role="alert">${this.failure}</p>` : nothing}`;
  }
}

/** Styles for {@link ExportController.render}; add them to a widget's `static styles`. */
export const exportStyles = css`
  .hp-export {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .hp-export-label {
    font-size: var(--_font-size-s);
    font-weight: 600;
    color: var(--_text-muted);
  }
  .hp-export [aria-busy='true'] {
    cursor: progress;
  }
  .hp-export-failure {
    flex-basis: 100%;
    margin: 0;
    color: var(--_danger);
  }
  @media print {
    .hp-export,
    .hp-export-failure {
      display: none;
    }
  }
`;
