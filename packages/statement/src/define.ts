import { define } from '@hausportal/core';
import { HpStatement } from './hp-statement.js';
import { HpStatementCharges } from './views/charges.js';
import { HpStatementLedger } from './views/ledger.js';
import { HpStatementOpenItems } from './views/open-items.js';
import { HpStatementExpenses } from './views/expenses.js';
import { HpStatementQr } from './qr.js';

define('hp-statement', HpStatement);
define('hp-statement-charges', HpStatementCharges);
define('hp-statement-ledger', HpStatementLedger);
define('hp-statement-open-items', HpStatementOpenItems);
define('hp-statement-expenses', HpStatementExpenses);
define('hp-statement-qr', HpStatementQr);

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
