import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@hausportal/login/define.js';
import type { HpLogin, LoginStep } from '@hausportal/login';
import { delay, http } from 'msw';
import { API, codeInvalid, loggedIn, loginFails, networkDown, pendingActions, rateLimited, slow } from './mocks/index.js';

/** Waits (frame by frame) until the story's <hp-login> shows `step`, then returns it. */
async function ready(canvas: HTMLElement, step: LoginStep = 'login'): Promise<HpLogin> {
  for (;;) {
    const el = canvas.querySelector<HpLogin>('hp-login');
    if (el && el.step === step) {
      await el.updateComplete;
      return el;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

function fill(el: HpLogin, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) continue;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }
}

/** Fills the login form and submits it, as a tenant would. */
async function attemptLogin(canvas: HTMLElement): Promise<void> {
  const el = await ready(canvas);
  fill(el, { username: 'katharina.gruber@example.at', password: 'irgendein-Passwort' });
  el.form?.requestSubmit();
}

const meta: Meta = {
  title: 'Widgets/hp-login',
  component: 'hp-login',
  render: () => html`<hp-login></hp-login>`,
  parameters: {
    docs: {
      description: {
        component:
          'Sign-in with forgot password, activation and the first-login steps. The password forms live in light DOM so password managers work.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** The login form of a visitor (the refresh cookie is missing). */
export const LoginForm: Story = {};

/** While the session is restored from the refresh cookie. */
export const Loading: Story = { parameters: { msw: { handlers: [...slow(Infinity)] } } };

/** After pressing "Sign in", while the server has not answered yet. */
export const Submitting: Story = {
  parameters: { msw: { handlers: [http.post(`${API}/auth/login`, () => delay('infinite'))] } },
  play: async ({ canvasElement }) => attemptLogin(canvasElement),
};

/** Unknown user or wrong password (401). */
export const WrongCredentials: Story = {
  parameters: { msw: { handlers: loginFails('invalid_credentials') } },
  play: async ({ canvasElement }) => attemptLogin(canvasElement),
};

/** Too many failed attempts (429 with Retry-After). */
export const TooManyAttempts: Story = {
  parameters: { msw: { handlers: rateLimited(300) } },
  play: async ({ canvasElement }) => attemptLogin(canvasElement),
};

/** The account is locked by the property manager (403). */
export const AccountLocked: Story = {
  parameters: { msw: { handlers: loginFails('account_locked') } },
  play: async ({ canvasElement }) => attemptLogin(canvasElement),
};

/** The server cannot be reached. */
export const NetworkDown: Story = {
  parameters: { msw: { handlers: networkDown() } },
  play: async ({ canvasElement }) => attemptLogin(canvasElement),
};

/** Empty fields are marked without asking the server. */
export const MissingInput: Story = {
  play: async ({ canvasElement }) => (await ready(canvasElement)).form?.requestSubmit(),
};

/** Forgot password, step 1: request a code by email. */
export const ForgotPassword: Story = {
  play: async ({ canvasElement }) => (await ready(canvasElement)).flow.go('forgot'),
};

/** Forgot password, step 2: enter the code and a new password; the checklist follows the typing. */
export const ResetPassword: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.flow.go('forgot');
    await el.updateComplete;
    fill(el, { email: 'katharina.gruber@example.at' });
    el.form?.requestSubmit();
    const reset = await ready(canvasElement, 'reset');
    fill(reset, { newPassword: 'Sommer' });
  },
};

/** The emailed code is wrong or expired (422 on the code field). */
export const ResetCodeInvalid: Story = {
  parameters: { msw: { handlers: codeInvalid() } },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.flow.go('reset');
    await el.updateComplete;
    fill(el, { code: '0000000000000000', newPassword: 'Kastanienbaum-Hof-7' });
    el.form?.requestSubmit();
  },
};

/** Activation of an invited account with the code from the letter. */
export const Activation: Story = {
  play: async ({ canvasElement }) => (await ready(canvasElement)).flow.go('activate'),
};

/** First login: the terms of use must be accepted. */
export const AcceptTerms: Story = {
  parameters: { msw: { handlers: pendingActions(['accept-terms', 'change-password'], { restored: true }) } },
};

/** First login: the initial password must be replaced. */
export const ForcedPasswordChange: Story = {
  parameters: { msw: { handlers: pendingActions(['change-password'], { restored: true }) } },
};

/** Signed in: name and logout. */
export const LoggedIn: Story = {
  parameters: { msw: { handlers: loggedIn() } },
};

/** The smallest supported width. */
export const Narrow: Story = {
  render: () => html`<div style="inline-size: 320px"><hp-login></hp-login></div>`,
};
