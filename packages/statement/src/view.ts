import { property } from 'lit/decorators.js';
import { HpElement, formStyles, hostStyles, stateStyles } from '@hausportal/core';
import { viewStyles } from './view.styles.js';

/** The four views of `<hp-statement>`, in tab order. */
export const statementViews = ['charges', 'ledger', 'open-items', 'expenses'] as const;
export type StatementViewName = (typeof statementViews)[number];

export const isStatementView = (value: unknown): value is StatementViewName =>
  statementViews.includes(value as StatementViewName);

/**
 * Base of the statement's views (`<hp-statement-charges>`, `-ledger`, `-open-items`, `-expenses`): each loads its own
 * data for {@link unit} through the session's client, renders its loading, empty and error states and its own
 * pickers, and offers what it shows as CSV. `<hp-statement>` hosts one at a time and owns the export and print buttons.
 */
export abstract class StatementView extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, viewStyles];

  /** The unit (contract row of GET /units) whose figures are shown. */
  @property() unit = '';

  /** The property of that unit (for the owners' expense accounts). */
  @property({ attribute: 'property-id' }) propertyId = '';

  /** What the view currently shows as CSV in the current language ('' while there is nothing to export). */
  abstract csv(): string;

  /** File name for {@link csv}, e.g. "vorschreibung-2026.csv" in German. */
  abstract csvFileName(): string;
}
