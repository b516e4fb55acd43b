import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getLocale, type HpSession } from '@hausportal/core';
import type { Me } from '@hausportal/api';
import { createFakeApi, demoMe, demoOrganization, problem, sessionFixture, type FakeRoutes } from '@hausportal/core/testing.js';
import '../src/define.js';
import type { HpProfile } from '../src/index.js';
import { deferred, input, text, type, until } from './helpers.js';

async function profileElement(routes: FakeRoutes = {}, user: Me | null = demoMe, lang: 'de' | 'en' = 'de') {
  const fake = createFakeApi(routes, { user });
  const el = await sessionFixture<HpProfile>(html`<hp-profile></hp-profile>`, { client: fake.client, lang });
  return { el, fake };
}

const shadow = (el: HpProfile) => el.shadowRoot!;
const shadowButton = (el: HpProfile, label: string) => {
  const found = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
};
const loaded = (el: HpProfile) => until(() => !!shadow(el).querySelector('[part=list], [part=form]'), 'profile shown');
const field = (el: HpProfile, name: string) => shadow(el).querySelector<HTMLInputElement>(`input[name=${name}]`)!;
const localeSelect = (el: HpProfile) => shadow(el).querySelector<HTMLSelectElement>('select[name=locale]')!;
const echoPatch: FakeRoutes = { 'PATCH /me': ({ user, body }) => ({ ...user!, ...(body as object) }) };

/** Switches the page's session to `lang` and waits until the widget shows it. */
async function switchLanguage(el: HpProfile, lang: 'de' | 'en') {
  (el.parentElement as HpSession).setAttribute('lang', lang);
  await until(() => getLocale() === lang, `locale ${lang}`);
  await el.updateComplete;
}

async function edit(el: HpProfile, values: Record<string, string>) {
  shadowButton(el, 'Kontaktdaten bearbeiten').click();
  await el.updateComplete;
  for (const [name, value] of Object.entries(values)) {
    const target = field(el, name);
    target.value = value;
    target.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete; // a new email brings the password field
  }
  shadow(el).querySelector<HTMLButtonElement>('[part=submit]')!.click();
  await el.updateComplete;
}

describe('<hp-profile>', () => {
  it('asks to sign in when nobody is logged in', async () => {
    const { el } = await profileElement({}, null);
    expect(text(el)).to.equal('Bitte melden Sie sich an, um Ihre Daten zu sehen.');
    expect(shadow(el).querySelector('[part=empty]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the loading state until /me answers, then the details in German', async () => {
    const gate = deferred<void>();
    const { el } = await profileElement({
      'GET /me': async ({ user }) => {
        await gate.promise;
        return user;
      },
    });
    expect(shadow(el).querySelector('[part=loading]')).to.exist;
    await expect(el).to.be.accessible();
    gate.resolve();
    await loaded(el);
    const shown = text(el);
    expect(shown).to.contain('Anna Berger');
    expect(shown).to.contain('Lindengasse 12/4');
    expect(shown).to.contain('1070 Wien');
    expect(shown).to.contain('anna.berger@example.com');
    expect(shown).to.contain('+43 660 1234567');
    expect(shown).to.contain('12.04.1987');
    expect(shown).to.contain('Benachrichtigung per E-Mail Sofort');
    expect(shown).to.contain('Sprache für E-Mails Deutsch');
    expect(shown).to.contain('Laut den Unterlagen Ihrer Hausverwaltung.');
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const { el } = await profileElement({}, { ...demoMe, phone: null, notifications: 'digest', digestHour: 18, locale: 'en' }, 'en');
    await loaded(el);
    const shown = text(el);
    expect(shown).to.contain('My profile');
    expect(shown).to.contain('Language for emails English');
    expect(shadow(el).querySelector('dd span[lang=en]')!.textContent).to.equal('English');
    expect(shown).to.contain('Phone not given');
    expect(shown).to.contain('Email notifications Collected once a day at 18:00');
    expect(shown).to.contain('Date of birth');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when /me fails', async () => {
    let fail = true;
    const { el, fake } = await profileElement({ 'GET /me': ({ user }) => (fail ? problem(500, 'internal') : user) });
    await until(() => !!shadow(el).querySelector('[part=error]'), 'error shown');
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('Beim Server ist ein Fehler aufgetreten');
    await expect(el).to.be.accessible();
    fail = false;
    shadow(el).querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await loaded(el);
    expect(fake.callsTo('GET /me').length).to.be.greaterThan(1);
  });

  it('saves only the changed fields with PATCH /me and updates the session', async () => {
    const { el, fake } = await profileElement({
      'PATCH /me': ({ user, body }) => ({ ...user!, ...(body as object) }),
    });
    await loaded(el);
    shadowButton(el, 'Kontaktdaten bearbeiten').click();
    await el.updateComplete;
    expect(field(el, 'email').getAttribute('autocomplete')).to.equal('email');
    expect(field(el, 'phone').type).to.equal('tel');
    expect(shadow(el).activeElement).to.equal(field(el, 'email'));
    await expect(el).to.be.accessible();
    field(el, 'phone').value = '+43 1 234 56 78';
    field(el, 'birthDate').value = '';
    shadow(el).querySelector<HTMLInputElement>('input[name=notifications][value=none]')!.click();
    shadow(el).querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => !!shadow(el).querySelector('[part=list]'), 'back to the details');
    expect(fake.callsTo('PATCH /me')[0]!.body).to.deep.equal({ phone: '+43 1 234 56 78', birthDate: null, notifications: 'none' });
    expect(text(el)).to.contain('Ihre Änderungen sind gespeichert.');
    expect(text(el)).to.contain('+43 1 234 56 78');
    expect(text(el)).to.contain('Benachrichtigung per E-Mail Keine');
    expect(fake.client.user!.phone).to.equal('+43 1 234 56 78');
    await expect(el).to.be.accessible();
  });

  it('offers the notification choice as a labelled radio group, the digest at the organization\'s hour, by keyboard', async () => {
    const { el, fake } = await profileElement({
      'PATCH /me': ({ user, body }) => ({ ...user!, ...(body as object) }),
    });
    await loaded(el);
    expect(text(el)).to.contain('Benachrichtigung per E-Mail Sofort');
    shadowButton(el, 'Kontaktdaten bearbeiten').click();
    await el.updateComplete;
    const group = shadow(el).querySelector('fieldset.choice')!;
    expect(group.querySelector('legend')!.textContent!.trim()).to.equal('Benachrichtigung per E-Mail');
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type=radio][name=notifications]')];
    expect(radios.map((r) => r.value)).to.deep.equal(['immediate', 'digest', 'none']);
    expect(radios.map((r) => r.closest('label')!.textContent!.trim())).to.deep.equal(['Sofort', 'Täglich gesammelt um 07:00 Uhr', 'Keine']);
    expect(radios.map((r) => r.checked)).to.deep.equal([true, false, false]);
    await expect(el).to.be.accessible();

    // A native radio group: one tab stop; the arrow keys choose.
    radios[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(radios[1]!.checked).to.equal(true);
    expect(shadow(el).activeElement).to.equal(radios[1]);
    shadow(el).querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => !!shadow(el).querySelector('[part=list]'), 'saved');
    expect(fake.callsTo('PATCH /me')[0]!.body).to.deep.equal({ notifications: 'digest' });
    expect(text(el)).to.contain('Benachrichtigung per E-Mail Täglich gesammelt um 07:00 Uhr');
    expect(fake.client.user!.notifications).to.equal('digest');
  });

  it('offers the language of the emails as a labelled select showing the saved one, changed by keyboard, sent alone', async () => {
    const { el, fake } = await profileElement(echoPatch);
    await loaded(el);
    shadowButton(el, 'Kontaktdaten bearbeiten').click();
    await el.updateComplete;
    const select = localeSelect(el);
    expect(shadow(el).querySelector(`label[for=${select.id}]`)!.textContent!.trim()).to.equal('Sprache für E-Mails');
    expect(shadow(el).getElementById(select.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'In dieser Sprache schreibt Ihnen das Portal Benachrichtigungen und andere E-Mails.',
    );
    expect([...select.options].map((o) => [o.value, o.lang, o.textContent])).to.deep.equal([['de', 'de', 'Deutsch'], ['en', 'en', 'English']]);
    expect(select.value).to.equal('de');
    await expect(el).to.be.accessible();

    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(select.value).to.equal('en');
    expect(shadow(el).activeElement).to.equal(select);
    shadow(el).querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => !!shadow(el).querySelector('[part=list]'), 'saved');
    expect(fake.callsTo('PATCH /me').map((c) => c.body)).to.deep.equal([{ locale: 'en' }]);
    expect(text(el)).to.contain('Sprache für E-Mails English');
    expect(fake.client.user!.locale).to.equal('en');
    // Only the emails change language: the widget keeps the page's.
    expect(getLocale()).to.equal('de');
    expect(text(el)).to.contain('Meine Daten');
    expect(text(el)).to.contain('Ihre Änderungen sind gespeichert.');

    // Opened again, the form shows the saved language.
    shadowButton(el, 'Kontaktdaten bearbeiten').click();
    await el.updateComplete;
    expect(localeSelect(el).value).to.equal('en');
  });

  it('sends the email language with the other changed fields only, in English', async () => {
    const { el, fake } = await profileElement(echoPatch, { ...demoMe, locale: 'en' }, 'en');
    await loaded(el);
    expect(text(el)).to.contain('Language for emails English');
    shadowButton(el, 'Edit contact details').click();
    await el.updateComplete;
    const select = localeSelect(el);
    expect(shadow(el).querySelector(`label[for=${select.id}]`)!.textContent!.trim()).to.equal('Language for emails');
    expect(select.value).to.equal('en');
    await expect(el).to.be.accessible();
    field(el, 'phone').value = '+43 1 234 56 78';
    select.value = 'de';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    shadow(el).querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => !!shadow(el).querySelector('[part=list]'), 'saved');
    expect(fake.callsTo('PATCH /me').map((c) => c.body)).to.deep.equal([{ phone: '+43 1 234 56 78', locale: 'de' }]);
    expect(text(el)).to.contain('Language for emails Deutsch');
    expect(text(el)).to.contain('Your changes are saved.');
    await expect(el).to.be.accessible();
  });

  it('shows the saved note in the language the page switches to afterwards', async () => {
    const { el } = await profileElement(echoPatch);
    await loaded(el);
    await edit(el, { phone: '+43 1 234 56 78' });
    const note = () => shadow(el).querySelector('[part=notice]')!.textContent!.trim();
    await until(() => note() === 'Ihre Änderungen sind gespeichert.', 'saved in German');
    await expect(el).to.be.accessible();
    await switchLanguage(el, 'en');
    expect(note()).to.equal('Your changes are saved.');
    expect(text(el)).to.contain('Language for emails Deutsch');
    await expect(el).to.be.accessible();
    await switchLanguage(el, 'de');
    expect(note()).to.equal('Ihre Änderungen sind gespeichert.');
  });

  it('puts validation errors (400/422) on the field', async () => {
    const { el, fake } = await profileElement({
      'PATCH /me': () => problem(400, 'validation', 'Invalid', { errors: [{ field: '/phone', code: 'pattern', message: 'bad' }] }),
    });
    await loaded(el);
    await edit(el, { phone: 'call me' });
    await until(() => field(el, 'phone')?.getAttribute('aria-invalid') === 'true', 'phone marked');
    expect(fake.callsTo('PATCH /me')).to.have.length(1);
    const describedBy = field(el, 'phone').getAttribute('aria-describedby')!;
    expect(shadow(el).getElementById(describedBy)!.textContent).to.equal('Bitte verwenden Sie nur Ziffern, Leerzeichen und + ( ) / -.');
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('Bitte prüfen Sie die markierten Felder.');
    await expect(el).to.be.accessible();
  });

  it('explains an email address taken by another account (409)', async () => {
    const { el } = await profileElement({
      'PATCH /me': () => problem(409, 'conflict', 'Conflict', { errors: [{ field: '/email', code: 'taken', message: 'in use' }] }),
    });
    await loaded(el);
    await edit(el, { email: 'maria.huber@example.at', currentPassword: 'Sonnenblume-Balkon-42' });
    await until(() => field(el, 'email')?.getAttribute('aria-invalid') === 'true', 'email marked');
    expect(text(el)).to.contain('Diese E-Mail-Adresse wird bereits von einem anderen Konto verwendet.');
  });

  it('asks for the current password only while the email differs from the saved one', async () => {
    const { el } = await profileElement();
    await loaded(el);
    shadowButton(el, 'Kontaktdaten bearbeiten').click();
    await el.updateComplete;
    expect(field(el, 'currentPassword')).to.equal(null);
    const email = field(el, 'email');
    for (const [value, shown] of [['anna.neu@example.com', true], ['Anna.Berger@Example.com', false], ['anna@example.org', true]] as const) {
      email.value = value;
      email.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(!!field(el, 'currentPassword'), value).to.equal(shown);
    }
    const password = field(el, 'currentPassword');
    expect(password.type).to.equal('password');
    expect(password.getAttribute('autocomplete')).to.equal('current-password');
    expect(shadow(el).querySelector('label[for=currentPassword]')!.textContent).to.equal('Aktuelles Passwort');
    expect(shadow(el).getElementById(password.getAttribute('aria-describedby')!)!.textContent).to.contain('mit Ihrem aktuellen Passwort');
    await expect(el).to.be.accessible();
  });

  it('sends a new email with the current password; a missing one is marked here, a wrong one (403) from the server', async () => {
    const { el, fake } = await profileElement({
      'PATCH /me': ({ user, body }) => {
        const { currentPassword, ...changes } = body as { currentPassword?: string };
        if (currentPassword !== 'Sonnenblume-Balkon-42')
          return problem(403, 'wrong_password', 'Forbidden', { errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'wrong' }] });
        return { ...user!, ...changes };
      },
    });
    await loaded(el);
    await edit(el, { email: 'anna.neu@example.com' });
    await until(() => field(el, 'currentPassword')?.getAttribute('aria-invalid') === 'true', 'missing password marked');
    expect(fake.callsTo('PATCH /me')).to.have.length(0);
    expect(shadow(el).activeElement).to.equal(field(el, 'currentPassword'));

    const retry = async (password: string) => {
      field(el, 'currentPassword').value = password;
      shadow(el).querySelector<HTMLButtonElement>('[part=submit]')!.click();
      await until(() => fake.callsTo('PATCH /me').length > 0 && !shadow(el).querySelector('[part=form][aria-busy=true]'), 'answered');
    };
    await retry('falsch');
    await until(() => shadow(el).getElementById('currentPassword-error')?.textContent === 'Das aktuelle Passwort ist falsch.', 'wrong password marked');
    expect(field(el, 'currentPassword').getAttribute('aria-describedby')).to.contain('currentPassword-error');
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('Das aktuelle Passwort ist falsch.');
    expect(shadow(el).activeElement).to.equal(field(el, 'currentPassword'));
    expect(field(el, 'email').value).to.equal('anna.neu@example.com');
    await expect(el).to.be.accessible();

    await retry('Sonnenblume-Balkon-42');
    await until(() => !!shadow(el).querySelector('[part=list]'), 'saved');
    expect(fake.callsTo('PATCH /me').map((c) => c.body)).to.deep.equal([
      { email: 'anna.neu@example.com', currentPassword: 'falsch' },
      { email: 'anna.neu@example.com', currentPassword: 'Sonnenblume-Balkon-42' },
    ]);
    expect(text(el)).to.contain('anna.neu@example.com');
    expect(fake.client.user!.email).to.equal('anna.neu@example.com');
    expect(JSON.stringify(fake.client.user)).not.to.contain('Sonnenblume');
  });

  it('shows the terms of use in a disclosure', async () => {
    const { el } = await profileElement();
    await loaded(el);
    const details = shadow(el).querySelector<HTMLDetailsElement>('details[part=terms]')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    await until(() => details.open, 'opened');
    expect(details.textContent).to.contain(demoOrganization.terms.text.de);
    expect(details.textContent).to.contain('Sie haben diesen Bedingungen am 10.01.2026 zugestimmt.');
    await expect(el).to.be.accessible();
  });

  it('changes the password in a light-DOM form with the policy checklist', async () => {
    const { el, fake } = await profileElement({
      'POST /auth/password': ({ body }) =>
        (body as { currentPassword: string }).currentPassword === 'Sonnenblume-Balkon-42'
          ? { status: 204 }
          : problem(422, 'wrong_password', 'Wrong', { errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'wrong' }] }),
    });
    await loaded(el);
    shadowButton(el, 'Passwort ändern').click();
    await el.updateComplete;
    const form = el.querySelector('form')!;
    expect(form, 'light-DOM form').to.exist;
    expect(shadow(el).querySelector('input[type=password]')).to.equal(null);
    expect(input(el, 'currentPassword').getAttribute('autocomplete')).to.equal('current-password');
    expect(input(el, 'newPassword').getAttribute('autocomplete')).to.equal('new-password');
    await until(() => document.activeElement === input(el, 'currentPassword'), 'focus on the first field');
    await expect(el).to.be.accessible();

    await type(el, 'newPassword', 'aberger-2026-xyz');
    expect(el.querySelector('[data-rule=policy_username]')!.getAttribute('data-met')).to.equal('false');
    await type(el, 'newPassword', 'Neues-Passwort-2026');
    expect(el.querySelector('[data-rule=policy_username]')!.getAttribute('data-met')).to.equal('true');

    await type(el, 'currentPassword', 'falsch');
    form.requestSubmit();
    await until(() => input(el, 'currentPassword').getAttribute('aria-invalid') === 'true', 'wrong password marked');
    expect(text(el)).to.contain('Das aktuelle Passwort ist falsch.');
    await expect(el).to.be.accessible();

    await type(el, 'currentPassword', 'Sonnenblume-Balkon-42');
    el.querySelector('form')!.requestSubmit();
    await until(() => el.querySelector('form') === null, 'form closed');
    expect(fake.callsTo('POST /auth/password')[1]!.body).to.deep.equal({ currentPassword: 'Sonnenblume-Balkon-42', newPassword: 'Neues-Passwort-2026' });
    expect(text(el)).to.contain('Ihr Passwort wurde geändert.');
  });

  it('fits 320 px', async () => {
    const { el } = await profileElement();
    el.style.width = '320px';
    await loaded(el);
    expect(el.scrollWidth).to.be.at.most(320);
  });
});
