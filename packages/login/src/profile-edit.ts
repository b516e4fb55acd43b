import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ApiClient, Me, MePatch } from '@hausportal/api';
import { call } from './api-call.js';
import { formValues } from './fields.js';
import { describeProblem, type FormProblem } from './problems.js';

interface Host extends HTMLElement {
  api?: ApiClient;
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
}

/** Only what changed; `null` clears phone and birth date. */
export function profilePatch(me: Me, values: Record<string, string>, notify: boolean): MePatch {
  const patch: MePatch = {};
  const email = values['email']?.trim() ?? '';
  const phone = values['phone']?.trim() || null;
  const birthDate = values['birthDate'] || null;
  if (email !== me.email) patch.email = email;
  if (phone !== (me.phone || null)) patch.phone = phone;
  if (birthDate !== (me.birthDate || null)) patch.birthDate = birthDate;
  if (notify !== me.notifyEmail) patch.notifyEmail = notify;
  return patch;
}

/** Editing the own contact data of `<hp-profile>` (PATCH /me). */
export class ProfileEdit implements ReactiveController {
  editing = false;
  busy = false;
  problem: FormProblem | null = null;

  constructor(private readonly host: Host, private readonly onSaved: (me: Me | null) => void) {
    host.addController(this);
  }

  hostConnected(): void {}

  toggle(editing: boolean): void {
    this.editing = editing;
    this.problem = null;
    this.host.requestUpdate();
  }

  async submit(form: HTMLFormElement, me: Me): Promise<void> {
    if (this.busy || !this.host.api) return;
    const values = formValues(form);
    const notify = (form.elements.namedItem('notifyEmail') as HTMLInputElement).checked;
    if (!values['email']?.trim()) {
      const required = msg('Please fill in this field.', { id: 'login.field.required' });
      this.problem = { message: msg('Please check the marked fields.', { id: 'login.error.fields' }), fields: { email: required } };
      this.host.requestUpdate();
      return;
    }
    const patch = profilePatch(me, values, notify);
    if (Object.keys(patch).length === 0) {
      this.toggle(false);
      this.onSaved(null);
      return;
    }
    this.busy = true;
    this.problem = null;
    this.host.requestUpdate();
    try {
      const updated = await call(this.host.api.PATCH('/me', { body: patch }));
      this.editing = false;
      this.onSaved(updated ?? { ...me, ...patch });
    } catch (error) {
      this.problem = describeProblem(error, 'profile');
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private field(me: Me, name: 'email' | 'phone' | 'birthDate', label: string, type: string, autocomplete: string): TemplateResult {
    const error = this.problem?.fields[name];
    const value = name === 'email' ? me.email : (me[name] ?? '');
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} type=${type} autocomplete=${autocomplete} part="input" .value=${value}
        ?required=${name === 'email'} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${name}-error` : nothing} />
      ${error ? html`<p class="error-text" id="${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  /** The edit form (shadow DOM: no password field here). */
  render(me: Me): TemplateResult {
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      void this.submit(event.currentTarget as HTMLFormElement, me);
    };
    return html`<form part="form" class="edit" novalidate aria-busy=${this.busy ? 'true' : 'false'}
        aria-label=${msg('Edit contact details', { id: 'profile.editTitle' })} @submit=${onSubmit}>
      ${this.problem ? html`<div part="error" class="error" role="alert">${this.problem.message}</div>` : nothing}
      ${this.field(me, 'email', msg('Email', { id: 'profile.email' }), 'email', 'email')}
      ${this.field(me, 'phone', msg('Phone', { id: 'profile.phone' }), 'tel', 'tel')}
      ${this.field(me, 'birthDate', msg('Date of birth', { id: 'profile.birthDate' }), 'date', 'bday')}
      <label class="check">
        <input type="checkbox" name="notifyEmail" part="input" .checked=${me.notifyEmail} />
        <span>${msg('Notify me by email about new documents and messages', { id: 'profile.notifyLabel' })}</span>
      </label>
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? msg('Saving …', { id: 'login.saving' }) : msg('Save', { id: 'profile.save' })}
        </button>
        <button type="button" class="secondary" @click=${() => this.toggle(false)}>${msg('Cancel', { id: 'profile.cancel' })}</button>
      </div>
    </form>`;
  }
}
