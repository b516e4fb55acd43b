import { define } from '@hausportal/core';
import { HpUnitList } from './hp-unit-list.js';

define('hp-unit-list', HpUnitList);

declare global {
  interface HTMLElementTagNameMap {
    'hp-unit-list': HpUnitList;
  }
}
