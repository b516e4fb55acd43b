import type { ChatChoice } from '@hausportal/api';
import type { Auth } from '../../auth/middleware.ts';
import type { Ctx } from '../../context.ts';
import { activeOn, allMyContracts, type ContractRow } from '../../access/contracts.ts';
import type { ChatEntities, ReplyParts } from '../types.ts';
import { dataReply, navigate, say, unitLabel, type Speaker } from './format.ts';

// Which unit an own-data answer is about. The bot speaks of the units the person holds a contract on today: the
// contracts GET /units lists (access/contracts.ts `allMyContracts`, begun by today) that are valid today. An ended
// contract's months stay readable in the statement widgets, but the bot does not answer from them, and a contract
// that has not begun gives nothing anywhere (DESIGN §6a).
//
// A `unitId` sent back with a choice that is not one of these units — another person's, another organization's, an
// ended one or one that does not exist — is answered alike: "not among your current units", with the choices. The
// REST endpoints answer such ids with 404, indistinguishable from unknown ones; the bot likewise never tells them
// apart, and answers instead of failing, so a stale choice in an open chat (a contract ended since) still leads on.

/** At most this many units are offered as choices (ChatReply.choices maxItems 12). */
export const maxUnitChoices = 12;

/**
 * My contracts valid today (YYYY-MM-DD, the organization's day), one per unit (the first in unit order, as GET /units
 * sorts them); none for a session without a person (a manager).
 */
export async function currentContracts(ctx: Ctx, auth: Auth, today: string): Promise<ContractRow[]> {
  const seen = new Set<string>();
  return (await allMyContracts(ctx, auth, today)).filter((c) => {
    if (!activeOn(c, today) || seen.has(c.unit_id)) return false;
    seen.add(c.unit_id);
    return true;
  });
}

/** "Top 7" and "7", "w2" and "W2" alike. */
const topKey = (top: string): string => top.toLowerCase().replace(/^top\s*/, '').replace(/\s+/g, '');

/** The answer when the person has no unit today (only ended or future contracts, or a manager's session). */
export const noCurrentUnit = (s: Speaker): ReplyParts =>
  dataReply(
    s,
    [say(s, {
      de: 'Zu Ihrem Zugang gibt es heute keine laufende Einheit (keinen gültigen Miet- oder Eigentumsvertrag). Daher kann ich dazu nichts aus Ihren Daten sagen.',
      en: 'Your account has no current unit today (no valid tenancy or ownership). So I cannot answer this from your data.',
    })],
    { actions: [navigate(say(s, { de: 'Meine Einheiten öffnen', en: 'Open my units' }), 'unit-list')] },
  );

/** "Für welche Einheit?" with one choice per unit (value: the intent and the unit), intent `unit_choice`. */
export function unitChoice(s: Speaker, intent: string, contracts: ContractRow[], lead?: string): ReplyParts {
  const choices: ChatChoice[] = contracts.slice(0, maxUnitChoices).map((c) => ({ label: unitLabel(s, c), value: { intent, unitId: c.unit_id } }));
  const more = contracts.length > maxUnitChoices;
  const question = say(s, { de: 'Für welche Einheit?', en: 'Which unit?' });
  const hint = more ? say(s, { de: 'Sie können auch die Top-Nummer nennen.', en: 'You can also name the unit number.' }) : '';
  return {
    intent: 'unit_choice',
    text: [lead, question, hint].filter(Boolean).join('\n'),
    choices,
    actions: more ? [navigate(say(s, { de: 'Alle Einheiten öffnen', en: 'Open all units' }), 'unit-list')] : [],
  };
}

/** Either the contract to answer for, or the reply to give instead (no unit today, which unit?). */
export type UnitPick = { contract: ContractRow } | { reply: ReplyParts };

/**
 * The unit a unit-dependent answer (balance, next charge, open items, last payment) is about, among `contracts`
 * ({@link currentContracts}): the chosen `unitId` if it is one of them (else "not among your units" with the
 * choices), else the one whose Top the message names (a Top not among them: "not among your units" with the
 * choices), else the only one, else the question which.
 */
export function pickUnit(s: Speaker, intent: string, contracts: ContractRow[], unitId: string | undefined, entities: ChatEntities): UnitPick {
  if (contracts.length === 0) return { reply: noCurrentUnit(s) };
  if (unitId !== undefined) {
    const chosen = contracts.find((c) => c.unit_id === unitId);
    if (chosen) return { contract: chosen };
    const lead = say(s, { de: 'Diese Einheit finde ich unter Ihren aktuellen Einheiten nicht.', en: 'I cannot find this unit among your current units.' });
    return { reply: unitChoice(s, intent, contracts, lead) };
  }
  if (entities.top !== undefined) {
    const named = contracts.filter((c) => topKey(c.top) === topKey(entities.top!));
    if (named.length === 1) return { contract: named[0]! };
    if (named.length > 1) return { reply: unitChoice(s, intent, named) };
    const top = entities.top.replace(/^top\s*/i, '');
    const lead = say(s, { de: `Top ${top} finde ich unter Ihren aktuellen Einheiten nicht.`, en: `I cannot find unit ${top} among your current units.` });
    return { reply: unitChoice(s, intent, contracts, lead) };
  }
  if (contracts.length === 1) return { contract: contracts[0]! };
  return { reply: unitChoice(s, intent, contracts) };
}
