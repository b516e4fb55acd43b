import { define } from '@hausportal/core';
import { HpUnitList } from './hp-unit-list.js';
// The events' HTMLElementEventMap entries, so a consumer importing only define.js gets typed listeners.
import './events.js';

define('hp-unit-list', HpUnitList);

declare global {
  interface HTMLElementTagNameMap {
    'hp-unit-list': HpUnitList;
  }
}
