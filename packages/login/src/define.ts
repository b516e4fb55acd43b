import { define } from '@hausportal/core';
import { HpLogin } from './hp-login.js';
import { HpProfile } from './hp-profile.js';
// The events' HTMLElementEventMap entries, so a consumer importing only define.js gets typed listeners.
import './events.js';

define('hp-login', HpLogin);
define('hp-profile', HpProfile);

declare global {
  interface HTMLElementTagNameMap {
    'hp-login': HpLogin;
    'hp-profile': HpProfile;
  }
}
