export { HpPortal } from './hp-portal.js';
