/** The four views of `<hp-statement>`, in tab order. */
export const statementViews = ['charges', 'ledger', 'open-items', 'expenses'] as const;
export type StatementViewName = (typeof statementViews)[number];

/** True for one of {@link statementViews}. */
export const isStatementView = (value: unknown): value is StatementViewName =>
  statementViews.includes(value as StatementViewName);
