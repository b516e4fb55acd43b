import { define } from '@hausportal/core';
import { HpMessageForm } from './hp-message-form.js';

define('hp-message-form', HpMessageForm);

declare global {
  interface HTMLElementTagNameMap {
    'hp-message-form': HpMessageForm;
  }
}
