import { define } from '@hausportal/core';
import { HpTicketList } from './hp-ticket-list.js';
// The events' HTMLElementEventMap entries, so a consumer importing only define.js gets typed listeners.
import './events.js';

define('hp-ticket-list', HpTicketList);

declare global {
  interface HTMLElementTagNameMap {
    'hp-ticket-list': HpTicketList;
  }
}
