import { define } from './define-element.js';
import { HpSession } from './hp-session.js';
// The events' HTMLElementEventMap entries, so a consumer importing only define.js gets typed listeners.
import './events.js';

define('hp-session', HpSession);

declare global {
  interface HTMLElementTagNameMap {
    'hp-session': HpSession;
  }
}
