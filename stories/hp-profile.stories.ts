import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http } from 'msw';
import '@hausportal/login/define.js';
import type { HpProfile } from '@hausportal/login';
import { API, emailTaken, loggedIn, problem, tenantThomas, wrongCurrentPassword } from './mocks/index.js';

/** Waits (frame by frame) until the story's <hp-profile> shows the loaded profile. */
async function ready(canvas: HTMLElement): Promise<HpProfile> {
  for (;;) {
    const el = canvas.querySelector<HpProfile>('hp-profile');
    if (el?.shadowRoot?.querySelector('[part=list]')) return el;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

function setField(root: ParentNode, name: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

async function editAndSave(canvas: HTMLElement, values: Record<string, string>): Promise<void> {
  const el = await ready(canvas);
  el.edit.toggle(true);
  await el.updateComplete;
  for (const [name, value] of Object.entries(values)) {
    setField(el.shadowRoot!, name, value);
    await el.updateComplete; // a new email brings the current-password field
  }
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')?.click();
}

async function openPasswordForm(canvas: HTMLElement): Promise<HpProfile> {
  const el = await ready(canvas);
  el.password.toggle(true);
  await el.updateComplete;
  return el;
}

const meta: Meta = {
  title: 'Widgets/hp-profile',
  component: 'hp-profile',
  render: () => html`<hp-profile></hp-profile>`,
  parameters: {
    msw: { handlers: loggedIn() },
    docs: { description: { component: 'The signed-in user’s own data, terms of use and password change.' } },
  },
};
export default meta;
type Story = StoryObj;

/** Name, address from the manager's records, contact data, notifications. */
export const Profile: Story = {};

/** Another tenant, with fields left empty. */
export const SparseProfile: Story = {
  parameters: { msw: { handlers: loggedIn({ ...tenantThomas, phone: null, birthDate: null, notifications: 'none' }) } },
};

/** Nobody is signed in. */
export const LoggedOut: Story = { parameters: { msw: { handlers: [] } } };

/** The profile is still loading. */
export const Loading: Story = {
  parameters: { msw: { handlers: [http.get(`${API}/me`, () => delay('infinite')), ...loggedIn()] } },
};

/** Loading failed; the tenant can try again. */
export const LoadError: Story = {
  parameters: { msw: { handlers: [http.get(`${API}/me`, () => problem('internal', { status: 500 })), ...loggedIn()] } },
};

/** Editing email, phone, date of birth and notifications. */
export const Editing: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.edit.toggle(true);
  },
};

/** Saved: a short confirmation. */
export const Saved: Story = {
  play: async ({ canvasElement }) => editAndSave(canvasElement, { phone: '+43 1 234 56 78' }),
};

/** The phone number is rejected by the server (400 on the field). */
export const InvalidPhone: Story = {
  parameters: {
    msw: {
      handlers: [
        http.patch(`${API}/me`, () =>
          problem('validation', { errors: [{ field: '/phone', code: 'pattern', message: 'may contain digits, spaces, + ( ) / - only' }] }),
        ),
        ...loggedIn(),
      ],
    },
  },
  play: async ({ canvasElement }) => editAndSave(canvasElement, { phone: 'bitte anrufen' }),
};

/** A new email address: the current password is asked for in the same form. */
export const EmailChange: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.edit.toggle(true);
    await el.updateComplete;
    setField(el.shadowRoot!, 'email', 'k.huber@example.at');
  },
};

/** A new email address with a wrong current password (403 on the password field). */
export const EmailWrongPassword: Story = {
  play: async ({ canvasElement }) => editAndSave(canvasElement, { email: 'k.huber@example.at', currentPassword: 'falsch' }),
};

/** The new email address belongs to another account (409). */
export const EmailTaken: Story = {
  parameters: { msw: { handlers: [...emailTaken(), ...loggedIn()] } },
  play: async ({ canvasElement }) => editAndSave(canvasElement, { email: 'markus.leitner@example.at', currentPassword: 'Naschmarkt-Top7' }),
};

/** The terms of use, opened. */
export const TermsOpen: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLDetailsElement>('details')!.open = true;
  },
};

/** Changing the password: light-DOM form with the policy checklist. */
export const ChangePassword: Story = {
  play: async ({ canvasElement }) => {
    const el = await openPasswordForm(canvasElement);
    setField(el, 'newPassword', 'Balkon2026');
  },
};

/** The current password was wrong (422 on the field). */
export const WrongCurrentPassword: Story = {
  parameters: { msw: { handlers: [...wrongCurrentPassword(), ...loggedIn()] } },
  play: async ({ canvasElement }) => {
    const el = await openPasswordForm(canvasElement);
    setField(el, 'currentPassword', 'falsch');
    setField(el, 'newPassword', 'Kastanienbaum-Hof-7');
    el.querySelector('form')?.requestSubmit();
  },
};

/** The smallest supported width. */
export const Narrow: Story = {
  render: () => html`<div style="inline-size: 320px"><hp-profile></hp-profile></div>`,
};
