import { define } from '@hausportal/core';
import { HpMessageForm } from './hp-message-form.js';
// The events' HTMLElementEventMap entries, so a consumer importing only define.js gets typed listeners.
import './events.js';

define('hp-message-form', HpMessageForm);

declare global {
  interface HTMLElementTagNameMap {
    'hp-message-form': HpMessageForm;
  }
}
