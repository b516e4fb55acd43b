import { expect, html, waitUntil } from '@open-wc/testing';
import { onDarkPage } from '@hausportal/core/testing.js';
import type { HpStatement, HpStatementExpenses } from '../src/index.js';
import { $, $$, mount, owned, statementRoutes, view } from './fixtures.js';

const loading = (el: Element | null | undefined) => !!el?.shadowRoot?.querySelector('[part=loading]');
const settled = (el: HpStatement) =>
  waitUntil(() => !loading(el) && !!el.viewElement && !loading(el.viewElement) && !!el.viewElement.shadowRoot!.querySelector('table, [role=table]'), 'view shown');

// A page in a dark colour scheme, with the organization theme of the fake API.
describe('<hp-statement> on a dark page', () => {
  onDarkPage();

  it('turns dark and keeps its contrast in every tab with the organization colours', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement></hp-statement>`, statementRoutes());
    await settled(el);
    expect(getComputedStyle($(el, '.base')!).backgroundColor).to.equal('rgb(22, 27, 34)');
    expect($$(el, '[role=tab]')).to.have.length(3);
    for (const tab of $$(el, '[role=tab]')) {
      tab.click();
      await waitUntil(() => tab.getAttribute('aria-selected') === 'true', `tab ${tab.dataset.tab}`);
      await settled(el);
      await expect(el.parentElement, `tab ${tab.dataset.tab}`).to.be.accessible();
    }
  });

  it('shows the expense accounts dark with their contrast', async () => {
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes(), { unit: owned });
    await waitUntil(() => !loading(el) && !!el.shadowRoot!.querySelector('table, [role=table], ul'), 'accounts shown');
    await expect(el.parentElement).to.be.accessible();
  });
});
