export * from './types.js';
export * from './client-types.js';
