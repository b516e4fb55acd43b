import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dayIn, type OrganizationPublic } from '@hausportal/api';
import type { Session } from './context.js';

// The organization's calendar in the browser (DESIGN §6a). "Today" is the organization's day on the server's clock:
// the `now` of its public answer plus the time elapsed on this device since that answer arrived, as a calendar day
// in the organization's time zone (`timeZone`, an IANA name). A device clock that is wrong, or a device in another
// time zone, changes nothing; a page left open over midnight moves on to the next day. Dates are YYYY-MM-DD.

interface Arrival {
  /** performance.now() when the answer arrived (monotonic, stops in some systems' sleep). */
  mono: number;
  /** Date.now() then (goes on during sleep, but moves when someone sets the device clock). */
  wall: number;
}

// Keyed by Symbol.for, so separately bundled copies of core on one page see the same arrivals.
const ARRIVALS = Symbol.for('hausportal.organization-arrivals');
const registry = globalThis as unknown as Record<symbol, WeakMap<object, Arrival> | undefined>;
const arrivals = () => (registry[ARRIVALS] ??= new WeakMap());

/** Notes that the organization's public answer arrived just now (call it where the answer comes in); returns it. */
export function organizationArrived<T extends OrganizationPublic | null | undefined>(organization: T): T {
  if (organization && !arrivals().has(organization)) arrivals().set(organization, { mono: performance.now(), wall: Date.now() });
  return organization;
}

/**
 * The server's clock now, in milliseconds since 1970: its `now` plus the time elapsed here since the answer arrived.
 * The elapsed time is the larger of the monotonic and the wall-clock difference, so neither a sleeping device nor a
 * device clock set back holds the day still; only setting the device clock forward while the page is open would
 * run ahead (until the next load).
 */
export function serverNow(organization: OrganizationPublic): number {
  const arrival = arrivals().get(organization) ?? { mono: performance.now(), wall: Date.now() };
  const elapsed = Math.max(performance.now() - arrival.mono, Date.now() - arrival.wall, 0);
  return Date.parse(organization.now) + elapsed;
}

/**
 * Today (YYYY-MM-DD) in the organization's calendar. Until the organization's public answer has arrived — or when it
 * could not be loaded — this device's day stands in; the session provides the answer as soon as it has it.
 */
export function orgToday(session: Pick<Session, 'organization'> | undefined): string {
  const organization = session?.organization;
  return organization?.now && organization.timeZone ? dayIn(serverNow(organization), organization.timeZone) : dayIn(Date.now());
}

const DAY = 86_400_000;

/** Milliseconds until the organization's next midnight (an estimate off by the hour a DST change adds or takes). */
function untilMidnight(organization: OrganizationPublic | null | undefined): number {
  const now = organization?.now ? serverNow(organization) : Date.now();
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: organization?.timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const [h = 0, m = 0, s = 0] = time.formatToParts(now).filter((p) => p.type !== 'literal').map((p) => Number(p.value));
  return DAY - ((h * 60 + m) * 60 + s) * 1000 - (now % 1000);
}

/**
 * Renders its host again when the organization's day changes — at its midnight, or when the page becomes visible
 * after the device slept — so "today" (default year and month, days overdue) never goes stale on an open page.
 */
export class OrgDayController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private shown = '';
  /** The organization answer the timer was set for: a new answer (e.g. the first) sets it again. */
  private scheduledFor?: OrganizationPublic | null;
  private readonly check = () => {
    if (this.today !== this.shown) this.host.requestUpdate();
    this.schedule();
  };

  constructor(private readonly host: ReactiveControllerHost & { session?: Session }) {
    host.addController(this);
  }

  /** Today (YYYY-MM-DD) in the organization's calendar; see {@link orgToday}. */
  get today(): string {
    return orgToday(this.host.session);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.check);
    this.schedule();
  }

  hostUpdate(): void {
    this.shown = this.today;
    if (this.timer !== undefined && this.host.session?.organization !== this.scheduledFor) this.schedule();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.check);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.scheduledFor = this.host.session?.organization;
    // At most an hour, so an estimate off by a DST change or a sleeping device is put right soon.
    this.timer = setTimeout(this.check, Math.min(untilMidnight(this.host.session?.organization), 3_600_000) + 50);
  }
}
