import { define } from '@hausportal/core';
import { HpBulletinBoard } from './hp-bulletin-board.js';
// The events' HTMLElementEventMap entries, so a consumer importing only define.js gets typed listeners.
import './events.js';

define('hp-bulletin-board', HpBulletinBoard);

declare global {
  interface HTMLElementTagNameMap {
    'hp-bulletin-board': HpBulletinBoard;
  }
}
