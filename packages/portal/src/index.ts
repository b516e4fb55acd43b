/**
 * Hausportal for script-tag embedding:
 *
 *   <script type="module" src="https://portal.example.at/dist/hausportal.js"></script>
 *   <hp-session api="/api" org="immopro" lang="de">
 *     <hp-login></hp-login>
 *     <hp-profile></hp-profile>
 *     <hp-unit-list></hp-unit-list>
 *     <hp-statement></hp-statement>
 *     <hp-documents></hp-documents>
 *     <hp-message-form></hp-message-form>
 *     <hp-ticket-list></hp-ticket-list>
 *     <hp-bulletin-board></hp-bulletin-board>
 *     <hp-chat-bot></hp-chat-bot>
 *   </hp-session>
 *
 * or the whole portal in one element: `<hp-portal api="/api" org="immopro"></hp-portal>`.
 *
 * Importing this module registers every Hausportal element. Rarely needed parts (the virtualizer for very long
 * lists, the QR code encoder, the Excel writer) are separate files next to it in `chunks/`, loaded only when used.
 */
import '@hausportal/core/define.js';
import '@hausportal/login/define.js';
import '@hausportal/unit-list/define.js';
import '@hausportal/statement/define.js';
import '@hausportal/documents/define.js';
import '@hausportal/message-form/define.js';
import '@hausportal/ticket-list/define.js';
import '@hausportal/bulletin-board/define.js';
import '@hausportal/chat-bot/define.js';
import '@hausportal/shell/define.js';

export * from '@hausportal/core';
export * from '@hausportal/login';
export * from '@hausportal/unit-list';
export * from '@hausportal/statement';
export * from '@hausportal/documents';
export * from '@hausportal/message-form';
export * from '@hausportal/ticket-list';
export * from '@hausportal/bulletin-board';
export * from '@hausportal/chat-bot';
export * from '@hausportal/shell';
