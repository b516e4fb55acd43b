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
 * This module is only the loader (on-demand.ts): it knows every Hausportal tag and loads an element's code from
 * `chunks/` next to it when the tag first appears on the page (at once for what the page holds, later for what
 * scripts add). Lit, the core and the session are shared chunks that every element's chunk imports; the portal loads
 * the widgets of its views when it first shows them. `load(tag)` loads an element before it is on the page:
 *
 *   const { load } = await import('https://portal.example.at/dist/hausportal.js');
 *   const HpStatement = await load('hp-statement');
 */
import { startLoader, type HausportalLoader, type TagImport } from './on-demand.js';

const statement: TagImport = () => import('@hausportal/statement/define.js');
const shell: TagImport = () => import('@hausportal/shell/define.js');

/**
 * Every tag hausportal.js defines, and the module that defines it: the same modules the portal imports for its views
 * (packages/shell/src/elements.ts), so each is one chunk. `<hp-login>`, `<hp-profile>` and `<hp-overview>` are defined
 * one by one there (the login package's define.js registers both of the first; the portal's chunk leaves the overview
 * out), reached by their path as the shell's package exports list none of them.
 */
const table: Record<string, TagImport> = {
  'hp-session': () => import('@hausportal/core/define.js'),
  'hp-login': () => import('../../shell/src/elements/hp-login.js').then((m) => m.register()),
  'hp-profile': () => import('../../shell/src/elements/hp-profile.js').then((m) => m.register()),
  'hp-unit-list': () => import('@hausportal/unit-list/define.js'),
  'hp-statement': statement,
  'hp-documents': () => import('@hausportal/documents/define.js'),
  'hp-bulletin-board': () => import('@hausportal/bulletin-board/define.js'),
  'hp-ticket-list': () => import('@hausportal/ticket-list/define.js'),
  'hp-message-form': () => import('@hausportal/message-form/define.js'),
  'hp-chat-bot': () => import('@hausportal/chat-bot/define.js'),
  'hp-statement-charges': statement,
  'hp-statement-ledger': statement,
  'hp-statement-open-items': statement,
  'hp-statement-expenses': statement,
  'hp-statement-qr': statement,
  'hp-portal': shell,
  'hp-overview': () => import('../../shell/src/elements/hp-overview.js').then((m) => m.register()),
};

const loader = startLoader(new URL(import.meta.url).href, table, () => import('./base.js'));

/** Every tag hausportal.js can load. */
export const tags: readonly string[] = loader.tags;

/** Loads an element's code now (see {@link HausportalLoader.load}); resolves with its class once it is defined. */
export const load = (tag: string): Promise<CustomElementConstructor> => loader.load(tag);

export type { HausportalLoader };
