import type { ChargeLine, ChatAction, ChatItem, LedgerEntry, OpenItem } from '@hausportal/api';
import type { Auth } from '../../auth/middleware.ts';
import type { Ctx } from '../../context.ts';
import type { ContractRow } from '../../access/contracts.ts';
import { periodOf, yearOf } from '../../calendar.ts';
import { unitSummaries } from '../../units/summaries.ts';
import { openItems } from '../../statement/open-items.ts';
import { chargeStatement, ledgerOf } from '../../statement/account.ts';
import type { ReplyParts } from '../types.ts';
import { dataReply, date, month, money, navigate, say, unitLabel, wordingOf, type Speaker } from './format.ts';

// The money answers of one unit, each from the function behind its REST endpoint and with the contract the
// endpoints would use: the balance as GET /units reports it (units/summaries.ts), the charges as GET /charges
// (statement/account.ts chargeStatement), the account as GET /ledger (ledgerOf, clipped to the contract period) and
// the open items as GET /open-items (statement/open-items.ts). Amounts are integer cents; a positive balance is owed.

/** What a money answer needs: who asks, how to speak, and the contract valid today on the unit (units.ts pickUnit). */
export interface UnitQuestion {
  ctx: Ctx;
  auth: Auth;
  s: Speaker;
  contract: ContractRow;
}

const statementAction = (q: UnitQuestion, view: 'charges' | 'ledger' | 'open-items', label: string): ChatAction =>
  navigate(label, 'statement', { view, unit: q.contract.unit_id });

const openItemsAction = (q: UnitQuestion): ChatAction =>
  statementAction(q, 'open-items', say(q.s, { de: 'Offene Posten und Zahlschein (GiroCode)', en: 'Open items and payment slip (GiroCode)' }));

const ledgerAction = (q: UnitQuestion): ChatAction => statementAction(q, 'ledger', say(q.s, { de: 'Kontoauszug öffnen', en: 'Open the account statement' }));

/** data.balance: owed ("Rückstand") or credit ("Guthaben") on the unit today, the figure GET /units reports. */
export async function balanceAnswer(q: UnitQuestion): Promise<ReplyParts> {
  const { s, contract } = q;
  const [summary] = await unitSummaries(q.ctx.read, [contract], s.today);
  const cents = summary!.balanceCents;
  const unit = unitLabel(s, contract);
  const state =
    cents > 0
      ? { de: `Sie haben einen Rückstand von ${money(s, cents)}.`, en: `You owe ${money(s, cents)}.` }
      : cents < 0
        ? { de: `Sie haben ein Guthaben von ${money(s, -cents)}.`, en: `You have a credit of ${money(s, -cents)}.` }
        : { de: 'Ihr Konto ist ausgeglichen.', en: 'Your account is settled.' };
  const detail =
    cents > 0 ? say(s, { de: `Rückstand ${money(s, cents)}`, en: `Owed ${money(s, cents)}` })
      : cents < 0 ? say(s, { de: `Guthaben ${money(s, -cents)}`, en: `Credit ${money(s, -cents)}` })
        : say(s, { de: 'ausgeglichen', en: 'settled' });
  return dataReply(s, [`${wordingOf(s, contract.role).account} ${unit}: ${say(s, state)}`], {
    items: [{ label: unit, detail }],
    actions: [cents > 0 ? openItemsAction(q) : ledgerAction(q)],
  });
}

/** The month after `period` (YYYY-MM). */
const nextPeriod = (period: string): string => {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7));
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The day of the month of `like` (YYYY-MM-DD) in `period`, at most the period's last day. */
const sameDayIn = (period: string, like: string): string => {
  const last = new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).getUTCDate();
  return `${period}-${String(Math.min(Number(like.slice(8, 10)), last)).padStart(2, '0')}`;
};

/** The Vorschreibung entries of the contract's account this year (and last year's, when this one has none yet). */
async function chargeEntries(q: UnitQuestion): Promise<LedgerEntry[]> {
  const year = yearOf(q.s.today);
  const charges = (y: number) => ledgerOf(q.ctx.read, q.contract, y).then((l) => l.entries.filter((e) => e.kind === 'charge' && e.dueOn !== null));
  const entries = await charges(year);
  return entries.length > 0 || yearOf(q.contract.valid_from) >= year ? entries : charges(year - 1);
}

/** The next charge: its month, due day (null when none is known) and lines. */
interface NextCharge {
  period: string;
  due: string | null;
  lines: ChargeLine[];
  /** Set when the period's charges are not entered yet: the month whose lines stand in for them. */
  assumedFrom?: string;
}

/**
 * This month's charge while it is not yet due (its due day as booked, or, not booked yet, the day of the month the
 * last charge was due on); else next month's, due on that day of the next month, with next month's lines when the
 * manager has entered them, else this month's (the Vorschreibung stays until it is changed), said as such.
 */
async function nextCharge(q: UnitQuestion): Promise<NextCharge> {
  const thisMonth = periodOf(q.s.today);
  const following = nextPeriod(thisMonth);
  const [statement, entries] = await Promise.all([chargeStatement(q.ctx.read, [q.contract], thisMonth, following), chargeEntries(q)]);
  const periods = statement.units[0]?.periods ?? [];
  const linesOf = (period: string) => periods.find((p) => p.period === period)?.lines;
  const booked = entries.find((e) => e.bookedOn.startsWith(thisMonth));
  const lastDue = entries.at(-1)?.dueOn ?? null;
  // This month's due day: as booked, or (not booked yet) the day of the month the last charge was due on.
  const dueThisMonth = booked ? booked.dueOn! : lastDue === null ? null : sameDayIn(thisMonth, lastDue);
  if (dueThisMonth !== null && dueThisMonth >= q.s.today && linesOf(thisMonth)) return { period: thisMonth, due: dueThisMonth, lines: linesOf(thisMonth)! };
  const entered = linesOf(following);
  return { period: following, due: lastDue === null ? null : sameDayIn(following, lastDue), lines: entered ?? linesOf(thisMonth) ?? [], ...(entered ? {} : { assumedFrom: thisMonth }) };
}

/** data.next_charge: the next Vorschreibung (Hausgeld for owners, with the Rücklage share), due day and gross. */
export async function nextChargeAnswer(q: UnitQuestion): Promise<ReplyParts> {
  const { s, contract } = q;
  const unit = unitLabel(s, contract);
  const action = statementAction(q, 'charges', say(s, { de: 'Monatliche Vorschreibung öffnen', en: 'Open the monthly charges' }));
  const next = await nextCharge(q);
  if (contract.valid_to !== null && contract.valid_to < `${next.period}-01`) {
    const text = { de: `Ihr Vertrag für ${unit} endet am ${date(s, contract.valid_to)}; es ist keine weitere Vorschreibung vorgesehen.`, en: `Your contract for ${unit} ends on ${date(s, contract.valid_to)}; no further charges are planned.` };
    return dataReply(s, [say(s, text)], { actions: [action] });
  }
  if (next.lines.length === 0) {
    return dataReply(s, [say(s, { de: `Für ${unit} liegt keine Vorschreibung vor.`, en: `There are no charges for ${unit}.` })], { actions: [action] });
  }
  const gross = next.lines.reduce((sum, l) => sum + l.grossCents, 0);
  const reserve = next.lines.filter((l) => l.item === 'reserve').reduce((sum, l) => sum + l.grossCents, 0);
  const when = next.due === null ? '' : say(s, { de: `, fällig am ${date(s, next.due)}`, en: `, due on ${date(s, next.due)}` });
  const lines = [`${wordingOf(s, contract.role).nextCharge} (${month(next.period)}) ${say(s, { de: 'für', en: 'for' })} ${unit}: ${money(s, gross)}${when}.`];
  if (next.assumedFrom)
    lines.push(say(s, {
      de: `Sie ist noch nicht erstellt; der Betrag ist der von ${month(next.assumedFrom)} und gilt, solange sich nichts ändert.`,
      en: `They have not been issued yet; the amount is that of ${month(next.assumedFrom)} and stays until it is changed.`,
    }));
  if (contract.role === 'owner' && reserve > 0) lines.push(say(s, { de: `Davon Rücklage ${money(s, reserve)}.`, en: `Of which reserve fund (Rücklage) ${money(s, reserve)}.` }));
  return dataReply(s, lines, { items: next.lines.map((l) => ({ label: l.label, detail: money(s, l.grossCents) })), actions: [action] });
}

const openRow = (s: Speaker, i: OpenItem): ChatItem => {
  const parts = [say(s, { de: `offen ${money(s, i.openCents)}`, en: `open ${money(s, i.openCents)}` })];
  if (i.dueOn) parts.push(say(s, { de: `fällig ${date(s, i.dueOn)}`, en: `due ${date(s, i.dueOn)}` }));
  if (i.dunningLevel > 0) parts.push(say(s, { de: `Mahnstufe ${i.dunningLevel}`, en: `dunning level ${i.dunningLevel}` }));
  return { label: i.text, detail: parts.join(' · ') };
};

/** data.open_items: how many are open, the total, the oldest due day and the highest dunning level (Mahnstufe). */
export async function openItemsAnswer(q: UnitQuestion): Promise<ReplyParts> {
  const { s, contract } = q;
  const unit = unitLabel(s, contract);
  const result = await openItems(q.ctx.read, q.auth, [contract], s.today);
  const debts = result.items.filter((i) => i.openCents > 0);
  if (debts.length === 0) {
    return dataReply(s, [say(s, { de: `${unit}: Es gibt keine offenen Posten.`, en: `${unit}: there are no open items.` })], { actions: [ledgerAction(q)] });
  }
  const n = debts.length;
  const oldest = debts[0]!.dueOn ?? debts[0]!.bookedOn;
  const dunning = Math.max(...debts.map((i) => i.dunningLevel));
  const total = money(s, result.totalOpenCents);
  const lines = [
    say(s, {
      de: `${unit}: ${n} ${n === 1 ? 'offener Posten' : 'offene Posten'}, zusammen ${total}.`,
      en: `${unit}: ${n} open ${n === 1 ? 'item' : 'items'}, ${total} in total.`,
    }),
    oldest <= s.today
      ? say(s, { de: `Der älteste ist seit ${date(s, oldest)} fällig.`, en: `The oldest has been due since ${date(s, oldest)}.` })
      : say(s, { de: `Der älteste wird am ${date(s, oldest)} fällig.`, en: `The oldest falls due on ${date(s, oldest)}.` }),
  ];
  if (dunning > 0) lines.push(say(s, { de: `Mahnstufe ${dunning}.`, en: `Dunning level ${dunning}.` }));
  return dataReply(s, lines, { items: debts.slice(0, 5).map((i) => openRow(s, i)), actions: [openItemsAction(q)] });
}

/** data.last_payment: the last payment booked on the account by today, this year or last year (GET /ledger). */
export async function lastPaymentAnswer(q: UnitQuestion): Promise<ReplyParts> {
  const { s, contract } = q;
  const unit = unitLabel(s, contract);
  const year = yearOf(s.today);
  for (const y of [year, year - 1]) {
    if (y < yearOf(contract.valid_from)) break;
    const payment = (await ledgerOf(q.ctx.read, contract, y)).entries.findLast((e) => e.kind === 'payment' && e.bookedOn <= s.today);
    if (!payment) continue;
    const paid = money(s, -payment.amountCents);
    const text = { de: `Ihre letzte Zahlung für ${unit}: ${paid} am ${date(s, payment.bookedOn)} („${payment.text}“).`, en: `Your last payment for ${unit}: ${paid} on ${date(s, payment.bookedOn)} ("${payment.text}").` };
    return dataReply(s, [say(s, text)], { items: [{ label: payment.text, detail: `${date(s, payment.bookedOn)} · ${paid}` }], actions: [ledgerAction(q)] });
  }
  const none = { de: `Für ${unit} ist in diesem und im letzten Jahr keine Zahlung gebucht.`, en: `No payment has been booked for ${unit} this year or last year.` };
  return dataReply(s, [say(s, none)], { actions: [ledgerAction(q)] });
}
