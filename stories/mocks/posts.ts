// Mock API for the bulletin board: GET /posts (property, category, type, unread, limit, cursor), POST /posts/seen,
// GET /posts/{id}, POST /posts/{id}/read and /acknowledge (409 when not asked for), GET /posts/{id}/appointment.ics
// and GET /posts/{id}/files/{fileId} (a drawn picture, its preview with size=thumb, or a PDF), scoped like the
// reference server (another person's notice answers 404 like an unknown id). Each demo user sees the six Portal24
// examples of @hausportal/bulletin-board/testing.js at their own properties (the summer party at their second one, if
// they have one), dates around today. Plus story variants. Bodies are HTML (`&amp;` for "&"); the excerpts made from
// them (postDetail) are plain text with the entities decoded, as the server's are.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { Me, PostDetail, PostType } from '@hausportal/api';
import { boardOrder, demoPosts, generatePosts, postDetail, postPage } from '@hausportal/bulletin-board/testing.js';
import { API } from './handlers.js';
import { invalid, problem } from './problems.js';
import { attachmentFile, drawnPicture, fixedStore, perPerson, signedIn, type PersonStore } from './resident.js';
import { unitsOf } from './unit-data.js';

/** The demo notices of `me`, at their properties. */
function postsOf(me: Me): PostDetail[] {
  const [first, second] = unitsOf(me).properties.map((p) => ({ id: p.id, name: p.name }));
  return demoPosts(Date.now()).map((p) => ({ ...p, properties: [(p.id === 'post-sommerfest' ? second : undefined) ?? first ?? p.properties[0]!] }));
}

/** Where a person's notices live while the page is open (reading and acknowledging change them). */
type Board = PersonStore<PostDetail>;

const demoBoard: Board = perPerson(postsOf);

/** A drawn picture for an image attachment: sky, a house front with windows and a sun, in colours of its name. */
const picture = (name: string): Blob =>
  drawnPicture(
    name,
    (h) => `<rect width="320" height="240" fill="hsl(${h} 45% 82%)"/><rect x="60" y="70" width="200" height="170" fill="hsl(${(h + 40) % 360} 25% 60%)"/>
<rect x="90" y="100" width="40" height="40" fill="#fff"/><rect x="190" y="100" width="40" height="40" fill="#fff"/><circle cx="270" cy="45" r="25" fill="hsl(45 90% 60%)"/>`,
  );

const types: readonly string[] = ['neutral', 'info', 'warning', 'danger'];

/** The post endpoints over `board`. */
function postRoutes(board: Board): HttpHandler[] {
  const find = (me: Me, id: string) => board.get(me).find((p) => p.id === id);
  const change = (me: Me, id: string, read: (p: PostDetail) => PostDetail['read']) => {
    const posts = board.get(me).map((p) => (p.id === id ? { ...p, read: read(p) } : p));
    board.set(me, posts);
    const post = posts.find((p) => p.id === id)!;
    return HttpResponse.json({ id, read: post.read, unreadCount: posts.filter((p) => !p.read.openedAt).length });
  };
  const now = () => new Date().toISOString();
  return [
    signedIn('get', '/posts', (me, request) => {
      const query = new URL(request.url).searchParams;
      const limit = Number(query.get('limit') ?? 100);
      const type = query.get('type');
      if (!(limit >= 1 && limit <= 200)) return invalid([{ field: 'limit', code: 'maximum', message: 'must be between 1 and 200' }]);
      if (type && !types.includes(type)) return invalid([{ field: 'type', code: 'enum', message: 'must be neutral, info, warning or danger' }]);
      const filter = { property: query.get('property'), category: query.get('category'), type, unread: query.get('unread') };
      return HttpResponse.json(postPage(board.get(me), filter, limit, query.get('cursor')));
    }),
    signedIn('post', '/posts/seen', async (me, request) => {
      const ids = ((await request.json().catch(() => null)) as { ids?: unknown } | null)?.ids;
      if (!Array.isArray(ids) || !ids.length) return invalid([{ field: '/ids', code: 'minItems', message: 'must name at least one notice' }]);
      board.set(me, board.get(me).map((p) => (ids.includes(p.id) && !p.read.seenAt ? { ...p, read: { ...p.read, seenAt: now() } } : p)));
      return new HttpResponse(null, { status: 204 });
    }),
    signedIn('get', '/posts/:id', (me, _request, { id }) => {
      const post = find(me, id!);
      return post ? HttpResponse.json(post) : problem('not_found');
    }),
    signedIn('post', '/posts/:id/read', (me, _request, { id }) =>
      find(me, id!) ? change(me, id!, (p) => ({ ...p.read, seenAt: p.read.seenAt ?? now(), openedAt: p.read.openedAt ?? now() })) : problem('not_found'),
    ),
    signedIn('post', '/posts/:id/acknowledge', (me, _request, { id }) => {
      const post = find(me, id!);
      if (!post) return problem('not_found');
      if (!post.requiresAck) return problem('acknowledgement_not_required', { status: 409, detail: 'This notice does not ask for an acknowledgement.' });
      return change(me, id!, (p) => ({ seenAt: p.read.seenAt ?? now(), openedAt: p.read.openedAt ?? now(), acknowledgedAt: p.read.acknowledgedAt ?? now() }));
    }),
    signedIn('get', '/posts/:id/appointment.ics', (me, _request, { id }) => {
      const post = find(me, id!);
      if (!post?.appointment) return problem('not_found');
      const stamp = (value: string) => value.replace(/[-:]/g, '').replace(/\.\d+/, '');
      const { start, end, allDay, place } = post.appointment;
      const when = allDay ? [`DTSTART;VALUE=DATE:${stamp(start)}`] : [`DTSTART:${stamp(start)}`, ...(end ? [`DTEND:${stamp(end)}`] : [])];
      const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hausportal//Storybook//DE', 'BEGIN:VEVENT', `UID:${post.id}@hausportal`, `SEQUENCE:${post.revision}`, `DTSTAMP:${stamp(now())}`, ...when, `SUMMARY:${post.title}`, ...(place ? [`LOCATION:${place}`] : []), 'END:VEVENT', 'END:VCALENDAR'];
      const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(`${post.title}.ics`)}`;
      return new HttpResponse(`${lines.join('\r\n')}\r\n`, { headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': disposition } });
    }),
    signedIn('get', '/posts/:id/files/:fileId', (me, request, { id, fileId }) => {
      const file = find(me, id!)?.attachments.find((f) => f.id === fileId);
      if (!file) return problem('not_found');
      if (new URL(request.url).searchParams.get('size') === 'thumb' && !file.thumb) return problem('not_found');
      return attachmentFile(file.name, file.image ? picture(file.name) : null, 'Schwarzes Brett');
    }),
  ];
}

/** Every post endpoint over the demo users' notices (for the default handlers in ./index.ts). */
export const postHandlers: HttpHandler[] = postRoutes(demoBoard);

/** A board of fixed notices for every person (a story's own, changed by reading and acknowledging). */
const fixed: (posts: PostDetail[]) => Board = fixedStore;

/** The signed-in person has no notices. */
export const noPosts = (): HttpHandler[] => postRoutes(fixed([]));

/** GET /posts fails with 500. */
export const postsFail = (): HttpHandler[] => [http.get(`${API}/posts`, () => problem('internal_error'))];

/** GET /posts never answers (the loading state). */
export const postsPending = (): HttpHandler[] => [http.get(`${API}/posts`, () => delay('infinite'))];

/** GET /posts/{id} fails with 503 (the error inside an opened notice). */
export const postDetailFails = (): HttpHandler[] => [http.get(`${API}/posts/:id`, () => problem('database_unavailable'))];

/** `n` generated notices of every type (pages of 20: "Mehr laden"). */
export const manyPosts = (n: number): HttpHandler[] => postRoutes(fixed(generatePosts(n)));

const samples: Record<PostType, [title: string, body: string, category: string]> = {
  neutral: ['Neue Fahrradabstellplätze im Hof', '<p>Im Hof stehen ab sofort zwölf neue Fahrradbügel bereit.</p>', 'allgemein'],
  info: ['Stiegenhausreinigung: neuer Dienstleister', '<p>Ab April reinigt die Firma Glanz &amp; Co. das Stiegenhaus, jeden Dienstag.</p>', 'reinigung'],
  warning: ['Lift wird gewartet', '<p>Der Lift steht am Donnerstag von 8 bis 12 Uhr still.</p>', 'lift'],
  danger: ['Gasgeruch im Keller: Keller nicht betreten', '<p>Die Feuerwehr ist verständigt. Bitte betreten Sie den Keller nicht und benützen Sie keine offenen Flammen.</p>', 'heizung-wasser'],
};

/** One notice of `type` (unread, to be acknowledged when danger) next to the demo notices. */
export function onePost(type: PostType): HttpHandler[] {
  const [title, body, category] = samples[type];
  const now = Date.now();
  const post = postDetail(`post-${type}`, type, title, body, category, now, { requiresAck: type === 'danger', visibleUntil: type === 'warning' || type === 'danger' ? new Date(now + 3 * 86_400_000).toISOString().slice(0, 10) : null });
  return postRoutes(fixed([post]));
}

/** The demo notices; the summer party is withdrawn once the list has loaded (opening it answers 404, the next list leaves it out). */
export function withdrawnAfterLoad(): HttpHandler[] {
  let calls = 0;
  const board = fixed(demoPosts(Date.now()));
  const get = board.get;
  board.get = (me) => (calls > 1 ? get(me).filter((p) => p.id !== 'post-sommerfest') : get(me));
  return [
    http.get(`${API}/posts`, () => {
      calls += 1;
    }),
    http.get(`${API}/posts/post-sommerfest`, () => problem('not_found')),
    ...postRoutes(board),
  ];
}

/** The demo notices, and a danger notice that appears with the next refresh (the widget announces it). */
export function dangerArrives(): HttpHandler[] {
  let calls = 0;
  const posts = demoPosts(Date.now()).filter((p) => p.type !== 'danger');
  const arriving = postDetail('post-gas', 'danger', samples.danger[0], samples.danger[1], samples.danger[2], Date.now(), { publishedAt: new Date().toISOString() });
  const board = fixed(posts);
  const get = board.get;
  board.get = (me) => {
    const list = get(me);
    return calls > 1 && !list.some((p) => p.id === arriving.id) ? boardOrder([arriving, ...list]) : list;
  };
  return [
    http.get(`${API}/posts`, () => {
      calls += 1;
    }),
    ...postRoutes(board),
  ];
}
