import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { render } from 'lit';
import type { Me } from '@hausportal/api';
import { HpSession, define } from '@hausportal/core';
import { createFakeApi, demoMe, demoOrganization, demoPassword, problem, sessionFixture } from '@hausportal/core/testing.js';
import '../src/define.js';
import { HpLogin, HpLoginEvent, HpLogoutEvent } from '../src/index.js';
import { alertText, button, input, submit, text, type, until } from './helpers.js';

const strong = 'Kastanienbaum-Hof-7';

async function loginElement(fake = createFakeApi(), lang: 'de' | 'en' = 'de'): Promise<HpLogin> {
  return sessionFixture<HpLogin>(html`<hp-login></hp-login>`, { client: fake.client, lang });
}

const heading = (el: HpLogin) => el.shadowRoot!.querySelector('h2')!;

/** Waits until the current step is on the page (the rarer steps' code is loaded when first needed). */
async function shown(el: HpLogin): Promise<void> {
  await until(() => el.shadowRoot!.querySelector('h2') !== null, `step ${el.step} shown`);
  await el.updateComplete;
}

describe('<hp-login> login form', () => {
  it('renders the form in light DOM with names, labels and autocomplete for password managers', async () => {
    const el = await loginElement();
    expect(el.step).to.equal('login');
    const form = el.querySelector('form')!;
    expect(form, 'form in light DOM').to.exist;
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    const user = input(el, 'username');
    const pass = input(el, 'password');
    expect(user.getAttribute('autocomplete')).to.equal('username');
    expect(pass.getAttribute('autocomplete')).to.equal('current-password');
    expect(pass.type).to.equal('password');
    expect(user.form).to.equal(form);
    for (const field of [user, pass]) {
      const label = el.querySelector(`label[for="${field.id}"]`);
      expect(label, `label for ${field.name}`).to.exist;
    }
    // The form is slotted into the shadow tree.
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=form]')!;
    expect(slot.assignedElements()[0]!.contains(form)).to.equal(true);
    expect(heading(el).textContent).to.equal('Anmelden');
    expect(text(el)).to.contain(`Mieter- und Eigentümerportal der ${demoOrganization.name}`);
    await expect(el).to.be.accessible();
  });

  it('leaves focus and scroll position alone when the page loads, logged out or restored', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.prepend(spacer);
    try {
      for (const user of [null, demoMe]) {
        window.scrollTo(0, 0);
        const el = await loginElement(createFakeApi({}, { user }));
        await until(() => el.step === (user ? 'done' : 'login'), 'first step');
        await el.updateComplete;
        expect(el.shadowRoot!.activeElement, 'no focus in the widget').to.equal(null);
        expect(window.scrollY, 'page not scrolled').to.equal(0);
      }
    } finally {
      spacer.remove();
    }
  });

  it('speaks English when the session says so', async () => {
    const el = await loginElement(createFakeApi(), 'en');
    expect(heading(el).textContent).to.equal('Sign in');
    expect(el.querySelector(`label[for="${input(el, 'username').id}"]`)!.textContent).to.equal('Email or user name');
    expect(text(el)).to.contain('Forgot password?');
    await expect(el).to.be.accessible();
  });

  it('logs in, fires hp-login with the user and shows the name with a logout button', async () => {
    const fake = createFakeApi();
    const el = await loginElement(fake);
    await type(el, 'username', demoMe.email);
    await type(el, 'password', demoPassword);
    const event = oneEvent(el, HpLoginEvent.eventName);
    await submit(el);
    const fired = (await event) as HpLoginEvent;
    expect(fired.detail.id).to.equal(demoMe.id);
    expect(fired.bubbles && fired.composed).to.equal(true);
    await until(() => el.step === 'done', 'done step');
    await el.updateComplete;
    expect(fake.callsTo('POST /auth/login')[0]!.body).to.deep.equal({ organization: 'demo', username: demoMe.email, password: demoPassword });
    expect(text(el)).to.contain('Angemeldet als Anna Berger.');
    expect(el.querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(heading(el));
    await expect(el).to.be.accessible();

    const out = oneEvent(el, HpLogoutEvent.eventName);
    button(el, 'Abmelden').click();
    await out;
    await until(() => el.step === 'login', 'back to login');
    expect(fake.callsTo('POST /auth/logout')).to.have.length(1);
    expect(fake.client.user).to.equal(null);
  });

  it('marks empty fields without sending anything', async () => {
    const fake = createFakeApi();
    const el = await loginElement(fake);
    await submit(el);
    await el.updateComplete;
    expect(fake.callsTo('POST /auth/login')).to.have.length(0);
    const user = input(el, 'username');
    expect(user.getAttribute('aria-invalid')).to.equal('true');
    const described = user.getAttribute('aria-describedby')!;
    expect(el.querySelector(`#${described}`)!.textContent).to.equal('Bitte füllen Sie dieses Feld aus.');
    expect(alertText(el)).to.equal('Bitte prüfen Sie die markierten Felder.');
    await until(() => document.activeElement === user, 'focus on the first invalid field');
    await expect(el).to.be.accessible();
  });
});

describe('<hp-login> errors', () => {
  const cases: Array<[string, unknown, string]> = [
    ['wrong credentials (401)', problem(401, 'invalid_credentials'), 'E-Mail-Adresse/Benutzername oder Passwort ist falsch.'],
    ['too many attempts (429) with the wait', problem(429, 'rate_limited', 'Too many', { retryAfter: 120 } as never), 'Bitte warten Sie 2 Minuten'],
    ['too many attempts (429) without a wait', problem(429, 'rate_limited'), 'Bitte warten Sie einige Minuten'],
    ['account locked (403)', problem(403, 'account_locked'), 'Ihr Konto ist gesperrt.'],
    ['account not activated (403)', problem(403, 'account_invited'), 'Ihr Konto ist noch nicht aktiviert.'],
    ['server error (500)', problem(500, 'internal'), 'Beim Server ist ein Fehler aufgetreten.'],
  ];
  for (const [name, answer, expected] of cases) {
    it(`explains ${name}`, async () => {
      const el = await loginElement(createFakeApi({ 'POST /auth/login': () => answer }));
      await type(el, 'username', 'someone');
      await type(el, 'password', 'whatever-it-is');
      await submit(el);
      await until(() => alertText(el) !== '', 'an alert');
      expect(alertText(el)).to.contain(expected);
      expect(el.step).to.equal('login');
      await expect(el).to.be.accessible();
    });
  }

  it('says when the network is down', async () => {
    const el = await loginElement(createFakeApi({ 'POST /auth/login': () => { throw new TypeError('Failed to fetch'); } }));
    await type(el, 'username', 'someone');
    await type(el, 'password', 'whatever-it-is');
    await submit(el);
    await until(() => alertText(el) !== '', 'an alert');
    expect(alertText(el)).to.contain('Der Server ist nicht erreichbar');
  });

  it('is unavailable without any API', async () => {
    define('hp-login-probe', class extends HpLogin {});
    const el = await fixture<HpLogin>(html`<hp-login-probe></hp-login-probe>`);
    expect(el.step).to.equal('unavailable');
    expect(text(el)).to.contain('Die Anmeldung ist gerade nicht möglich');
    await expect(el).to.be.accessible();
  });
});

describe('<hp-login> forgot password', () => {
  it('requests a code, then sets a new password checked against the policy as one types', async () => {
    const organization = { ...demoOrganization, passwordPolicy: { ...demoOrganization.passwordPolicy, requireUpper: true, requireDigit: true } };
    const resets: unknown[] = [];
    const fake = createFakeApi(
      {
        'POST /auth/password-reset': () => ({ status: 202 }),
        'POST /auth/password-reset/confirm': ({ body }) => {
          resets.push(body);
          return resets.length === 1
            ? problem(422, 'password_policy', 'Policy', { errors: [{ field: '/newPassword', code: 'policy_common', message: 'common' }] })
            : { status: 204 };
        },
      },
      { organization },
    );
    const el = await loginElement(fake);
    button(el, 'Passwort vergessen?').click();
    await el.updateComplete;
    await shown(el);
    expect(el.step).to.equal('forgot');
    expect(el.shadowRoot!.activeElement, 'focus on the heading').to.equal(heading(el));
    expect(input(el, 'email').getAttribute('autocomplete')).to.equal('username');
    await expect(el).to.be.accessible();

    await type(el, 'email', 'anna.berger@example.com');
    await submit(el);
    await until(() => el.step === 'reset', 'reset step');
    expect(fake.callsTo('POST /auth/password-reset')[0]!.body).to.deep.equal({ organization: 'demo', email: 'anna.berger@example.com' });
    expect(text(el)).to.contain('Falls anna.berger@example.com zu einem Konto gehört');
    expect(input(el, 'newPassword').getAttribute('autocomplete')).to.equal('new-password');
    expect(input(el, 'code').getAttribute('autocomplete')).to.equal('one-time-code');

    const rule = (name: string) => el.querySelector(`[data-rule=${name}]`)!.getAttribute('data-met');
    expect(rule('too_short')).to.equal('false');
    await type(el, 'newPassword', 'kurz');
    expect(rule('too_short')).to.equal('false');
    expect(rule('policy_upper')).to.equal('false');
    await type(el, 'newPassword', 'Langes-Passwort');
    expect(rule('too_short')).to.equal('true');
    expect(rule('policy_upper')).to.equal('true');
    expect(rule('policy_digit')).to.equal('false');
    await type(el, 'newPassword', 'Langes-Passwort-9');
    expect(rule('policy_digit')).to.equal('true');
    expect(text(el)).to.contain('Alle Regeln sind erfüllt.');
    const checklist = el.querySelector('.checklist')!;
    expect(input(el, 'newPassword').getAttribute('aria-describedby')).to.contain(checklist.id);
    await expect(el).to.be.accessible();

    await type(el, 'code', 'A1B2C3D4E5F6G7H8J9K0');
    await submit(el);
    await until(() => input(el, 'newPassword').getAttribute('aria-invalid') === 'true', '422 mapped onto the field');
    const error = el.querySelector(`#${input(el, 'newPassword').id}-error`)!;
    expect(error.textContent).to.equal('Dieses Passwort ist zu verbreitet. Bitte wählen Sie ein anderes.');
    await expect(el).to.be.accessible();

    await submit(el);
    await until(() => el.step === 'login', 'back to login');
    expect(resets[1]).to.deep.equal({ code: 'A1B2C3D4E5F6G7H8J9K0', newPassword: 'Langes-Passwort-9' });
    expect(text(el)).to.contain('Ihr neues Passwort ist gespeichert.');
    expect(input(el, 'username').value).to.equal('anna.berger@example.com');
  });

  it('does not send a new password that breaks the rules', async () => {
    const fake = createFakeApi();
    const el = await loginElement(fake);
    el.flow.go('reset');
    await el.updateComplete;
    await shown(el);
    await type(el, 'code', 'A1B2C3D4E5F6G7H8J9K0');
    await type(el, 'newPassword', 'passwort123');
    await submit(el);
    expect(fake.callsTo('POST /auth/password-reset/confirm')).to.have.length(0);
    expect(input(el, 'newPassword').getAttribute('aria-invalid')).to.equal('true');
  });

  it('maps a wrong or expired code onto the code field', async () => {
    const fake = createFakeApi({
      'POST /auth/password-reset/confirm': () =>
        problem(422, 'invalid_code', 'Invalid', { errors: [{ field: '/code', code: 'invalid_code', message: 'is invalid or expired' }] }),
    });
    const el = await loginElement(fake);
    el.flow.go('reset');
    await el.updateComplete;
    await shown(el);
    await type(el, 'code', '0000000000000000');
    await type(el, 'newPassword', strong);
    await submit(el);
    await until(() => input(el, 'code').getAttribute('aria-invalid') === 'true', 'code marked');
    expect(text(el)).to.contain('Der Code ist falsch oder abgelaufen.');
  });

  it('explains a rate-limited code request with the wait from Retry-After', async () => {
    const fake = createFakeApi({
      'POST /auth/password-reset': () => ({ ...problem(429, 'rate_limited'), headers: { 'Retry-After': '45' } }),
    });
    const el = await loginElement(fake);
    el.flow.go('forgot');
    await el.updateComplete;
    await shown(el);
    await type(el, 'email', 'anna.berger@example.com');
    await submit(el);
    await until(() => alertText(el) !== '', 'alert');
    expect(alertText(el)).to.contain('Bitte warten Sie 45 Sekunden');
  });
});

describe('<hp-login> activation and first login', () => {
  const invited: Me = { ...demoMe, status: 'active', pendingActions: ['accept-terms', 'change-password'], mustChangePassword: true, termsAcceptedAt: null, termsVersion: null };

  it('activates with the invitation code, logs in and walks through terms and the own password', async () => {
    let current: Me = invited;
    const fake = createFakeApi(
      {
        'POST /auth/activate': () => ({ status: 204 }),
        'POST /auth/login': () => ({ accessToken: 'token-1', tokenType: 'Bearer', expiresIn: 300, user: current }),
        'POST /me/terms': ({ body }) => {
          current = { ...current, termsVersion: (body as { version: string }).version, termsAcceptedAt: '2026-03-01T10:00:00Z', pendingActions: ['change-password'] };
          return current;
        },
        'POST /auth/password': ({ body }) => {
          const { currentPassword } = body as { currentPassword: string };
          if (currentPassword !== strong) {
            return problem(422, 'wrong_password', 'Wrong', { errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'is wrong' }] });
          }
          current = { ...current, mustChangePassword: false, pendingActions: [] };
          return { status: 204 };
        },
        'GET /me': () => current,
      },
    );
    const el = await loginElement(fake);
    button(el, 'Konto mit Einladungscode aktivieren').click();
    await el.updateComplete;
    await shown(el);
    expect(el.step).to.equal('activate');
    await expect(el).to.be.accessible();
    await type(el, 'email', 'anna.berger@example.com');
    await type(el, 'code', 'INV-12345678');
    await type(el, 'newPassword', strong);
    await submit(el);
    await until(() => el.step === 'terms', 'terms step');
    await shown(el);
    expect(fake.callsTo('POST /auth/activate')[0]!.body).to.deep.equal({ email: 'anna.berger@example.com', code: 'INV-12345678', newPassword: strong });
    expect(fake.callsTo('POST /auth/login')[0]!.body).to.deep.include({ username: 'anna.berger@example.com', password: strong });

    // Terms: text of the organization, must be ticked.
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=terms]')!.textContent).to.contain(demoOrganization.terms.text.de);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=accept]')!;
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(fake.callsTo('POST /me/terms')).to.have.length(0);
    box.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => el.step === 'change-password', 'password step');
    expect(fake.callsTo('POST /me/terms')[0]!.body).to.deep.equal({ version: demoOrganization.terms.version });

    // Forced password change, in light DOM.
    await el.updateComplete;
    expect(input(el, 'currentPassword').getAttribute('autocomplete')).to.equal('current-password');
    expect(input(el, 'newPassword').getAttribute('autocomplete')).to.equal('new-password');
    await expect(el).to.be.accessible();
    await type(el, 'currentPassword', 'not-the-one');
    await type(el, 'newPassword', 'Ganz-neues-Passwort-1');
    await submit(el);
    await until(() => input(el, 'currentPassword').getAttribute('aria-invalid') === 'true', 'wrong current password marked');
    expect(el.querySelector(`#${input(el, 'currentPassword').id}-error`)!.textContent).to.equal('Das aktuelle Passwort ist falsch.');

    await type(el, 'currentPassword', strong);
    const loggedIn = oneEvent(el, HpLoginEvent.eventName);
    await submit(el);
    const fired = (await loggedIn) as HpLoginEvent;
    expect(fired.detail.pendingActions).to.deep.equal([]);
    await until(() => el.step === 'done', 'done');
  });

  it('shows the terms in English for a restored session with pending actions', async () => {
    const el = await loginElement(createFakeApi({}, { user: invited }), 'en');
    expect(el.step).to.equal('terms');
    await shown(el);
    expect(heading(el).textContent).to.equal('Terms of use');
    expect(el.shadowRoot!.querySelector('[part=terms]')!.textContent).to.contain(demoOrganization.terms.text.en);
    button(el, 'Sign out').click();
    await until(() => el.step === 'login', 'signed out');
  });

  it('goes to the password step directly when only the password change is pending', async () => {
    const el = await loginElement(createFakeApi({}, { user: { ...invited, pendingActions: ['change-password'] } }));
    expect(el.step).to.equal('change-password');
    await shown(el);
    expect(input(el, 'hp-username').value).to.equal(demoMe.username);
  });

  it('explains a wrong invitation code', async () => {
    const fake = createFakeApi({
      'POST /auth/activate': () => problem(422, 'invalid_code', 'Invalid', { errors: [{ field: '/code', code: 'invalid_code', message: 'x' }] }),
    });
    const el = await loginElement(fake);
    el.flow.go('activate');
    await el.updateComplete;
    await shown(el);
    await type(el, 'email', 'anna.berger@example.com');
    await type(el, 'code', 'INV-00000000');
    await type(el, 'newPassword', strong);
    await submit(el);
    await until(() => input(el, 'code').getAttribute('aria-invalid') === 'true', 'code marked');
    expect(alertText(el)).to.contain('Einladungscode ist falsch');
    await expect(el).to.be.accessible();
  });
});

describe('<hp-login> light-DOM styles', () => {
  it('adopts one scoped stylesheet per root that host CSS cannot break and that does not leak', async () => {
    const hostCss = new CSSStyleSheet();
    hostCss.replaceSync('input { border: 7px dotted rgb(255, 0, 0); } label { display: none; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostCss];
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px">
        <hp-session .client=${createFakeApi().client} org="demo"><hp-login></hp-login><hp-login></hp-login></hp-session>
        <input aria-label="outside" id="outside" />
      </div>`);
      const session = wrapper.querySelector<HpSession>('hp-session')!;
      await session.settled;
      const [first] = wrapper.querySelectorAll<HpLogin>('hp-login');
      await first!.updateComplete;
      const scoped = document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('@scope (hp-login)')));
      expect(scoped.length).to.be.within(1, 2);
      const before = document.adoptedStyleSheets.length;
      const added = document.createElement('hp-login') as HpLogin;
      wrapper.querySelector('hp-session')!.append(added);
      await added.updateComplete;
      expect(document.adoptedStyleSheets.length).to.equal(before);
      const ours = getComputedStyle(input(first!, 'username'));
      expect(ours.borderTopWidth).to.equal('1px');
      expect(getComputedStyle(first!.querySelector('label')!).display).not.to.equal('none');
      expect(getComputedStyle(wrapper.querySelector('#outside')!).borderTopWidth).to.equal('7px');
      // 320 px wide: nothing sticks out.
      expect(first!.scrollWidth).to.be.at.most(320);
      expect(first!.querySelector('form')!.scrollWidth).to.be.at.most(320);
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== hostCss);
    }
  });

  it('signed in, with no form to show, keeps equal space above and below its content', async () => {
    const el = await loginElement(createFakeApi({}, { user: demoMe }));
    await until(() => el.step === 'done', 'signed in');
    await el.updateComplete;
    const container = el.querySelector('[data-hp-lightform]')!;
    expect(container.querySelector('form'), 'no form while signed in').to.equal(null);
    expect(getComputedStyle(container).display, 'the empty form container takes no place in the layout').to.equal('none');
    const base = el.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect();
    const shown = [...el.shadowRoot!.querySelectorAll('[part="base"] > *')].map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0);
    const top = shown[0]!.top - base.top;
    const bottom = base.bottom - shown[shown.length - 1]!.bottom;
    expect(Math.abs(top - bottom), `space above ${top} px, below ${bottom} px`).to.be.below(2);
  });

  it('adopts the stylesheet into an enclosing shadow root', async () => {
    define('hp-session', HpSession);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    render(html`<hp-session .client=${createFakeApi().client} org="demo"><hp-login></hp-login></hp-session>`, root);
    await root.querySelector<HpSession>('hp-session')!.settled;
    const el = root.querySelector<HpLogin>('hp-login')!;
    await el.updateComplete;
    expect(root.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('@scope (hp-login)')))).to.equal(true);
    expect(getComputedStyle(input(el, 'password')).borderTopWidth).to.equal('1px');
  });
});
