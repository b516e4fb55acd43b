export { HpDocuments } from './hp-documents.js';
export { HpDocumentsUnreadEvent } from './events.js';
export { CONCURRENT, DocumentStore, PAGE_SIZE, ZIP_LIMIT, type Library } from './store.js';
export { ViewController, type DocumentView } from './view.js';
export { fold, noFilter, yearOf, type DocumentFilter, type DocumentSort, type Row } from './model.js';
