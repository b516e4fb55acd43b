import { expect, html } from '@open-wc/testing';
import { createFakeApi, demoMe, onDarkPage, sessionFixture } from '@hausportal/core/testing.js';
import '../src/define.js';
import type { HpLogin, HpProfile } from '../src/index.js';

const darkSurface = 'rgb(22, 27, 34)';
const surface = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('.base')!).backgroundColor;

// A page in a dark colour scheme, with the organization theme of the fake API.
describe('login and profile on a dark page', () => {
  onDarkPage();

  it('<hp-login> turns dark and keeps its contrast with the organization colours', async () => {
    const el = await sessionFixture<HpLogin>(html`<hp-login></hp-login>`, { client: createFakeApi().client });
    expect(surface(el)).to.equal(darkSurface);
    await expect(el.parentElement).to.be.accessible();
  });

  it('<hp-profile> turns dark and keeps its contrast with the organization colours', async () => {
    const fake = createFakeApi({}, { user: demoMe });
    const el = await sessionFixture<HpProfile>(html`<hp-profile></hp-profile>`, { client: fake.client });
    expect(surface(el)).to.equal(darkSurface);
    await expect(el.parentElement).to.be.accessible();
  });
});
