import { define } from '@hausportal/core';
import { HpDocuments } from './hp-documents.js';
// The events' HTMLElementEventMap entries, so a consumer importing only define.js gets typed listeners.
import './events.js';

define('hp-documents', HpDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'hp-documents': HpDocuments;
  }
}
