export { HpChatBot } from './hp-chat-bot.js';
export { HpNavigateEvent, type NavigateDetail } from './events.js';
export type { ChatEntry, ChatQuestion, HandoverDraft } from './conversation.js';
