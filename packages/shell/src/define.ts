// The portal and its overview. The widgets of the views, the login and the chat bot are imported when the portal
// first shows them (elements.ts), so registering the portal loads none of them yet; the session is registered here,
// as the portal alone on a page renders its own <hp-session>.
import '@hausportal/core/define.js';
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
