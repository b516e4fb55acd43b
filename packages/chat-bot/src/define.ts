import { define } from '@hausportal/core';
import { HpChatBot } from './hp-chat-bot.js';

define('hp-chat-bot', HpChatBot);

declare global {
  interface HTMLElementTagNameMap {
    'hp-chat-bot': HpChatBot;
  }
}
