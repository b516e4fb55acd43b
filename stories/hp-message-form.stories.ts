import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@hausportal/message-form/define.js';
import type { HpMessageForm, Raw } from '@hausportal/message-form';
import { loggedIn, ownerElisabeth, tenantKatharina, tenantThomas } from './mocks/index.js';
import { formHandlers, formsFail, formsPending, noEmergencyNumbers, noForms, slowTickets, descriptionRejected, ticketLimit } from './mocks/tickets-forms.js';

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

/** Fills the open form with `values` (as if typed) and `files`, then sends it when `send` is set. */
async function fill(canvas: HTMLElement, values: Record<string, Raw>, send = false, files: File[] = []): Promise<HpMessageForm> {
  const el = await ready(canvas);
  for (const [key, value] of Object.entries(values)) el.fill.set(key, value);
  el.fill.files = files;
  await el.updateComplete;
  if (send) el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
  return el;
}

const waterDamage: Record<string, Raw> = {
  urgency: 'dringend',
  damage: { location: 'bad', category: 'feuchtigkeit-schimmel', problem: 'wasserfleck' },
  since: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
  description: 'Seit dem Wochenende wird der Fleck über der Dusche größer; vermutlich aus der Wohnung darüber.',
  access: true,
  pets: false,
  phone: '+43 660 123 45 67',
};

/** Two photos of a few MB each, so that the bars move visibly. */
const photos = () => [new File([new Uint8Array(3_000_000)], 'Wasserfleck Decke.jpg', { type: 'image/jpeg' }), new File([new Uint8Array(2_000_000)], 'Bad Übersicht.jpg', { type: 'image/jpeg' })];

/** Katharina Huber (Top 7, with a credit): the five forms to choose from. */
export const Default: Story = {};

/** `form="schadensmeldung"`: the damage report opens at once; its unit field shows the one unit as text. */
export const Schadensmeldung: Story = { args: { form: 'schadensmeldung' } };

/** "Notfall" chosen: the emergency numbers show at once, above the form, as links to call. */
export const Notfall: Story = {
  args: { form: 'schadensmeldung' },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { urgency: 'notfall', damage: { location: 'kueche', category: 'sanitaer', problem: 'rohrbruch' } })),
};

/** "Notfall" sent: the confirmation keeps the emergency numbers above the expected first answer. */
export const NotfallSent: Story = {
  args: { form: 'schadensmeldung' },
  play: async ({ canvasElement }) =>
    void (await fill(canvasElement, { ...waterDamage, urgency: 'notfall', damage: { location: 'bad', category: 'sanitaer', problem: 'rohrbruch' }, description: 'Wasser tritt unter der Badewanne aus.' }, true)),
};

/** The lift at the Naschmarkt is already reported: "Ich bin auch betroffen" follows it instead of a new ticket. */
export const Duplicates: Story = {
  args: { form: 'schadensmeldung' },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { damage: { location: 'lift', category: 'lift' } })),
};

/** Guthabensanforderung: the unit field (one unit, as text), the credit of Top 7 (128,40 €) read-only; payout asks for IBAN and account holder, and the consent. */
export const Guthabensanforderung: Story = {
  args: { form: 'guthabensanforderung' },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { choice: 'payout', account_holder: 'Katharina Huber' })),
};

/** Sent without the required fields, a wrong IBAN: every error at its field, the focus on the first. */
export const ValidationErrors: Story = {
  args: { form: 'guthabensanforderung' },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { choice: 'payout', iban: 'AT62 1904 3002 3457 3201' }, true)),
};

/** The server objects to the description (400 at /values/description): the objection shows at the field, no retry offered. */
export const ServerObjection: Story = {
  args: { form: 'schadensmeldung' },
  parameters: { msw: { handlers: [...descriptionRejected(), ...formHandlers, ...loggedIn(tenantKatharina)] } },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { ...waterDamage, description: 'Fleck' }, true)),
};

/** Sending takes long (the answer waits 8 s): sent with two photos on load, a progress bar per file and the cancel button. */
export const UploadProgress: Story = {
  args: { form: 'schadensmeldung' },
  parameters: { msw: { handlers: [...slowTickets(), ...formHandlers, ...loggedIn(tenantKatharina)] } },
  play: async ({ canvasElement }) => void (await fill(canvasElement, waterDamage, true, photos())),
};

/** Sent: the ticket number and the expected first answer. */
export const Success: Story = {
  args: { form: 'schadensmeldung' },
  play: async ({ canvasElement }) => void (await fill(canvasElement, waterDamage, true)),
};

/** Ten tickets today: 429 said plainly, the entries kept, no retry offered. */
export const DailyLimit: Story = {
  args: { form: 'allgemeine-anfrage' },
  parameters: { msw: { handlers: [...ticketLimit(), ...formHandlers, ...loggedIn(tenantKatharina)] } },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { subject: 'Müllraum versperrt', text: 'Der Müllraum ist seit Montag versperrt.' }, true)),
};

/** A form that is not offered (no credit: no Guthabensanforderung for Thomas Becker). */
export const NotOffered: Story = {
  args: { form: 'guthabensanforderung' },
  parameters: { hausportal: { org: 'krueger' }, msw: { handlers: [...formHandlers, ...loggedIn(tenantThomas)] } },
};

/** Dr. Elisabeth Wagner owns four units: the form's unit field is the unit picker (its value is also the ticket's unit). */
export const SeveralUnits: Story = {
  args: { form: 'fragen-abrechnung' },
  parameters: { msw: { handlers: [...formHandlers, ...loggedIn(ownerElisabeth)] } },
};

/** The organization named no emergency numbers: "Notfall" shows the European emergency number 112. */
export const NotfallWithoutNumbers: Story = {
  args: { form: 'schadensmeldung' },
  parameters: { msw: { handlers: [...noEmergencyNumbers(), ...formHandlers, ...loggedIn(tenantKatharina)] } },
  play: async ({ canvasElement }) => void (await fill(canvasElement, { urgency: 'notfall' })),
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
