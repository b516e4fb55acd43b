import { define } from '@hausportal/core';
import { HpChatBot } from './hp-chat-bot.js';
// The events' HTMLElementEventMap entries, so a consumer importing only define.js gets typed listeners.
import './events.js';

define('hp-chat-bot', HpChatBot);

declare global {
  interface HTMLElementTagNameMap {
    'hp-chat-bot': HpChatBot;
  }
}
