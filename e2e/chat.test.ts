// End to end, the chat bot on the example homepages. Katharina Huber (ImmoPro tenant, Top 7) asks for her balance and
// gets the figure GET /units reports with "Stand <Datum>"; asks when the lift is repaired and gets her lift ticket's
// number and the status <hp-ticket-list> shows; asks something the bot cannot answer, sends it to the manager through
// the draft in <hp-message-form> inside the chat, and the ticket number appears in the chat, in <hp-ticket-list> and in
// GET /tickets. An emergency shows the organization's numbers as tel: links and "Notfall melden", which opens the
// Schadensmeldung with urgency Notfall. Signed out, the bot answers from the FAQ and asks to sign in for own data; Esc
// closes it and the focus returns to its button. Krüger has switched the bot off, so its homepage shows no button.
// Real server (compiled, fresh SQLite file with the demo seed), system Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { ChatReply, EmergencyNumber, OrganizationPublic, TicketDetail, TicketPage, UnitPage } from '@hausportal/api';
import { formatDate, formatMoney } from '../packages/core/src/format.ts';
import { serverAndBrowser } from './browser.ts';
import { demoLogin, type DemoLogin } from './server.ts';
import { apiJson, apiLogin as signIn } from './api.ts';

const e2e = serverAndBrowser({ compiled: true });

const api = <T>(token: string, path: string) => apiJson<T>(e2e.server.url, token, path);

/** The organization's day (GET /organizations/{slug}/public `today`), the day own-data answers are "Stand" of. */
async function orgToday(slug: string): Promise<string> {
  const res = await fetch(`${e2e.server.url}/api/organizations/${slug}/public`);
  assert.equal(res.status, 200);
  return ((await res.json()) as OrganizationPublic).today;
}

/** Spaces as the text shows them: the widget writes money with a no-break space, the server's answer with a plain one. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** A fresh browser context in German on `page` (`/` is ImmoPro's homepage). */
async function openPage(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}${path}`);
  return { page, close: () => context.close() };
}

/** Signs `user` in with the page's <hp-login> and waits until the portal shows her requests. */
async function signInOnHomepage(page: Page, user: DemoLogin): Promise<void> {
  await page.locator('hp-login input[name="username"]').fill(user.username);
  await page.locator('hp-login input[name="password"]').fill(user.password);
  await page.locator('hp-login button[type="submit"]').click();
  await page.locator('hp-ticket-list [data-ticket]').first().waitFor();
}

/** The chat bot of the page, and the parts the tests use. */
function chatOf(page: Page) {
  const bot = page.locator('hp-chat-bot');
  return {
    bot,
    button: bot.locator('[part="button"]'),
    answers: bot.locator('[part="message"][data-from="bot"]'),
    form: bot.locator('hp-message-form'),
  };
}

/** Opens the chat with its floating button; the focus goes to the question field. */
async function openChat(page: Page): Promise<void> {
  const chat = chatOf(page);
  await chat.button.click();
  await chat.bot.locator('dialog[open] #question').waitFor();
  await page.waitForFunction(() => document.querySelector('hp-chat-bot')?.shadowRoot?.activeElement?.id === 'question');
}

/** Types `text` into the chat and sends it; returns the server's answer and its message in the log, once shown. */
async function ask(page: Page, text: string): Promise<{ reply: ChatReply; message: Locator }> {
  const chat = chatOf(page);
  const before = await chat.answers.count();
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/chat/messages');
  await chat.bot.locator('#question').fill(text);
  await chat.bot.locator('#question').press('Enter');
  const response = await answered;
  assert.equal(response.status(), 200, await response.text());
  const reply = (await response.json()) as ChatReply;
  const message = chat.answers.nth(before);
  await message.waitFor();
  assert.equal(await message.getAttribute('data-intent'), reply.intent, `the log shows the answer to "${text}"`);
  return { reply, message };
}

test('signed out on the ImmoPro homepage: the bot answers an FAQ question, asks to sign in for the balance, and Esc closes it with the focus back on its button', async () => {
  const { page, close } = await openPage('/');
  try {
    const chat = chatOf(page);
    await openChat(page);
    assert.match(await chat.bot.locator('[part="log"] .intro').innerText(), /Melden Sie sich an/);

    const waste = await ask(page, 'Wann wird der Müll abgeholt?');
    assert.equal(waste.reply.intent, 'faq.waste');
    assert.ok(waste.reply.html, 'an FAQ answer comes as formatted text');
    await waste.message.locator('.html strong', { hasText: 'Müllraum' }).first().waitFor();
    assert.ok((await waste.message.locator('.html li').count()) > 0, 'with its list');

    const balance = await ask(page, 'Wie hoch ist mein Kontostand?');
    assert.equal(balance.reply.intent, 'signin', 'own data needs a sign-in');
    assert.match(await balance.message.innerText(), /Bitte melden Sie sich an/);
    assert.doesNotMatch(await balance.message.innerText(), /€|Stand \d/, 'no account data signed out');
    const signin = balance.message.locator('[data-action]', { hasText: 'Anmelden' });
    await signin.waitFor();

    // Esc closes the dialog; the focus returns to the floating button.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => {
      const bot = document.querySelector('hp-chat-bot');
      const closed = !bot?.shadowRoot?.querySelector('dialog')?.open;
      const button = bot?.shadowRoot?.activeElement;
      // The dialog's close event (and so the button's state) comes a task after the browser moved the focus back.
      return closed && document.activeElement === bot && button?.getAttribute('part') === 'button' && button.getAttribute('aria-expanded') === 'false';
    });

    // Opened again, the conversation is still there; "Anmelden" closes the chat and leads to the page's sign-in.
    await openChat(page);
    assert.equal(await chat.answers.count(), 2);
    await signin.click();
    await page.waitForFunction(() => !document.querySelector('hp-chat-bot')?.shadowRoot?.querySelector('dialog')?.open);
    await page.locator('hp-login input[name="username"]').waitFor();
  } finally {
    await close();
  }
});

test('the Krüger homepage shows no chat bot: Krüger has switched it off', async () => {
  const { page, close } = await openPage('/krueger.html');
  try {
    // Once the organization is loaded (its features decide), the bot renders nothing.
    const loaded = await page.waitForFunction(() => {
      const bot = document.querySelector('hp-chat-bot') as (HTMLElement & { session?: { organization?: { features?: Record<string, unknown> } } }) | null;
      return bot?.session?.organization?.features;
    });
    const features = (await loaded.jsonValue()) ?? {};
    assert.equal(features.chatBot, false, 'Krüger has features.chatBot false');
    await page.locator('hp-login input[name="username"]').waitFor();
    const rendered = await page.locator('hp-chat-bot').evaluate(async (el) => {
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      return el.shadowRoot?.querySelectorAll('[part~="button"], [part~="base"], dialog').length ?? 0;
    });
    assert.equal(rendered, 0, 'no button and no dialog');
    assert.equal(await chatOf(page).button.count(), 0);
  } finally {
    await close();
  }
});

test('Katharina Huber asks for her balance and her lift ticket, then sends an off-topic question to the manager; the ticket shows in the chat, in <hp-ticket-list> and in GET /tickets', async () => {
  const huber = demoLogin('katharina.huber@example.com');
  const token = await signIn(e2e.server.url, huber);
  const { page, close } = await openPage('/');
  try {
    const chat = chatOf(page);
    await signInOnHomepage(page, huber);
    await openChat(page);
    assert.match(await chat.bot.locator('[part="log"] .intro').innerText(), /Ihrem Konto, Ihren Meldungen/);

    // 1. The balance: the figure GET /units reports for her unit, worded as owed or credit, with "Stand <Datum>".
    const [unit, ...others] = (await api<UnitPage>(token, '/units')).items.filter((u) => u.active);
    assert.ok(unit && others.length === 0, 'Katharina Huber has one unit');
    const dayBefore = await orgToday('immopro');
    const balance = await ask(page, 'Wie hoch ist mein Kontostand?');
    const dayAfter = await orgToday('immopro');
    assert.equal(balance.reply.intent, 'data.balance');
    const amount = spaced(formatMoney(Math.abs(unit.balanceCents), 'de'));
    const said = spaced(await balance.message.innerText());
    const wording = unit.balanceCents > 0 ? `Rückstand von ${amount}` : unit.balanceCents < 0 ? `Guthaben von ${amount}` : 'ausgeglichen';
    assert.ok(said.includes(wording), `"${wording}" in: ${said}`);
    assert.ok(said.includes(`Top ${unit.top}`), `her Top ${unit.top} in: ${said}`);
    assert.ok(balance.reply.asOf === dayBefore || balance.reply.asOf === dayAfter, `Stand ${balance.reply.asOf}, the organization's day`);
    assert.equal(await balance.message.locator('.as-of').innerText(), `Stand ${formatDate(balance.reply.asOf!, 'de')}`);

    // 2. The lift: her open ticket about the lift, with its number and the status her ticket list shows.
    const open = (await api<TicketPage>(token, '/tickets?tab=open')).items;
    const lifts = open.filter((t) => /\bLift\b/.test(t.subject));
    assert.equal(lifts.length, 1, `one open ticket about the lift: ${open.map((t) => t.subject).join(' | ')}`);
    const lift = lifts[0]!;
    const status = page.locator(`hp-ticket-list [data-ticket="${lift.id}"] [data-status]`);
    assert.equal(await status.getAttribute('data-status'), lift.status, 'the list shows the status of GET /tickets');
    const label = (await status.innerText()).trim();
    const repair = await ask(page, 'Wann wird der Lift repariert?');
    assert.equal(repair.reply.intent, 'data.ticket_status');
    const answer = await repair.message.innerText();
    assert.ok(answer.includes(lift.number), `her ticket ${lift.number} in: ${answer}`);
    assert.ok(answer.includes(`${label} (seit`) || answer.includes(`: ${label}`), `the status "${label}" in: ${answer}`);
    await repair.message.locator('.as-of').waitFor();

    // 3. Off-topic: no answer; she sends the question to the manager through the draft in the chat.
    const question = 'Können Sie mir ein gutes Restaurant in der Nähe empfehlen?';
    const offTopic = await ask(page, question);
    assert.ok(['handover', 'clarify'].includes(offTopic.reply.intent), `no answer of its own: ${offTopic.reply.intent}`);
    await offTopic.message.locator('button', { hasText: 'Frage an die Verwaltung senden' }).click();

    const handover = chat.bot.locator('[part="handover"]');
    await handover.waitFor();
    assert.ok(await chat.bot.locator('[part="log"]').isHidden(), 'the form takes the place of the log');
    const subject = chat.form.locator('input[data-key="subject"]');
    await subject.waitFor();
    assert.equal(await subject.inputValue(), question, 'subject = her question');
    assert.equal(await chat.form.locator('textarea[data-key="text"]').inputValue(), question);
    // Her one unit is the draft's (a single unit shows as text, not as a choice).
    assert.match(await chat.form.locator('.unit-fixed').innerText(), new RegExp(`\\b${unit.top}\\b`), 'her unit');
    const transcript = chat.form.locator('[part="transcript"]');
    await transcript.waitFor();
    const lines = await transcript.locator('.transcript-text').innerText();
    for (const line of ['Ich: Wie hoch ist mein Kontostand?', `Ich: Wann wird der Lift repariert?`, `Ich: ${question}`, 'Chatbot: ']) {
      assert.ok(lines.includes(line), `"${line}" in the transcript: ${lines}`);
    }
    assert.ok(lines.includes(lift.number), 'the transcript has the answers too');

    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/tickets');
    await chat.form.locator('[part="submit"]').click();
    assert.equal((await created).status(), 201);

    // The chat is back with the number; the page's list shows the new ticket at once.
    const confirmation = chat.answers.and(page.locator('[data-intent="ticket_created"]'));
    await confirmation.waitFor();
    const number = /\b(\d{4}-\d{5})\b/.exec(await confirmation.innerText())?.[1];
    assert.ok(number, 'the chat names the ticket number');
    assert.match(await confirmation.innerText(), /ist eingegangen/);
    assert.equal(await handover.count(), 0, 'the form panel is closed');
    await page.waitForFunction(() => document.querySelector('hp-chat-bot')?.shadowRoot?.activeElement?.id === 'question');

    const row = page.locator('hp-ticket-list [part="item"]', { hasText: number });
    await row.waitFor();
    assert.ok((await row.innerText()).includes(question), 'the list row has her question as subject');

    const listed = (await api<TicketPage>(token, '/tickets?tab=open')).items.find((t) => t.number === number);
    assert.ok(listed, `GET /tickets has ${number}`);
    assert.equal(listed.subject, question);
    assert.equal(listed.status, 'new');
    const detail = JSON.stringify(await api<TicketDetail>(token, `/tickets/${listed.id}`));
    assert.ok(detail.includes('Chatverlauf:') && detail.includes('Ich: Wie hoch ist mein Kontostand?'), 'the transcript was sent with the message');
  } finally {
    await close();
  }
});

test('an emergency: the organization\'s numbers as tel: links (Gas-Notruf 128) and "Notfall melden" opens the Schadensmeldung with urgency Notfall', async () => {
  const huber = demoLogin('katharina.huber@example.com');
  const token = await signIn(e2e.server.url, huber);
  const { emergencyNumbers } = await api<{ emergencyNumbers: EmergencyNumber[] }>(token, '/forms');
  assert.ok(emergencyNumbers.some((n) => n.phone === '128'), 'ImmoPro has the Gas-Notruf 128');
  const { page, close } = await openPage('/');
  try {
    const chat = chatOf(page);
    await signInOnHomepage(page, huber);
    await openChat(page);

    const gas = await ask(page, 'Es riecht nach Gas im Stiegenhaus');
    assert.equal(gas.reply.intent, 'emergency');
    assert.match(await gas.message.getAttribute('class') ?? '', /\bemergency\b/);
    assert.match(await gas.message.innerText(), /Gasgeruch/);
    const hrefs = await gas.message.locator('[part="calls"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, emergencyNumbers.map((n) => `tel:${n.phone.replace(/[^+0-9]/g, '')}`), 'every emergency number, to call');
    assert.match(await gas.message.locator('a[href="tel:128"]').innerText(), /128/);

    await gas.message.locator('[data-action]', { hasText: 'Notfall melden' }).click();
    await chat.bot.locator('[part="handover"]').waitFor();
    const urgency = chat.form.locator('select[data-key="urgency"]');
    await urgency.waitFor();
    assert.equal(await urgency.inputValue(), 'notfall', 'urgency Notfall is preselected');
    assert.match(await urgency.locator('option:checked').innerText(), /Notfall/);
    assert.ok(await chat.form.locator('select[data-key="damage"]').first().isVisible(), 'the Schadensmeldung is open');
  } finally {
    await close();
  }
});
