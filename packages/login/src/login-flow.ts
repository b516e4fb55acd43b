import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { ApiClient, Me } from '@hausportal/api';
import type { Session } from '@hausportal/core';
import { HpLoginEvent, HpLogoutEvent } from './events.js';
import { formValues } from './fields.js';
import { describeProblem, type FormProblem, type ProblemContext } from './problems.js';

/** The module of the rarer steps (forgot/reset, activation, terms, own password), loaded on first use. */
export type StepsModule = typeof import('./login-steps.js');

/** Steps of a visitor who is not logged in. */
export type AnonymousStep = 'login' | 'forgot' | 'reset' | 'activate';
/** Everything `<hp-login>` can show. */
export type LoginStep = AnonymousStep | 'loading' | 'unavailable' | 'terms' | 'change-password' | 'done';
/** Steps whose views and actions come with login-steps.ts, loaded when a person first goes there. */
export type RareStep = Exclude<LoginStep, 'login' | 'loading' | 'unavailable' | 'done'>;

/** True for a step of {@link RareStep}. */
export const isRareStep = (step: LoginStep): step is RareStep => !['login', 'loading', 'unavailable', 'done'].includes(step);

export interface LoginHost extends ReactiveControllerHost, HTMLElement {
  api?: ApiClient;
  session?: Session;
}

/** The rarer steps' module of the page: loaded once, shared by every `<hp-login>`. */
const rareSteps: { module?: StepsModule; loading?: Promise<void> } = {};

const required = () => msg('Please fill in this field.', { id: 'login.field.required' });

/** State and actions of `<hp-login>`: which step, what is being typed, submitting, errors, notices. */
export class LoginFlow implements ReactiveController {
  anonymousStep: AnonymousStep = 'login';
  busy = false;
  problem: FormProblem | null = null;
  notice = '';
  /** The new password as typed, for the checklist. */
  password = '';
  /** Email known from an earlier step (reset request, activation), prefilled and used as user name. */
  email = '';
  /** Waiting for the rarer steps; loading them failed (tried again when the person moves to another step). */
  private stepsWaiting = false;
  private stepsFailed = false;

  constructor(private readonly host: LoginHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  get step(): LoginStep {
    const session = this.host.session;
    if (!session) return this.host.api ? 'loading' : 'unavailable';
    if (session.state === 'unknown' || session.state === 'restoring') return 'loading';
    const user = session.user;
    if (session.state === 'authenticated' && user) {
      if (user.pendingActions.includes('accept-terms')) return 'terms';
      if (user.pendingActions.includes('change-password')) return 'change-password';
      return 'done';
    }
    return this.host.api ? this.anonymousStep : 'unavailable';
  }

  /** Shows another step of the logged-out flow. */
  go(step: AnonymousStep, notice = ''): void {
    this.stepsFailed = false;
    this.anonymousStep = step;
    this.problem = null;
    this.notice = notice;
    this.password = '';
    this.host.requestUpdate();
  }

  typed(password: string): void {
    this.password = password;
    this.host.requestUpdate();
  }

  /** The rarer steps' views and actions, once loaded on the page ({@link LoginFlow.loadSteps}). */
  get steps(): StepsModule | undefined {
    return rareSteps.module;
  }

  /**
   * Loads the module of the rarer steps (import(), once per page); the host renders again when it is there. A
   * failure (offline) shows the network problem (signed out: on the sign-in form) and is not retried until the person
   * moves to another step.
   */
  loadSteps(): void {
    if (rareSteps.module || this.stepsWaiting || this.stepsFailed) return;
    this.stepsWaiting = true;
    rareSteps.loading ??= import('./login-steps.js').then((module) => {
      rareSteps.module = module;
    });
    rareSteps.loading.then(
      () => {
        this.stepsWaiting = false;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        rareSteps.loading = undefined;
        this.stepsWaiting = false;
        this.stepsFailed = true;
        // Signed out: back to the sign-in form, where the link tries again; signed in, the problem is shown.
        this.anonymousStep = 'login';
        this.fail(describeProblem(error, 'login'));
      },
    );
  }

  /** The API client of the host; throws when there is none. */
  get api(): ApiClient {
    if (!this.host.api) throw new Error('No API client');
    return this.host.api;
  }

  /** The signed-in user, if any. */
  get user(): Me | undefined {
    return this.host.session?.user ?? undefined;
  }

  /** The organization's password policy (the default policy applies when it is not known). */
  get policy() {
    return this.host.session?.organization?.passwordPolicy;
  }

  /** Shows `problem` (a check before sending failed). */
  fail(problem: FormProblem): void {
    this.problem = problem;
    this.host.requestUpdate();
  }

  /** Runs a submit: one at a time, marks the form busy, turns failures into a {@link FormProblem}. */
  async run(context: ProblemContext, action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.problem = null;
    this.notice = '';
    this.host.requestUpdate();
    try {
      await action();
    } catch (error) {
      this.problem = describeProblem(error, context);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /**
   * Empty required fields among `names`, and `more` messages per field (e.g. a new password that breaks a rule; an
   * empty field's own message wins), checked before anything is sent; true (and the problem shown) when there are any.
   */
  invalid(values: Record<string, string>, names: string[], more: Record<string, string> = {}): boolean {
    const fields: Record<string, string> = { ...more };
    for (const name of names) if (!values[name]?.trim()) fields[name] = required();
    if (Object.keys(fields).length === 0) return false;
    this.fail({ message: msg('Please check the marked fields.', { id: 'login.error.fields' }), fields });
    return true;
  }

  /** Signs in (POST /auth/login through the client) and fires `hp-login` when nothing is left to do. */
  async signIn(username: string, password: string): Promise<void> {
    const result = await this.api.login(username, password);
    this.anonymousStep = 'login';
    this.finished(result.user);
  }

  /** Takes a fresh user (after the terms or the password step) and fires `hp-login` when nothing is left to do. */
  updated(user: Me): void {
    this.api.setUser(user);
    this.finished(user);
  }

  /** Fires `hp-login` when the user has nothing left to do. */
  private finished(user: Me): void {
    if (user.pendingActions.length === 0) this.host.dispatchEvent(new HpLoginEvent(user));
  }

  /** The sign-in form's submit. */
  async login(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    if (this.invalid(values, ['username', 'password'])) return;
    await this.run('login', () => this.signIn(values['username']!.trim(), values['password']!));
  }

  async logout(): Promise<void> {
    await this.run('login', async () => {
      await this.api.logout();
      this.go('login');
      this.host.dispatchEvent(new HpLogoutEvent());
    });
  }
}
