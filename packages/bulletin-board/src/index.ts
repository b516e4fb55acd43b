export { HpBulletinBoard } from './hp-bulletin-board.js';
export { HpPostOpenEvent, HpPostsUnreadEvent } from './events.js';
export { PAGE_SIZE, noFilter, type PostFilter } from './list-store.js';
