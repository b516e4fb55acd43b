import { define } from '@hausportal/core';
import { HpStatement } from './hp-statement.js';
import { defineStandaloneParts } from './views/load.js';
import type { HpStatementCharges } from './views/charges.js';
import type { HpStatementLedger } from './views/ledger.js';
import type { HpStatementOpenItems } from './views/open-items.js';
import type { HpStatementExpenses } from './views/expenses.js';
import type { HpStatementQr } from './qr.js';
// The events' HTMLElementEventMap entries, so a consumer importing only define.js gets typed listeners.
import './events.js';

// The views and the payment QR code load when shown (views/load.ts): <hp-statement> loads the view it shows, and
// a page that uses a view on its own gets it defined as soon as its tag is in the document.
define('hp-statement', HpStatement);
defineStandaloneParts();

declare global {
  interface HTMLElementTagNameMap {
    'hp-statement': HpStatement;
    'hp-statement-charges': HpStatementCharges;
    'hp-statement-ledger': HpStatementLedger;
    'hp-statement-open-items': HpStatementOpenItems;
    'hp-statement-expenses': HpStatementExpenses;
    'hp-statement-qr': HpStatementQr;
  }
}
