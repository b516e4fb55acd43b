// Mock API of the chat bot: POST /chat/messages answered by the stand-in bot of `@hausportal/chat-bot/testing.js`
// (keywords in German and English: Kontostand, Müll, Lift, Gas, Dokumente, Ansprechperson …), signed in with a
// conversation id, signed out from the FAQ only. Plus story variants.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { ChatRequest } from '@hausportal/api';
import { fakeBot } from '@hausportal/chat-bot/testing.js';
import { API } from './handlers.js';
import { problem } from './problems.js';
import { sessionOf } from './sessions.js';
import { unitsOf } from './unit-data.js';

/** The conversation id of the mock's signed-in answers. */
const conversation = '0190a6b2-c4a7-7000-8000-00000000c0de';

/** POST /chat/messages after a short pause, so that the typing indicator shows. */
export const chatHandlers: HttpHandler[] = [
  http.post(`${API}/chat/messages`, async ({ request }) => {
    const body = (await request.json()) as ChatRequest;
    const session = sessionOf(request);
    await delay(500);
    const reply = fakeBot(body, { signedIn: !!session, units: session ? unitsOf(session.user).items.length : 0 });
    return HttpResponse.json({ ...reply, conversationId: session ? conversation : null });
  }),
];

/** Every question fails with 500: the bot says so and offers the form. */
export const chatFails = (): HttpHandler[] => [http.post(`${API}/chat/messages`, () => problem('internal_error'))];
