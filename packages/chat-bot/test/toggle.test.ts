import { expect, waitUntil } from '@open-wc/testing';
import { demoMe, demoPassword, problem } from '@hausportal/core/testing.js';
import { $, ask, botWidget, chatRoutes, openChat, withFeatures } from './fixtures.js';

const owner = { ...demoMe, role: 'owner' as const, memberships: [{ ...demoMe.memberships[0]!, role: 'owner' as const }] };
const shown = (el: HTMLElement) => !!el.shadowRoot!.querySelector('[part=button], [part=base]');

describe('<hp-chat-bot> feature toggle', () => {
  it('is hidden when the organization has switched the bot off, signed in and out, inline too', async () => {
    const organization = withFeatures({ chatBot: false });
    for (const user of [demoMe, null]) {
      for (const inline of [false, true]) {
        const { el, fake } = await botWidget(chatRoutes().routes, { user, organization, inline });
        expect(shown(el), `${user ? 'signed in' : 'signed out'}${inline ? ', inline' : ''}`).to.be.false;
        expect(el.getBoundingClientRect().height).to.equal(0);
        expect(fake.callsTo('POST /chat/messages')).to.have.length(0);
        el.remove();
      }
    }
  });

  it('is hidden for a role the organization has switched it off for (chatBot.tenant), shown to others and signed out', async () => {
    const organization = withFeatures({ chatBot: true, 'chatBot.tenant': false });
    expect(shown((await botWidget(chatRoutes().routes, { organization })).el)).to.be.false;
    expect(shown((await botWidget(chatRoutes().routes, { organization, user: owner })).el)).to.be.true;
    expect(shown((await botWidget(chatRoutes().routes, { organization, user: null })).el)).to.be.true;
  });

  it('hides when a tenant signs in, shows again after signing out', async () => {
    const { el, client } = await botWidget(chatRoutes().routes, { organization: withFeatures({ 'chatBot.tenant': false }), user: null });
    expect(shown(el)).to.be.true;
    await client.login(demoMe.username, demoPassword);
    await waitUntil(() => !shown(el), 'hidden for the tenant');
    await client.logout();
    await waitUntil(() => shown(el), 'shown signed out');
  });

  it('hides when the server says it is switched off for this person (403 feature_disabled)', async () => {
    const { el } = await botWidget(chatRoutes({ answer: () => problem(403, 'feature_disabled') }).routes);
    await openChat(el);
    $<HTMLInputElement>(el, '#question').value = 'Müll';
    $(el, '[part=submit]').click();
    await waitUntil(() => !shown(el), 'hidden');
  });

  it('shows while the organization is on (the default)', async () => {
    const { el } = await botWidget(chatRoutes().routes, { organization: withFeatures({ chatBot: true, 'chatBot.owner': false }) });
    await openChat(el);
    await ask(el, 'Müll');
  });
});
