import { html, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ApiClient, PasswordPolicy } from '@hausportal/api';
import { call } from './api-call.js';
import { formValues, renderField, renderSubmit } from './fields.js';
import { passwordAcceptable, renderPasswordChecklist } from './password-checklist.js';
import { describeProblem, type FormProblem } from './problems.js';

interface Host extends HTMLElement {
  api?: ApiClient;
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
}

/** The "change password" part of `<hp-profile>`: open/closed, typing, submitting, errors. */
export class PasswordChange implements ReactiveController {
  open = false;
  busy = false;
  problem: FormProblem | null = null;
  password = '';

  constructor(private readonly host: Host, private readonly onDone: () => void) {
    host.addController(this);
  }

  hostConnected(): void {}

  toggle(open: boolean): void {
    this.open = open;
    this.problem = null;
    this.password = '';
    this.host.requestUpdate();
  }

  async submit(form: HTMLFormElement, policy: PasswordPolicy | undefined, username: string | undefined): Promise<void> {
    if (this.busy || !this.host.api) return;
    const values = formValues(form);
    const fields: Record<string, string> = {};
    if (!values['currentPassword']) fields['currentPassword'] = msg('Please fill in this field.', { id: 'login.field.required' });
    if (!passwordAcceptable(policy, values['newPassword'] ?? '', username)) {
      fields['newPassword'] = msg('The new password does not meet all rules yet.', { id: 'login.field.rulesOpen' });
    }
    this.problem = Object.keys(fields).length ? { message: msg('Please check the marked fields.', { id: 'login.error.fields' }), fields } : null;
    if (!this.problem) {
      this.busy = true;
      this.host.requestUpdate();
      try {
        await call(this.host.api.POST('/auth/password', { body: { currentPassword: values['currentPassword']!, newPassword: values['newPassword']! } }));
        this.toggle(false);
        this.onDone();
      } catch (error) {
        this.problem = describeProblem(error, 'password');
      } finally {
        this.busy = false;
      }
    }
    this.host.requestUpdate();
  }

  /** The light-DOM form (password managers need to see it). */
  render(ids: string, policy: PasswordPolicy | undefined, username: string | undefined): TemplateResult {
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      void this.submit(event.currentTarget as HTMLFormElement, policy, username);
    };
    const onInput = (event: InputEvent) => {
      this.password = (event.target as HTMLInputElement).value;
      this.host.requestUpdate();
    };
    const rules = `${ids}-newPassword-rules`;
    return html`<form class="form" name="hp-change-password" novalidate aria-busy=${this.busy ? 'true' : 'false'}
        aria-label=${msg('Change password', { id: 'profile.password.title' })} @submit=${onSubmit}>
      ${this.problem ? html`<p class="error-text" role="alert">${this.problem.message}</p>` : ''}
      ${username ? html`<input type="text" name="hp-username" autocomplete="username" .value=${username} hidden readonly />` : ''}
      ${renderField({
        id: `${ids}-currentPassword`,
        name: 'currentPassword',
        type: 'password',
        autocomplete: 'current-password',
        label: msg('Current password', { id: 'login.currentPassword' }),
        error: this.problem?.fields['currentPassword'],
      })}
      ${renderField({
        id: `${ids}-newPassword`,
        name: 'newPassword',
        type: 'password',
        autocomplete: 'new-password',
        label: msg('New password', { id: 'login.newPassword' }),
        error: this.problem?.fields['newPassword'],
        describedBy: [rules],
        onInput,
      })}
      ${renderPasswordChecklist(rules, policy, this.password, username)}
      <div class="actions">
        ${renderSubmit(msg('Change password', { id: 'login.changeSubmit' }), msg('Saving …', { id: 'login.saving' }), this.busy)}
        <button type="button" class="secondary" @click=${() => this.toggle(false)}>${msg('Cancel', { id: 'profile.cancel' })}</button>
      </div>
    </form>`;
  }
}
