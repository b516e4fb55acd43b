import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task } from '@lit/task';
import type { Me } from '@hausportal/api';
import { HpElement, formStyles, hostStyles, registerTranslations, renderEmpty, renderError, renderLoading, stateStyles } from '@hausportal/core';
import { templates } from './locales/de.js';
import { templates as stepTemplates } from './locales/de-steps.js';
import { templates as profileTemplates } from './locales/de-profile.js';
import { call } from './api-call.js';
import { profileStyles } from './hp-profile.styles.js';
import { LightFormController } from './light-form.js';
import { PasswordChange } from './profile-password.js';
import { ProfileEdit } from './profile-edit.js';
import { renderDetails, renderTermsDisclosure } from './profile-view.js';

registerTranslations('de', { ...templates, ...stepTemplates, ...profileTemplates });

let instances = 0;

/** What the `notice` part reports after a save. */
type Notice = 'saved' | 'unchanged' | 'passwordChanged';

function noticeText(notice: Notice): string {
  if (notice === 'saved') return msg('Your changes are saved.', { id: 'profile.saved' });
  if (notice === 'unchanged') return msg('Nothing was changed.', { id: 'profile.unchanged' });
  return msg('Your password has been changed.', { id: 'profile.passwordChanged' });
}

/**
 * The widget's own texts follow the page's language (`<hp-session lang>`); the email language only decides what the
 * server writes. The password form is rendered into the element's LIGHT DOM (a `<div slot="form">` child) so
 * password managers can fill and save it; it is styled by a stylesheet scoped with `@scope (hp-profile)`.
 *
 * @summary The signed-in user's own data: name, address (read-only), email, phone, date of birth, email
 * notifications and their language; edit and save them (a new email address or login name with the current
 * password), read the terms of use, change the password.
 *
 * @slot form - Filled by the element itself with the light-DOM password form; do not use.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart list - The read-only list of details.
 * @csspart form - The edit form.
 * @csspart input - The inputs of the edit form.
 * @csspart submit - The save button.
 * @csspart edit - The "Edit" button.
 * @csspart notice - Success notes (saved, password changed).
 * @csspart error - Error messages (saving, or loading with its retry button).
 * @csspart retry - The retry button after loading failed.
 * @csspart terms - The disclosure with the terms of use.
 * @csspart password - The password section.
 * @csspart loading - The loading state.
 * @csspart empty - The signed-out note.
 *
 * @cssprop --hp-profile-max-width - Maximum width of the card (default 40rem).
 * @cssprop --hp-color-primary - Buttons, links, the focus ring.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-success - Success notes and fulfilled password rules.
 * @cssprop --hp-color-text-muted - Hints below the fields and the terms version.
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 * @cssprop --hp-shadow - Shadow of the card (default a soft 1–3 px shadow).
 * @cssprop --hp-color-danger - Errors and invalid fields.
 */
export class HpProfile extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, profileStyles];

  /** The note shown above the details, as a key: its text is rendered in the current language on every render. */
  @state() private notice: Notice | null = null;
  private saved: Me | null = null;
  private readonly ids = `hp-profile-${++instances}`;
  private focusAfter?: string;

  /** The edit form of the contact details: open, its inputs, saving. */
  readonly edit = new ProfileEdit(this, (me) => this.afterSave(me));
  /** The password change: open, its light-DOM form, saving. */
  readonly password = new PasswordChange(this, () => this.say('passwordChanged', 'button.change-password'));

  /** Loads GET /me whenever the client or the logged-in user changes. */
  readonly me = new Task(this, {
    task: async ([api, userId], { signal }) => {
      if (!api || !userId) return null;
      this.saved = null;
      return (await call(api.GET('/me', { signal }))) ?? null;
    },
    args: () => [this.api, this.authenticated ? this.session?.user?.id : undefined] as const,
  });

  private readonly light = new LightFormController(this, () => {
    const me = this.current;
    return this.password.open && me
      ? this.password.render(this.ids, this.session?.organization?.passwordPolicy, me.username)
      : nothing;
  });

  /** The user as last loaded or saved. */
  get current(): Me | null {
    return this.saved ?? this.me.value ?? null;
  }

  private afterSave(me: Me | null): void {
    if (me) {
      this.saved = me;
      this.api?.setUser(me);
    }
    this.say(me ? 'saved' : 'unchanged', 'button.edit');
  }

  private say(notice: Notice, focus: string): void {
    this.notice = notice;
    this.focusAfter = focus;
    this.requestUpdate();
  }

  private open(what: 'edit' | 'password'): void {
    this.notice = null;
    if (what === 'edit') {
      this.edit.toggle(true);
      this.focusAfter = '#email';
    } else {
      this.password.toggle(true);
      this.focusAfter = 'light:input[name=currentPassword]';
    }
  }

  protected override render() {
    const session = this.session;
    if (!session || session.state === 'unknown' || session.state === 'restoring') return html`<div part="base" class="base">${renderLoading()}</div>`;
    if (!this.authenticated) {
      return html`<div part="base" class="base">${renderEmpty(msg('Please sign in to see your profile.', { id: 'profile.loggedOut' }))}</div>`;
    }
    return html`<section part="base" class="base" aria-labelledby="heading">
      <h2 id="heading" part="heading">${msg('My profile', { id: 'profile.title' })}</h2>
      <div part="notice" class="notice" role="status">${this.notice ? noticeText(this.notice) : nothing}</div>
      ${this.me.render({
        pending: () => (this.current ? this.renderProfile(this.current) : renderLoading()),
        error: (error) => renderError(error, () => void this.me.run()),
        complete: () => (this.current ? this.renderProfile(this.current) : renderLoading()),
      })}
    </section>`;
  }

  private renderProfile(me: Me) {
    return html`
      ${this.edit.editing
        ? this.edit.render(me)
        : html`${renderDetails(me, this.locale)}
            <div class="actions">
              <button type="button" class="secondary edit" part="edit" @click=${() => this.open('edit')}>
                ${msg('Edit contact details', { id: 'profile.editTitle' })}
              </button>
            </div>`}
      ${renderTermsDisclosure(this.session?.organization, me, this.locale)}
      <section part="password" class="password" aria-labelledby="password-heading">
        <h3 id="password-heading">${msg('Password', { id: 'login.password' })}</h3>
        ${this.password.open
          ? html`<slot name="form"></slot>`
          : html`<div class="actions">
              <button type="button" class="secondary change-password" @click=${() => this.open('password')}>
                ${msg('Change password', { id: 'profile.password.title' })}
              </button>
            </div>`}
      </section>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this.focusAfter;
    if (!target) return;
    this.focusAfter = undefined;
    const element = target.startsWith('light:')
      ? this.light.container.querySelector<HTMLElement>(target.slice(6))
      : this.renderRoot.querySelector<HTMLElement>(target);
    element?.focus();
  }
}
