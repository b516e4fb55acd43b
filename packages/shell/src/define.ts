// The portal shows every widget: registering it registers them too (the bundle hausportal.js holds them anyway).
import '@hausportal/core/define.js';
import '@hausportal/login/define.js';
import '@hausportal/unit-list/define.js';
import '@hausportal/statement/define.js';
import '@hausportal/documents/define.js';
import '@hausportal/message-form/define.js';
import '@hausportal/ticket-list/define.js';
import '@hausportal/bulletin-board/define.js';
import '@hausportal/chat-bot/define.js';
import { define } from '@hausportal/core';
import { HpPortal } from './hp-portal.js';
import { HpOverview } from './overview/hp-overview.js';

define('hp-portal', HpPortal);
define('hp-overview', HpOverview);

declare global {
  interface HTMLElementTagNameMap {
    'hp-portal': HpPortal;
    'hp-overview': HpOverview;
  }
}
