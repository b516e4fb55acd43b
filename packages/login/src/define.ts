import { define } from '@hausportal/core';
import { HpLogin } from './hp-login.js';
import { HpProfile } from './hp-profile.js';

define('hp-login', HpLogin);
define('hp-profile', HpProfile);

declare global {
  interface HTMLElementTagNameMap {
    'hp-login': HpLogin;
    'hp-profile': HpProfile;
  }
}
