// Mock API for the statement: charges, ledger, open items, expense accounts and receipts.
import type { HttpHandler } from 'msw';

export const statementHandlers: HttpHandler[] = [];
