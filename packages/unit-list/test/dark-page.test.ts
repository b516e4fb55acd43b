import { expect } from '@open-wc/testing';
import { onDarkPage } from '@hausportal/core/testing.js';
import { loaded, root, rowIds, seedData, unitList, unitRoutes } from './fixtures.js';

// A page in a dark colour scheme, with the organization theme of the fake API.
describe('<hp-unit-list> on a dark page', () => {
  onDarkPage();

  it('turns dark and keeps its contrast with the organization colours', async () => {
    const { el } = await unitList(unitRoutes(seedData));
    await loaded(el);
    expect(rowIds(el)).to.have.length(4);
    expect(getComputedStyle(root(el).querySelector('.base')!).backgroundColor).to.equal('rgb(22, 27, 34)');
    await expect(el.parentElement).to.be.accessible();
  });
});
