import { html, waitUntil } from '@open-wc/testing';
import { createApiClient, type ChatReply, type ChatRequest, type Me, type OrganizationPublic } from '@hausportal/api';
import { createFakeApi, demoMe, demoOrganization, sessionFixture, shadowQuery, visibleText, type FakeResponse, type FakeRoutes } from '@hausportal/core/testing.js';
import { fakeXhrs } from '../../api/test/fake-xhr.js';
import { HpNavigateEvent, type HpChatBot, type NavigateDetail } from '../src/index.js';
import { fakeBot } from '../src/testing.js';
import '../src/define.js';

export interface ChatServer {
  /** Every POST /chat/messages body, and whether it came with a signed-in person's token. */
  requests: (ChatRequest & { signedIn: boolean })[];
}

/** The conversation id the fake server keeps signed-in turns under. */
export const CONVERSATION = '0190a6b2-c4a7-7000-8000-00000000c001';

/** How the fake server answers a chat request, signed in or not. */
export type ChatAnswer = (request: ChatRequest, signedIn: boolean) => ChatReply | FakeResponse | Promise<ChatReply | FakeResponse>;

/**
 * A fake chat API: POST /chat/messages answered by `answer` (the stand-in bot of testing.ts by default, with `units`
 * units for the person), signed in with a conversation id, signed out without.
 */
export function chatRoutes(options: { units?: number; answer?: ChatAnswer } = {}) {
  const server: ChatServer = { requests: [] };
  const answer = options.answer ?? ((request, signedIn) => fakeBot(request, { signedIn, units: options.units }));
  const routes: FakeRoutes = {
    'POST /chat/messages': async ({ body, user }) => {
      const request = body as ChatRequest;
      server.requests.push({ ...request, signedIn: !!user });
      const reply = await answer(request, !!user);
      return 'intent' in reply ? { ...reply, conversationId: user ? CONVERSATION : null } : reply;
    },
  };
  return { routes, server };
}

export interface BotOptions {
  /** The signed-in person (the demo tenant unless given; null: nobody). */
  user?: Me | null;
  lang?: 'de' | 'en';
  /** The organization's public answer (features). */
  organization?: OrganizationPublic;
  inline?: boolean;
  position?: 'bottom-left';
}

/**
 * `<hp-chat-bot>` in a session on `routes`; its client uploads through fake XHRs answered at once, so a message form
 * opened by a hand-over can send. Returns the element once the session has settled.
 */
export async function botWidget(routes: FakeRoutes, options: BotOptions = {}) {
  const fake = createFakeApi(routes, { user: options.user === undefined ? demoMe : options.user, organization: options.organization ?? demoOrganization });
  const xhrs = fakeXhrs(fake.fetch, { auto: true });
  const client = createApiClient({ baseUrl: fake.client.baseUrl, organization: fake.client.organization, fetch: fake.fetch, shareAcrossTabs: false, xhr: xhrs.xhr });
  const el = await sessionFixture<HpChatBot>(html`<hp-chat-bot ?inline=${options.inline} position=${options.position ?? 'bottom-right'}></hp-chat-bot>`, { client, lang: options.lang ?? 'de' });
  return { el, fake, client, xhrs };
}

/** The organization with `features` added to the demo's. */
export const withFeatures = (features: Record<string, boolean>): OrganizationPublic => ({ ...demoOrganization, features: { ...demoOrganization.features, ...features } });

export const $ = shadowQuery;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const text = visibleText;
export const focused = (el: HpChatBot) => el.shadowRoot!.activeElement;

/** Opens the floating chat with its button; resolves once the question field has the focus and the dialog faded in. */
export async function openChat(el: HpChatBot): Promise<void> {
  $(el, '[part=button]').click();
  await waitUntil(() => focused(el)?.id === 'question', 'focus in the question field');
  await Promise.all($(el, 'dialog').getAnimations().map((a) => a.finished));
}

/** The bot's messages in the log, as their visible text. */
export const answers = (el: HpChatBot) => $$(el, '[data-from=bot]').map((m) => text(m));

/** Types `question` and sends it; resolves once the bot's answer to it is in the log. */
export async function ask(el: HpChatBot, question: string): Promise<HTMLElement> {
  const before = $$(el, '[data-from=bot]').length;
  const input = $<HTMLInputElement>(el, '#question');
  input.value = question;
  $(el, '[part=submit]').click();
  return answered(el, before);
}

/** Resolves with the bot's next message once it shows (after `before` messages) and nobody is writing any more. */
export async function answered(el: HpChatBot, before: number): Promise<HTMLElement> {
  await waitUntil(() => $$(el, '[data-from=bot]').length > before && !$(el, '[part=typing]'), 'the answer');
  return $$(el, '[data-from=bot]').at(-1)!;
}

/** Clicks the button in `message` whose text is `label`. */
export function press(message: ParentNode, label: string): void {
  const button = [...message.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);
  if (!button) throw new Error(`no button "${label}" in: ${message.textContent}`);
  button.click();
}

/** Every `hp-navigate` heard on the document, per test; they are cancelled unless `pass` is set, as a portal would. */
export function navigations(pass = false): NavigateDetail[] {
  const heard: NavigateDetail[] = [];
  const hear = (event: Event) => {
    heard.push((event as HpNavigateEvent).detail);
    if (!pass) event.preventDefault();
  };
  beforeEach(() => {
    heard.length = 0;
    document.addEventListener(HpNavigateEvent.eventName, hear);
  });
  afterEach(() => document.removeEventListener(HpNavigateEvent.eventName, hear));
  return heard;
}
