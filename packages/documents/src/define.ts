import { define } from '@hausportal/core';
import { HpDocuments } from './hp-documents.js';

define('hp-documents', HpDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'hp-documents': HpDocuments;
  }
}
