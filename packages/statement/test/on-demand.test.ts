import { expect, waitUntil } from '@open-wc/testing';
import '../src/define.js';

describe('the statement parts loaded on demand', () => {
  it('defines <hp-statement> at once and a view only when it is needed', () => {
    expect(customElements.get('hp-statement')).to.exist;
    for (const tag of ['hp-statement-charges', 'hp-statement-ledger', 'hp-statement-open-items', 'hp-statement-expenses', 'hp-statement-qr']) {
      expect(customElements.get(tag), tag).to.not.exist;
    }
  });

  it('defines a view a page uses on its own once its tag is in the document, with the payment code beside the open items', async () => {
    const holder = document.createElement('div');
    holder.innerHTML = '<hp-statement-open-items></hp-statement-open-items>';
    document.body.append(holder);
    await waitUntil(() => customElements.get('hp-statement-open-items') && customElements.get('hp-statement-qr'), 'the open items were not defined');
    expect(customElements.get('hp-statement-ledger')).to.not.exist;
    holder.remove();
  });
});
