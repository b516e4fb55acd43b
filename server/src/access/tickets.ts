import type { StatusShown, StatusVisibilityRole, TicketStatus, TicketStatusVisibility } from '@hausportal/api';
import type { ContractRole } from './periods.ts';

// What a resident may see of a ticket's status (DESIGN §6a; the organization's per-role setting). Every resident
// answer, list filter and mail about a ticket's status goes through this module, so that the real status of a
// hidden or mapped state never reaches a resident by any path.
//
// Who sees a ticket at all: its participants (the reporter and the persons who joined it as affected), in the
// ticket's organization. A ticket stays readable for its participants after their contract ends (it is their own
// correspondence); new tickets, comments and joining need a contract valid today (contracts.ts, the same rule as
// everywhere: a contract that has not begun gives nothing).

export const ticketStatuses: readonly TicketStatus[] = ['new', 'in_progress', 'waiting', 'done', 'closed', 'rejected'];

/** Statuses in which a ticket counts as open for the resident (tab "Offen"). */
export const openStatuses: ReadonlySet<TicketStatus> = new Set(['new', 'in_progress', 'waiting']);

const showAll: StatusVisibilityRole = { new: 'show', in_progress: 'show', waiting: 'show', done: 'show', closed: 'show', rejected: 'show' };

/**
 * The organization's setting with every status filled in: the stored JSON (`organizations.ticket_status_visibility`)
 * may be `{}` or name only some statuses; missing ones are `show`.
 */
export function statusVisibility(stored: string | Partial<TicketStatusVisibility> | null | undefined): TicketStatusVisibility {
  const value = typeof stored === 'string' ? (JSON.parse(stored || '{}') as Partial<TicketStatusVisibility>) : (stored ?? {});
  return { tenant: { ...showAll, ...value.tenant }, owner: { ...showAll, ...value.owner } };
}

/** A status as `role` sees it right now: the status itself, the one shown instead, or null when hidden. */
export function shownAs(visibility: TicketStatusVisibility, role: ContractRole, status: TicketStatus): TicketStatus | null {
  const rule: StatusShown = visibility[role][status];
  if (rule === 'hide') return null;
  return rule === 'show' ? status : rule;
}

/** One status change of the ticket's history (`ticket_events` kind `status`), oldest first. */
export interface StatusStep {
  id: string;
  to: TicketStatus;
  at: string;
}

/** A step of the history as the role sees it: only steps that change the visible status are kept. */
export interface VisibleStep extends StatusStep {
  shown: TicketStatus;
}

/**
 * The history as `role` sees it: each step mapped with {@link shownAs}; hidden steps and steps that leave the visible
 * status unchanged (e.g. in_progress → waiting shown as in_progress) are dropped. The last entry is the status the
 * role sees now: a ticket whose current status is hidden keeps its last visible status. `new` cannot be hidden
 * (PUT /admin/settings/ticket-status-visibility refuses it), so a ticket always has a visible status; should the
 * history be empty, `new` is assumed.
 */
export function visibleHistory(visibility: TicketStatusVisibility, role: ContractRole, steps: readonly StatusStep[]): VisibleStep[] {
  const kept: VisibleStep[] = [];
  for (const step of steps) {
    const shown = shownAs(visibility, role, step.to);
    if (shown === null || shown === kept.at(-1)?.shown) continue;
    kept.push({ ...step, shown });
  }
  return kept;
}

/** The status `role` sees now, given the ticket's history (oldest first). */
export function visibleStatus(visibility: TicketStatusVisibility, role: ContractRole, steps: readonly StatusStep[]): TicketStatus {
  return visibleHistory(visibility, role, steps).at(-1)?.shown ?? 'new';
}

/**
 * The problem with a setting beyond its schema, or null: `new` may not be hidden (a ticket must always show some
 * status), and a status may only be shown as a status that is itself shown as it is (`waiting` as `in_progress` needs
 * `in_progress: show`), so that no role ever sees a status its own setting hides or maps away.
 */
export function visibilityProblem(visibility: TicketStatusVisibility): { field: string; message: string } | null {
  for (const role of ['tenant', 'owner'] as const) {
    if (visibility[role].new === 'hide') return { field: `/${role}/new`, message: 'new cannot be hidden' };
    for (const status of ticketStatuses) {
      const rule = visibility[role][status];
      if (rule !== 'show' && rule !== 'hide' && rule !== status && visibility[role][rule] !== 'show')
        return { field: `/${role}/${status}`, message: `${status} can only be shown as a status that is shown as it is (${rule} is not)` };
    }
  }
  return null;
}
