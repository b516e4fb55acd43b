import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { HttpHandler } from 'msw';
import type { Me } from '@hausportal/api';
import '@hausportal/chat-bot/define.js';
// Defined on the page, so that a hand-over opens the form inside the chat.
import '@hausportal/message-form/define.js';
import type { HpChatBot } from '@hausportal/chat-bot';
import { loggedIn, ownerElisabeth, tenantKatharina } from './mocks/index.js';
import { chatFails, chatHandlers } from './mocks/chat.js';
import { formHandlers } from './mocks/tickets-forms.js';

const log = (event: CustomEvent) => console.info(event.type, event.detail);

/** The bot, open unless `closed`; `inline` in the page flow. */
const bot = (options: { open?: boolean; inline?: boolean } = { open: true }): TemplateResult =>
  html`<hp-chat-bot ?open=${options.open} ?inline=${options.inline} @hp-navigate=${log} @hp-ticket-created=${log}></hp-chat-bot>`;

/** The msw parameters: `variants` first (they win), then the chat and forms mocks, signed in as `me` (null: nobody). */
const api = (me: Me | null = tenantKatharina, variants: HttpHandler[] = []) => ({
  msw: { handlers: [...variants, ...chatHandlers, ...formHandlers, ...(me ? loggedIn(me) : [])] },
});

/** The bot once the session has settled and it shows. */
async function ready(canvas: HTMLElement): Promise<HpChatBot> {
  for (;;) {
    const el = canvas.querySelector<HpChatBot>('hp-chat-bot');
    if (el?.shadowRoot?.querySelector('[part=log]')) return el;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Asks `questions` one after the other, as if typed, each after the previous answer. */
async function converse(canvas: HTMLElement, questions: string[]): Promise<HpChatBot> {
  const el = await ready(canvas);
  for (const text of questions) await el.conversation.ask({ text }, true);
  return el;
}

/** Clicks the first action button of the newest answer (e.g. "Frage an die Verwaltung senden"). */
async function takeAction(el: HpChatBot): Promise<void> {
  await el.updateComplete;
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[data-from=bot] [data-action]')].at(-1)?.click();
}

const meta: Meta = {
  title: 'Widgets/hp-chat-bot',
  component: 'hp-chat-bot',
  render: () => bot(),
  parameters: {
    ...api(),
    docs: {
      description: {
        component:
          'The chat bot: a floating button (`position` bottom-right or bottom-left) opens a modal dialog with the log (`role=log`, polite) and a question field; `inline` puts it into the page flow. Answers from the organization\'s FAQ (formatted), from my own data (lists with "Stand <Datum>" and a link that fires `hp-navigate`), "Meinten Sie …?" and "which unit?" as buttons, emergencies with the numbers to call in large type and the damage report with urgency "Notfall". What it cannot answer it hands over: `<hp-message-form>` opens in the chat with the draft and the last 10 messages (removable); once the person sends it, the ticket number appears in the chat. Server errors are said plainly, with the form offered at once. Esc closes and the focus returns to the button. Hidden where the organization switched it off (pick Krüger in the toolbar). The answers here come from a small keyword stand-in of the server\'s bot: try "Kontostand", "Müll", "Lift", "Gas", "Dokumente", "Ansprechperson".',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Closed: only the floating button at the bottom right. */
export const Closed: Story = { render: () => bot({ open: false }) };

/** The button at the bottom left (`position="bottom-left"`). */
export const BottomLeft: Story = { render: () => html`<hp-chat-bot position="bottom-left" @hp-navigate=${log}></hp-chat-bot>` };

/** Opened, before the first question: the greeting and the focus in the question field. */
export const OpenEmpty: Story = {};

/** Katharina Huber asks about her balance (list with "Stand"), the waste collection (FAQ) and her contact (a number to call). */
export const Conversation: Story = {
  play: async ({ canvasElement }) => void (await converse(canvasElement, ['Wie hoch ist mein Kontostand?', 'Wann wird der Müll abgeholt?', 'Wer ist meine Ansprechperson?'])),
};

/** "Meinten Sie …?": the candidates and the hand-over as buttons. */
export const Clarify: Story = { play: async ({ canvasElement }) => void (await converse(canvasElement, ['Der Lift quietscht'])) };

/** Dr. Elisabeth Wagner owns several units: the bot asks which one, one button per unit. */
export const UnitChoice: Story = { parameters: api(ownerElisabeth), play: async ({ canvasElement }) => void (await converse(canvasElement, ['Kontostand'])) };

/** Gas: what to do, the emergency numbers large as links to call, and "Notfall melden" (the damage report with urgency Notfall). */
export const Emergency: Story = { play: async ({ canvasElement }) => void (await converse(canvasElement, ['Es riecht nach Gas im Stiegenhaus!'])) };

/** Not answerable: the draft opens in the chat (general enquiry, the question, the transcript to remove); nothing is sent until the person sends it. */
export const Handover: Story = {
  play: async ({ canvasElement }) => takeAction(await converse(canvasElement, ['Wie hoch ist mein Kontostand?', 'Darf ich im Hof grillen?'])),
};

/** The damage report from the emergency answer, urgency "Notfall" chosen, the emergency numbers on top. */
export const EmergencyReport: Story = {
  play: async ({ canvasElement }) => takeAction(await converse(canvasElement, ['Es riecht nach Gas im Stiegenhaus!'])),
};

/** The server fails: the bot says so, offers the form directly and a retry. */
export const ServerError: Story = {
  parameters: api(tenantKatharina, chatFails()),
  play: async ({ canvasElement }) => void (await converse(canvasElement, ['Wann kommt der Rauchfangkehrer?'])),
};

/** Nobody signed in: FAQ answers, and the sign-in for questions about one's own data. */
export const SignedOut: Story = {
  parameters: api(null),
  play: async ({ canvasElement }) => void (await converse(canvasElement, ['Wann wird der Müll abgeholt?', 'Wie hoch ist mein Kontostand?'])),
};

/** `inline`: in the page flow, without button and dialog. */
export const Inline: Story = {
  render: () => html`<div style="max-inline-size: 32rem">${bot({ inline: true })}</div>`,
  play: async ({ canvasElement }) => void (await converse(canvasElement, ['Wie hoch ist mein Kontostand?', 'Der Lift quietscht'])),
};

/** Inline at the smallest supported width. */
export const NarrowInline: Story = {
  render: () => html`<div style="inline-size: 320px">${bot({ inline: true })}</div>`,
  play: async ({ canvasElement }) => void (await converse(canvasElement, ['Es riecht nach Gas im Stiegenhaus!'])),
};

/** English (the toolbar's language). */
export const English: Story = {
  globals: { lang: 'en' },
  play: async ({ canvasElement }) => void (await converse(canvasElement, ['What is my balance?', 'When is the waste collected?', 'The lift squeaks'])),
};

/** Krüger has switched the bot off (`features.chatBot` false): nothing shows. */
export const SwitchedOff: Story = { globals: { theme: 'krueger' } };
