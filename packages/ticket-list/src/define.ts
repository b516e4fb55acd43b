import { define } from '@hausportal/core';
import { HpTicketList } from './hp-ticket-list.js';

define('hp-ticket-list', HpTicketList);

declare global {
  interface HTMLElementTagNameMap {
    'hp-ticket-list': HpTicketList;
  }
}
