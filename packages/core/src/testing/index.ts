export * from './fixtures.js';
export * from './fake-api.js';
export * from './session-fixture.js';
export * from './download.js';
export * from './spreadsheet.js';
export * from './layout.js';
export * from './widget-helpers.js';
