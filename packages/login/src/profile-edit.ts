import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ApiClient, Me, MePatch } from '@hausportal/api';
import { call } from './api-call.js';
import { focusFirstInvalid, formValues } from './fields.js';
import { describeProblem, type FormProblem } from './problems.js';
import { localeNames, mailLocales, notifyModeLabel, notifyModes } from './profile-view.js';

interface Host extends HTMLElement {
  api?: ApiClient;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
}

/** The address is stored in lower case, so only more than a change of case is a new one. */
export const emailChanged = (me: Me, typed: string | undefined): boolean => (typed ?? '').trim().toLowerCase() !== me.email.toLowerCase();

/** `value` when it is one of `allowed` and differs from `saved`; otherwise undefined. */
function changedChoice<T extends string>(value: string | undefined, allowed: readonly T[], saved: T): T | undefined {
  return value !== saved && allowed.includes(value as T) ? (value as T) : undefined;
}

/**
 * Only what changed; `null` clears phone and birth date. A new email travels with the current password.
 * `values.notifications` is the chosen radio (immediate | digest | none), `values.locale` the chosen language of
 * the emails (de | en).
 */
export function profilePatch(me: Me, values: Record<string, string>): MePatch {
  const patch: MePatch = {};
  const email = values['email']?.trim() ?? '';
  const phone = values['phone']?.trim() || null;
  const birthDate = values['birthDate'] || null;
  if (emailChanged(me, email)) {
    patch.email = email;
    patch.currentPassword = values['currentPassword'] ?? '';
  }
  if (phone !== (me.phone || null)) patch.phone = phone;
  if (birthDate !== (me.birthDate || null)) patch.birthDate = birthDate;
  const notifications = changedChoice(values['notifications'], notifyModes, me.notifications);
  if (notifications) patch.notifications = notifications;
  const locale = changedChoice(values['locale'], mailLocales, me.locale);
  if (locale) patch.locale = locale;
  return patch;
}

/** Editing the own contact data of `<hp-profile>` (PATCH /me). */
export class ProfileEdit implements ReactiveController {
  editing = false;
  busy = false;
  problem: FormProblem | null = null;
  /** The typed email differs from the saved one: the current password is asked for. */
  newEmail = false;

  constructor(private readonly host: Host, private readonly onSaved: (me: Me | null) => void) {
    host.addController(this);
  }

  hostConnected(): void {}

  toggle(editing: boolean): void {
    this.editing = editing;
    this.problem = null;
    this.newEmail = false;
    this.host.requestUpdate();
  }

  async submit(form: HTMLFormElement, me: Me): Promise<void> {
    if (this.busy || !this.host.api) return;
    const values = formValues(form);
    const fields: Record<string, string> = {};
    const required = msg('Please fill in this field.', { id: 'login.field.required' });
    if (!values['email']?.trim()) fields['email'] = required;
    else if (emailChanged(me, values['email']) && !values['currentPassword']) fields['currentPassword'] = required;
    if (Object.keys(fields).length > 0) {
      this.problem = { message: msg('Please check the marked fields.', { id: 'login.error.fields' }), fields };
      return this.showProblem(form);
    }
    const patch = profilePatch(me, values);
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
      const { currentPassword: _password, ...changes } = patch;
      this.editing = false;
      this.newEmail = false;
      this.onSaved(updated ?? { ...me, ...changes });
    } catch (error) {
      this.problem = describeProblem(error, 'profile');
    } finally {
      this.busy = false;
    }
    if (this.problem) await this.showProblem(form);
    else this.host.requestUpdate();
  }

  /** Marks the fields and moves focus to the first one to fix. */
  private async showProblem(form: HTMLFormElement): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    focusFirstInvalid(form);
  }

  private onEmailInput(me: Me, event: InputEvent): void {
    const changed = emailChanged(me, (event.target as HTMLInputElement).value);
    if (changed === this.newEmail) return;
    this.newEmail = changed;
    this.host.requestUpdate();
  }

  private field(me: Me, name: 'email' | 'phone' | 'birthDate', label: string, type: string, autocomplete: string): TemplateResult {
    const error = this.problem?.fields[name];
    const value = name === 'email' ? me.email : (me[name] ?? '');
    const onInput = name === 'email' ? (event: InputEvent) => this.onEmailInput(me, event) : undefined;
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} type=${type} autocomplete=${autocomplete} part="input" .value=${value} @input=${onInput}
        ?required=${name === 'email'} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${name}-error` : nothing} />
      ${error ? html`<p class="error-text" id="${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  /**
   * Shown while the email differs from the saved one: the new address becomes the login name, so the server wants
   * the current password in the same request. (Shadow DOM: password managers may not fill it; typing works.)
   */
  private passwordField(): TemplateResult {
    const error = this.problem?.fields['currentPassword'];
    const describedBy = error ? 'currentPassword-error currentPassword-hint' : 'currentPassword-hint';
    return html`<div class="field">
      <label for="currentPassword">${msg('Current password', { id: 'login.currentPassword' })}</label>
      <p class="hint" id="currentPassword-hint">
        ${msg('Confirm the new email address with your current password. Your other devices are signed out then.', { id: 'profile.emailPassword.hint' })}
      </p>
      <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" part="input" required
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy} />
      ${error ? html`<p class="error-text" id="currentPassword-error">${error}</p>` : nothing}
    </div>`;
  }

  /** The notification choice: a radio group (arrow keys move within it), the organization's digest hour named. */
  private notificationChoice(me: Me): TemplateResult {
    return html`<fieldset class="choice" aria-describedby="notifications-hint">
      <legend>${msg('Email notifications', { id: 'profile.notify' })}</legend>
      <p class="hint" id="notifications-hint">${msg('About new documents and messages', { id: 'profile.notifyHint' })}</p>
      ${notifyModes.map(
        (mode) => html`<label class="check">
          <input type="radio" name="notifications" value=${mode} part="input" .checked=${me.notifications === mode} />
          <span>${notifyModeLabel(mode, me.digestHour)}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  /**
   * The language of the emails (`users.locale`), each offered in its own name. Only the mails follow it; the widget
   * itself keeps the page's language.
   */
  private localeChoice(me: Me): TemplateResult {
    return html`<div class="field">
      <label for="locale">${msg('Language for emails', { id: 'profile.mailLocale' })}</label>
      <p class="hint" id="locale-hint">${msg('Notifications and other emails from the portal are written in this language.', { id: 'profile.mailLocaleHint' })}</p>
      <select id="locale" name="locale" part="input" aria-describedby="locale-hint">
        ${mailLocales.map((locale) => html`<option value=${locale} lang=${locale} ?selected=${me.locale === locale}>${localeNames[locale]}</option>`)}
      </select>
    </div>`;
  }

  /** The edit form (shadow DOM). */
  render(me: Me): TemplateResult {
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      void this.submit(event.currentTarget as HTMLFormElement, me);
    };
    return html`<form part="form" class="edit" novalidate aria-busy=${this.busy ? 'true' : 'false'}
        aria-label=${msg('Edit contact details', { id: 'profile.editTitle' })} @submit=${onSubmit}>
      ${this.problem ? html`<div part="error" class="error" role="alert">${this.problem.message}</div>` : nothing}
      ${this.field(me, 'email', msg('Email', { id: 'profile.email' }), 'email', 'email')}
      ${this.newEmail ? this.passwordField() : nothing}
      ${this.field(me, 'phone', msg('Phone', { id: 'profile.phone' }), 'tel', 'tel')}
      ${this.field(me, 'birthDate', msg('Date of birth', { id: 'profile.birthDate' }), 'date', 'bday')}
      ${this.notificationChoice(me)}
      ${this.localeChoice(me)}
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? msg('Saving …', { id: 'login.saving' }) : msg('Save', { id: 'profile.save' })}
        </button>
        <button type="button" class="secondary" @click=${() => this.toggle(false)}>${msg('Cancel', { id: 'profile.cancel' })}</button>
      </div>
    </form>`;
  }
}
