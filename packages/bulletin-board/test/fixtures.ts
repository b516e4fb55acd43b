import { html, waitUntil } from '@open-wc/testing';
import type { Me, PostDetail, PostReadResult } from '@hausportal/api';
import { createFakeApi, demoMe, problem, sessionFixture, dataValues, shadowQuery, signedIn, testPicture, unreadCounts as heard, visibleText, type FakeRoutes } from '@hausportal/core/testing.js';
import { HpPostsUnreadEvent, type HpBulletinBoard } from '../src/index.js';
import { demoPosts, postPage } from '../src/testing.js';
import '../src/define.js';

export interface PostServer {
  posts: PostDetail[];
  /** The query of every GET /posts. */
  pages: Record<string, string>[];
  /** The ids of every POST /posts/seen, per call. */
  seen: string[][];
  /** Ids of every GET /posts/{id}, POST …/read and …/acknowledge. */
  details: string[];
  reads: string[];
  acks: string[];
  /** `id/fileId?size` of every file request, and the ids of every .ics request. */
  files: string[];
  ics: string[];
}

const NOW = Date.UTC(2026, 2, 10, 9);

/**
 * A fake posts API over `posts` (the demo tenant's six notices by default, in the server's order; a test may hand
 * them over in any order, and they are listed as given): the list filtered and paged, the whole notice, read marks,
 * acknowledgements (409 when not asked for), the .ics and the files (a JPEG for pictures).
 */
export function postRoutes(posts: PostDetail[] = demoPosts(NOW), overrides: FakeRoutes = {}): { routes: FakeRoutes; server: PostServer } {
  const server: PostServer = { posts: structuredClone(posts), pages: [], seen: [], details: [], reads: [], acks: [], files: [], ics: [] };
  const find = (id?: string) => server.posts.find((p) => p.id === id);
  const mark = (id: string, change: (p: PostDetail) => PostDetail['read']): PostReadResult | ReturnType<typeof problem> => {
    const post = find(id);
    if (!post) return problem(404, 'not_found');
    post.read = change(post);
    return { id, read: post.read, unreadCount: server.posts.filter((p) => !p.read.openedAt).length };
  };
  const now = () => new Date().toISOString();
  const routes: FakeRoutes = {
    'GET /posts': signedIn(({ query }) => {
      server.pages.push(Object.fromEntries(query));
      const filter = { property: query.get('property'), category: query.get('category'), type: query.get('type'), unread: query.get('unread') };
      return postPage(server.posts, filter, Number(query.get('limit') ?? 100), query.get('cursor'));
    }),
    'POST /posts/seen': signedIn(({ body }) => {
      const ids = (body as { ids: string[] }).ids;
      server.seen.push(ids);
      for (const p of server.posts) if (ids.includes(p.id)) p.read = { ...p.read, seenAt: p.read.seenAt ?? now() };
      return { status: 204 };
    }),
    'GET /posts/{id}': signedIn(({ params }) => {
      server.details.push(params.id!);
      return find(params.id) ?? problem(404, 'not_found');
    }),
    'POST /posts/{id}/read': signedIn(({ params }) => {
      server.reads.push(params.id!);
      return mark(params.id!, (p) => ({ ...p.read, seenAt: p.read.seenAt ?? now(), openedAt: p.read.openedAt ?? now() }));
    }),
    'POST /posts/{id}/acknowledge': signedIn(({ params }) => {
      server.acks.push(params.id!);
      if (find(params.id) && !find(params.id)!.requiresAck) return problem(409, 'acknowledgement_not_required');
      return mark(params.id!, (p) => ({ seenAt: p.read.seenAt ?? now(), openedAt: p.read.openedAt ?? now(), acknowledgedAt: p.read.acknowledgedAt ?? now() }));
    }),
    'GET /posts/{id}/appointment.ics': signedIn(({ params }) => {
      server.ics.push(params.id!);
      const post = find(params.id);
      if (!post?.appointment) return problem(404, 'not_found');
      return { status: 200, body: new Blob([`BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:${post.id}@hausportal\r\nSUMMARY:${post.title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`], { type: 'text/calendar' }) };
    }),
    'GET /posts/{id}/files/{fileId}': signedIn(async ({ params, query }) => {
      server.files.push(`${params.id}/${params.fileId}?${query.get('size') ?? ''}`);
      const file = find(params.id)?.attachments.find((f) => f.id === params.fileId);
      if (!file) return problem(404, 'not_found');
      return { status: 200, body: file.image ? await testPicture() : new Blob([`file ${file.name}`], { type: file.mime }) };
    }),
    ...overrides,
  };
  return { routes, server };
}

export interface BoardOptions {
  user?: Me | null;
  lang?: 'de' | 'en';
  /** Attributes of the element. */
  attrs?: { compact?: boolean; limit?: number; property?: string; post?: string; refresh?: number };
}

/** `<hp-bulletin-board>` in a session of `user` (the demo tenant unless given) on the given routes; no refreshes unless asked for. */
export async function boardWidget(routes: FakeRoutes, options: BoardOptions = {}) {
  const fake = createFakeApi(routes, { user: options.user === undefined ? demoMe : options.user });
  const a = options.attrs ?? {};
  const el = await sessionFixture<HpBulletinBoard>(
    html`<hp-bulletin-board ?compact=${a.compact} limit=${a.limit ?? 0} property=${a.property ?? ''} post=${a.post ?? ''} refresh-interval=${a.refresh ?? 0}></hp-bulletin-board>`,
    { client: fake.client, lang: options.lang ?? 'de' },
  );
  return { el, fake };
}

export const root = (el: HpBulletinBoard) => el.shadowRoot!;

/** Visible text of the element, whitespace collapsed. */
export const text = visibleText;

/** Ids of the notices in the order shown. */
export const postIds = (el: HpBulletinBoard) => dataValues(el, 'post');

export const post = (el: HpBulletinBoard, id: string) => shadowQuery(el, `[data-post="${id}"]`);

export const $ = shadowQuery;

/** Resolves once the first page (or a final state) is shown. */
export async function loaded(el: HpBulletinBoard): Promise<void> {
  await el.store.loaded;
  await el.updateComplete;
}

/** Opens the notice `id` by its title and waits until its whole text shows (and it was marked read). */
export async function openPost(el: HpBulletinBoard, id: string): Promise<void> {
  $(el, `[data-open="${id}"]`).click();
  await el.updateComplete;
  await el.detail.opening;
  await el.updateComplete;
  if ($(el, `[data-open="${id}"]`).getAttribute('aria-expanded') === 'true') await panelShown(el, id);
}

/** Waits until the open notice `id` shows its panel (the panel's code loads with the first notice opened). */
export const panelShown = (el: HpBulletinBoard, id: string): Promise<void> =>
  waitUntil(() => {
    const panel = el.shadowRoot!.querySelector(`#p-${id}`);
    return panel && !panel.querySelector(':scope > [part=loading]');
  }, `the notice ${id} did not open`);

/** The counts of every `hp-posts-unread` heard on the document (it bubbles and is composed), per test. */
export const unreadCounts = () => heard(HpPostsUnreadEvent.eventName);

export { gate } from '@hausportal/core/testing.js';
export { NOW };
