import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@hausportal/message-form/define.js';
import type { HpMessageForm, Raw } from '@hausportal/message-form';
import { loggedIn, ownerElisabeth, tenantKatharina, tenantThomas } from './mocks/index.js';
import { formHandlers, formsFail, formsPending, noForms, slowTickets, subjectRejected, ticketLimit } from './mocks/tickets-forms.js';

const log = (event: CustomEvent<{ id: string; number: string }>) => console.info(event.type, event.detail);

const meta: Meta = {
  title: 'Widgets/hp-message-form',
  component: 'hp-message-form',
  args: { form: '' },
  render: (args) => html`<hp-message-form form=${args.form} @hp-ticket-created=${log} @hp-ticket-joined=${log}></hp-message-form>`,
  parameters: {
    msw: { handlers: [...formHandlers, ...loggedIn(tenantKatharina)] },
    docs: {
      description: {
        component:
          'Send a message through one of the organization\'s forms; it becomes a ticket. Unit picker, every field type with showIf, errors as one types, emergency numbers for "Notfall", "Bereits gemeldet — Ich bin auch betroffen" for common areas, files with a progress bar each, cancel and retry, privacy notice and consent, a draft kept until sent, and a confirmation with the ticket number and the expected first answer.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<{ form: string }>;

/** The widget once its form is open. */
async function ready(canvas: HTMLElement): Promise<HpMessageForm> {
  for (;;) {
    const el = canvas.querySelector<HpMessageForm>('hp-message-form');
    if (el?.shadowRoot?.querySelector('[part=form]')) return el;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Fills the open form with `values` (as if typed), then sends it when `send` is set. */
async function fill(canvas: HTMLElement, values: Record<string, Raw>, send = false): Promise<HpMessageForm> {
  const el = await ready(canvas);
  for (const [key, value] of Object.entries(values)) el.fill.set(key, value);
  await el.updateComplete;
  if (send) el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
  return el;
}

const waterDamage: Record<string, Raw> = {
  damage: { location: 'bad', category: 'feuchtigkeit', problem: 'wasserfleck' },
  subject: 'Wasserfleck an der Decke im Bad',
  details: 'Seit dem Wochenende wird der Fleck über der Dusche größer; vermutlich aus der Wohnung darüber.',
  since: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
  urgency: 'dringend',
  access: true,
  pets: false,
};

/** Katharina Huber (Top 7, with a credit): the five forms to choose from. */
export const Default: Story = {};

/** `form="schadensmeldung"`: the damage report opens at once; one unit, so no unit picker. */
export const Schadensmeldung: Story = { args: { form: 'schadensmeldung' } };

/** "Notfall" chosen: the emergency numbers show at once, above the form, as links to call. */
export const Notfall: Story = {
  args: { form: 'schadensmeldung' },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { urgency: 'notfall', damage: { location: 'kueche', category: 'sanitaer', problem: 'tropft' } })),
};

/** The lift at the Naschmarkt is already reported: "Ich bin auch betroffen" follows it instead of a new ticket. */
export const Duplicates: Story = {
  args: { form: 'schadensmeldung' },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { damage: { location: 'lift', category: 'lift' } })),
};

/** Guthabensanforderung: the credit of Top 7 (128,40 €) read-only; payout asks for IBAN and account holder, and the consent. */
export const Guthabensanforderung: Story = {
  args: { form: 'guthabensanforderung' },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { choice: 'auszahlung', holder: 'Katharina Huber' })),
};

/** Sent without the required fields, a wrong IBAN: every error at its field, the focus on the first. */
export const ValidationErrors: Story = {
  args: { form: 'guthabensanforderung' },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { choice: 'auszahlung', iban: 'AT62 1904 3002 3457 3201' }, true)),
};

/** The server objects to the subject (400 at /values/subject): the objection shows at the field. */
export const ServerObjection: Story = {
  args: { form: 'schadensmeldung' },
  parameters: { msw: { handlers: [...subjectRejected(), ...formHandlers, ...loggedIn(tenantKatharina)] } },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { ...waterDamage, subject: 'Fleck' }, true)),
};

/** Sending takes long (the answer waits 8 s): attach photos and send to see a progress bar per file and the cancel button. */
export const UploadProgress: Story = {
  args: { form: 'schadensmeldung' },
  parameters: { msw: { handlers: [...slowTickets(), ...formHandlers, ...loggedIn(tenantKatharina)] } },
  play: async ({ canvasElement }) => void (await fill(canvasElement, waterDamage)),
};

/** Sent: the ticket number and the expected first answer. */
export const Success: Story = {
  args: { form: 'schadensmeldung' },
  play: async ({ canvasElement }) => void (await fill(canvasElement, waterDamage, true)),
};

/** Ten tickets today: 429 said plainly, the entries kept. */
export const DailyLimit: Story = {
  args: { form: 'allgemeine-anfrage' },
  parameters: { msw: { handlers: [...ticketLimit(), ...formHandlers, ...loggedIn(tenantKatharina)] } },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { subject: 'Müllraum versperrt', message: 'Der Müllraum ist seit Montag versperrt.' }, true)),
};

/** A form that is not offered (no credit: no Guthabensanforderung for Thomas Becker). */
export const NotOffered: Story = {
  args: { form: 'guthabensanforderung' },
  parameters: { hausportal: { org: 'krueger' }, msw: { handlers: [...formHandlers, ...loggedIn(tenantThomas)] } },
};

/** Dr. Elisabeth Wagner owns four units: the unit picker. */
export const SeveralUnits: Story = {
  args: { form: 'fragen-abrechnung' },
  parameters: { msw: { handlers: [...formHandlers, ...loggedIn(ownerElisabeth)] } },
};

/** Still loading. */
export const Loading: Story = { parameters: { msw: { handlers: [...formsPending(), ...loggedIn(tenantKatharina)] } } };

/** Loading failed; try again. */
export const LoadError: Story = { parameters: { msw: { handlers: [...formsFail(), ...loggedIn(tenantKatharina)] } } };

/** No form is offered right now. */
export const Empty: Story = { parameters: { msw: { handlers: [...noForms(), ...loggedIn(tenantKatharina)] } } };

/** Nobody is signed in. */
export const LoggedOut: Story = { parameters: { msw: { handlers: [] } } };

/** The smallest supported width: the fields stack. */
export const Narrow: Story = {
  args: { form: 'schadensmeldung' },
  render: (args) => html`<div style="inline-size: 320px"><hp-message-form form=${args.form}></hp-message-form></div>`,
  play: async ({ canvasElement }) => void (await fill(canvasElement, { urgency: 'notfall', access: false })),
};
