// The portal. The overview, the widgets of the views, the login and the chat bot are imported when the portal first
// shows them (elements.ts), so registering the portal loads none of them yet; the session is registered here, as the
// portal alone on a page renders its own <hp-session>. `<hp-overview>` alone on a page: hausportal.js loads it by its
// tag; an app bundle defines it with core's define() and the package's `HpOverview` export.
import '@hausportal/core/define.js';
import { define } from '@hausportal/core';
import { HpPortal } from './hp-portal.js';
import type { HpOverview } from './overview/hp-overview.js';
// The events' HTMLElementEventMap entries, so a consumer importing only define.js gets typed listeners.
import './events.js';

define('hp-portal', HpPortal);

declare global {
  interface HTMLElementTagNameMap {
    'hp-portal': HpPortal;
    'hp-overview': HpOverview;
  }
}
