import type { Request } from 'express';
import type { FeatureName, Overview } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import { today } from '../calendar.ts';
import { activeOn, allMyContracts } from '../access/contracts.ts';
import { featureEnabled } from '../access/features.ts';
import { viewerOf } from '../documents/queries.ts';
import { myBoard } from '../posts/queries.ts';
import { balancesPart, documentsPart, noticeParts, personPart, propertiesPart, ticketsPart, type NoticeParts, type Scope } from './parts.ts';

/** The part when its feature is on for the session's role, else null (without reading anything for it). */
const gated = <T>(on: boolean, part: () => Promise<T>): Promise<T | null> => (on ? part() : Promise.resolve(null));

/**
 * GET /overview for the signed-in session `auth` (openapi.yaml Overview), as of the server's clock:
 * - `person` as GET /me has it;
 * - `properties` (feature `units`) and `balances` (feature `statement`) from my contracts valid today — an ended
 *   contract's unit and a contract that has not begun appear in neither (DESIGN §6a);
 * - `documents` (feature `documents`): the first five of GET /documents, newest first;
 * - `notices` and `nextAppointment` (feature `bulletinBoard`): my notices of today, danger first;
 * - `tickets` (feature `tickets`): my open tickets, the latest change first;
 * - `unread`: counts over all of them (0 for a part that is off).
 * A part whose feature is off for the membership's role is null (access/features.ts `featureEnabled`). A manager's
 * session (no person, no contracts) answers with empty parts, not 403, so that one portal shell serves every role.
 * All parts are read in parallel on the read connection; amounts in cents, days in the organization's time zone.
 * Throws only database errors.
 */
export async function buildOverview(ctx: Ctx, req: Request, auth: Auth): Promise<Overview> {
  const now = ctx.clock();
  const day = today(() => now, auth.org.timeZone);
  const role = auth.member.role;
  const on = (feature: FeatureName) => featureEnabled(auth.org, feature, role);
  const current = (await allMyContracts(ctx, auth, day)).filter((c) => activeOn(c, day));
  const s: Scope = { ctx, req, auth, day, lang: auth.user.locale === 'en' ? 'en' : 'de', personId: viewerOf(auth), current };
  const board = on('bulletinBoard');
  const [person, properties, balances, documents, posts, tickets] = await Promise.all([
    personPart(s),
    gated(on('units'), () => propertiesPart(s)),
    gated(on('statement'), () => balancesPart(s)),
    gated(on('documents'), () => documentsPart(s)),
    gated(board, async (): Promise<NoticeParts> => noticeParts(await myBoard(ctx, auth, { orgId: auth.org.id, personId: s.personId, day }), auth.org.timeZone, now.getTime())),
    gated(on('tickets'), () => ticketsPart(s)),
  ]);
  return {
    asOf: now.toISOString(),
    person,
    properties,
    balances,
    documents: documents?.items ?? null,
    notices: posts?.notices ?? null,
    tickets: tickets?.items ?? null,
    nextAppointment: posts?.next ?? null,
    unread: { documents: documents?.unread ?? 0, notices: posts?.unread ?? 0, tickets: tickets?.unread ?? 0, appointments: posts?.appointments ?? 0 },
  };
}
