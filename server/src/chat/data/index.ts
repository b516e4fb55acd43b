import type { Request } from 'express';
import type { Auth } from '../../auth/middleware.ts';
import type { Ctx } from '../../context.ts';
import { today } from '../../calendar.ts';
import { viewerOf } from '../../documents/queries.ts';
import type { ChatEntities, ChatLang, DataIntent, ReplyParts } from '../types.ts';
import { speakerOf } from './format.ts';
import { balanceAnswer, lastPaymentAnswer, nextChargeAnswer, openItemsAnswer, type UnitQuestion } from './money.ts';
import { contactAnswer, nextAppointmentAnswer } from './building.ts';
import { newDocumentsAnswer } from './documents.ts';
import { ticketsOpenAnswer, ticketStatusAnswer } from './tickets.ts';
import { currentContracts, noCurrentUnit, pickUnit } from './units.ts';

// Own-data answers of the chat bot (issue 13, intents data.*). Every figure comes from the function behind the REST
// endpoint that shows it, with that endpoint's access rule (DESIGN §6a): a person sees a unit's data only through a
// contract and its period, and the bot speaks only of contracts valid today (units.ts). A session without a person
// (a manager's) has no own data.

/** A question the bot answers from the person's own data. */
export interface DataQuestion {
  intent: DataIntent;
  entities: ChatEntities;
  lang: ChatLang;
  /** The unit chosen (ChatChoiceValue.unitId); one not among my current units is answered as unknown (units.ts). */
  unitId?: string;
  /** The person's message, for matching ticket subjects. */
  text: string;
}

const moneyAnswers = {
  'data.balance': balanceAnswer,
  'data.next_charge': nextChargeAnswer,
  'data.open_items': openItemsAnswer,
  'data.last_payment': lastPaymentAnswer,
} as const satisfies Partial<Record<DataIntent, (q: UnitQuestion) => Promise<ReplyParts>>>;

/**
 * The answer to a data.* question for the signed-in session `auth` (ReplyParts: text in `lang`,
 * `asOf` the organization's today, items, a navigate action to the widget that shows it). Unit-dependent intents
 * (balance, next charge, open items, last payment) ask "Für welche Einheit?" (intent `unit_choice`, one choice per
 * unit) when the person has several units today and neither `unitId` nor a Top in the message picks one. No unit
 * today (ended or future contracts only) or a manager's session: a plain answer that there is no current unit.
 * Throws only what the underlying queries throw (database errors).
 */
export async function answerData(ctx: Ctx, req: Request, auth: Auth, q: DataQuestion): Promise<ReplyParts> {
  const day = today(ctx.clock, auth.org.timeZone);
  const s = speakerOf(auth.org, q.lang, day);
  const personId = viewerOf(auth);
  if (personId === null) return noCurrentUnit(s);
  switch (q.intent) {
    case 'data.tickets_open':
      return ticketsOpenAnswer({ ctx, auth, s, personId, text: q.text });
    case 'data.ticket_status':
      return ticketStatusAnswer({ ctx, auth, s, personId, text: q.text, ...(q.entities.ticketNumber ? { ticketNumber: q.entities.ticketNumber } : {}) });
    case 'data.next_appointment':
      return nextAppointmentAnswer({ ctx, req, auth, s });
    case 'data.new_documents':
      return newDocumentsAnswer(ctx, auth, s, personId);
    default:
      break;
  }
  const contracts = await currentContracts(ctx, auth, day);
  if (q.intent === 'data.contact') {
    if (contracts.length === 0) return noCurrentUnit(s);
    const chosen = q.unitId !== undefined || q.entities.top !== undefined ? pickUnit(s, q.intent, contracts, q.unitId, q.entities) : null;
    if (chosen && 'reply' in chosen) return chosen.reply;
    return contactAnswer({ ctx, req, auth, s }, chosen ? contracts.filter((c) => c.property_id === chosen.contract.property_id) : contracts);
  }
  const intent: keyof typeof moneyAnswers = q.intent;
  const pick = pickUnit(s, intent, contracts, q.unitId, q.entities);
  if ('reply' in pick) return pick.reply;
  return moneyAnswers[intent]({ ctx, auth, s, contract: pick.contract });
}
