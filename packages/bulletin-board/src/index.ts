export { HpBulletinBoard } from './hp-bulletin-board.js';
export { HpPostOpenEvent, HpPostsUnreadEvent } from './events.js';
export type { PostFilter } from './list-store.js';
