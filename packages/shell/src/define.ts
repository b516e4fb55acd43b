import { define } from '@hausportal/core';
import { HpPortal } from './hp-portal.js';

define('hp-portal', HpPortal);

declare global {
  interface HTMLElementTagNameMap {
    'hp-portal': HpPortal;
  }
}
