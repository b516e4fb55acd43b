import { define } from '@hausportal/core';
import { HpBulletinBoard } from './hp-bulletin-board.js';

define('hp-bulletin-board', HpBulletinBoard);

declare global {
  interface HTMLElementTagNameMap {
    'hp-bulletin-board': HpBulletinBoard;
  }
}
