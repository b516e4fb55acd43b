import { define } from './define-element.js';
import { HpSession } from './hp-session.js';

define('hp-session', HpSession);

declare global {
  interface HTMLElementTagNameMap {
    'hp-session': HpSession;
  }
}
