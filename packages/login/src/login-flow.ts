import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { ApiClient, Me } from '@hausportal/api';
import type { Session } from '@hausportal/core';
import { call } from './api-call.js';
import { HpLoginEvent, HpLogoutEvent } from './events.js';
import { formValues } from './fields.js';
import { passwordAcceptable } from './password-checklist.js';
import { describeProblem, type FormProblem, type ProblemContext } from './problems.js';

/** Steps of a visitor who is not logged in. */
export type AnonymousStep = 'login' | 'forgot' | 'reset' | 'activate';
/** Everything `<hp-login>` can show. */
export type LoginStep = AnonymousStep | 'loading' | 'unavailable' | 'terms' | 'change-password' | 'done';

export interface LoginHost extends ReactiveControllerHost, HTMLElement {
  api?: ApiClient;
  session?: Session;
}

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

  private get api(): ApiClient {
    if (!this.host.api) throw new Error('No API client');
    return this.host.api;
  }

  /** Runs a submit: one at a time, marks the form busy, turns failures into a {@link FormProblem}. */
  private async run(context: ProblemContext, action: () => Promise<void>): Promise<void> {
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

  /** Empty required fields and an unacceptable new password, checked before anything is sent. */
  private invalid(values: Record<string, string>, names: string[], username?: string): boolean {
    const fields: Record<string, string> = {};
    for (const name of names) if (!values[name]?.trim()) fields[name] = required();
    const policy = this.host.session?.organization?.passwordPolicy;
    if ('newPassword' in values && !fields['newPassword'] && !passwordAcceptable(policy, values['newPassword']!, username)) {
      fields['newPassword'] = msg('The new password does not meet all rules yet.', { id: 'login.field.rulesOpen' });
    }
    if (Object.keys(fields).length === 0) return false;
    this.problem = { message: msg('Please check the marked fields.', { id: 'login.error.fields' }), fields };
    this.host.requestUpdate();
    return true;
  }

  /** Fires `hp-login` when the user has nothing left to do. */
  private finished(user: Me): void {
    if (user.pendingActions.length === 0) this.host.dispatchEvent(new HpLoginEvent(user));
  }

  async login(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    if (this.invalid(values, ['username', 'password'])) return;
    await this.run('login', async () => {
      const result = await this.api.login(values['username']!.trim(), values['password']!);
      this.anonymousStep = 'login';
      this.finished(result.user);
    });
  }

  async requestReset(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    if (this.invalid(values, ['email'])) return;
    const email = values['email']!.trim();
    await this.run('reset-request', async () => {
      await call(this.api.POST('/auth/password-reset', { body: { organization: this.api.organization, email } }));
      this.email = email;
      this.go('reset', msg(str`If ${email} belongs to an account, we have sent a code there. It is valid for 30 minutes.`, { id: 'login.notice.codeSent' }));
    });
  }

  async confirmReset(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    if (this.invalid(values, ['code', 'newPassword'], this.email)) return;
    await this.run('reset-confirm', async () => {
      await call(this.api.POST('/auth/password-reset/confirm', { body: { code: values['code']!.trim(), newPassword: values['newPassword']! } }));
      this.go('login', msg('Your new password is set. Please sign in with it.', { id: 'login.notice.passwordReset' }));
    });
  }

  async activate(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    const email = values['email']?.trim() ?? '';
    if (this.invalid(values, ['email', 'code', 'newPassword'], email)) return;
    await this.run('activate', async () => {
      await call(this.api.POST('/auth/activate', { body: { email, code: values['code']!.trim(), newPassword: values['newPassword']! } }));
      this.email = email;
      try {
        const result = await this.api.login(email, values['newPassword']!);
        this.anonymousStep = 'login';
        this.finished(result.user);
      } catch {
        this.go('login', msg('Your account is activated. Please sign in.', { id: 'login.notice.activated' }));
      }
    });
  }

  async changePassword(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    const user = this.host.session?.user;
    if (this.invalid(values, ['currentPassword', 'newPassword'], user?.username)) return;
    await this.run('password', async () => {
      const body = { currentPassword: values['currentPassword']!, newPassword: values['newPassword']! };
      await call(this.api.POST('/auth/password', { body }));
      this.password = '';
      const fresh = await call(this.api.GET('/me')).catch(() => undefined);
      const next = fresh ?? (user && { ...user, mustChangePassword: false, pendingActions: user.pendingActions.filter((a) => a !== 'change-password') });
      if (next) {
        this.api.setUser(next);
        this.finished(next);
      }
    });
  }

  async acceptTerms(form: HTMLFormElement): Promise<void> {
    const version = this.host.session?.organization?.terms.version;
    if (!(form.elements.namedItem('accept') as HTMLInputElement | null)?.checked) {
      const message = msg('Please confirm that you accept the terms of use.', { id: 'login.field.accept' });
      this.problem = { message, fields: { accept: message } };
      this.host.requestUpdate();
      return;
    }
    await this.run('terms', async () => {
      const me = await call(this.api.POST('/me/terms', { body: { version: version ?? '' } }));
      if (me) {
        this.api.setUser(me);
        this.finished(me);
      }
    });
  }

  async logout(): Promise<void> {
    await this.run('login', async () => {
      await this.api.logout();
      this.go('login');
      this.host.dispatchEvent(new HpLogoutEvent());
    });
  }
}
