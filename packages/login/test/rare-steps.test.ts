// <hp-login> alone on a page (defined without <hp-profile>, as hausportal.js does): the code of the rarer steps
// (forgot password, activation, first-login steps, the password checklist) is fetched only when a person goes there.
import { expect, html } from '@open-wc/testing';
import { define } from '@hausportal/core';
import { createFakeApi, sessionFixture } from '@hausportal/core/testing.js';
import { HpLogin } from '../src/hp-login.js';
import { button, input, until } from './helpers.js';

define('hp-login', HpLogin);

/** True once the page has requested the module `name` of the login package's sources. */
const fetched = (name: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(`/login/src/${name}`));

describe('<hp-login> rarer steps on demand', () => {
  it('signs in without their code and loads it when the person asks for a new password', async () => {
    const el = await sessionFixture<HpLogin>(html`<hp-login></hp-login>`, { client: createFakeApi().client });
    expect(input(el, 'password').autocomplete).to.equal('current-password');
    expect(fetched('login-steps.ts'), 'rare steps before they are needed').to.equal(false);
    expect(fetched('password-checklist.ts'), 'password checklist before it is needed').to.equal(false);

    button(el, 'Passwort vergessen?').click();
    await until(() => el.shadowRoot!.querySelector('h2')?.textContent === 'Passwort vergessen?', 'forgot step shown');
    expect(fetched('login-steps.ts')).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'focus on the new heading').to.equal(el.shadowRoot!.querySelector('h2'));
    expect(input(el, 'email').getAttribute('autocomplete')).to.equal('username');
    await expect(el).to.be.accessible();
  });
});
