import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { PasswordPolicy } from '@hausportal/api';
import { renderField, renderSubmit } from './fields.js';
import type { LoginFlow } from './login-flow.js';
import { renderPasswordChecklist } from './password-checklist.js';

/** What the light-DOM forms need from the element. */
export interface LoginFormContext {
  flow: LoginFlow;
  /** Prefix for unique ids (several `<hp-login>` may be on one page). */
  ids: string;
  policy?: PasswordPolicy;
  /** User name of a logged-in user with a forced password change. */
  username?: string;
  /** Accessible name of the form (the step's heading lives in shadow DOM). */
  title: string;
}

type Submit = (form: HTMLFormElement) => Promise<void>;

function form(ctx: LoginFormContext, name: string, submit: Submit, body: TemplateResult): TemplateResult {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void submit.call(ctx.flow, event.currentTarget as HTMLFormElement);
  };
  return html`<form class="form" name=${name} novalidate aria-label=${ctx.title}
    aria-busy=${ctx.flow.busy ? 'true' : 'false'} @submit=${onSubmit}>${body}</form>`;
}

function newPassword(ctx: LoginFormContext, username: string | undefined, label = msg('New password', { id: 'login.newPassword' })) {
  const id = `${ctx.ids}-newPassword`;
  const onInput = (event: InputEvent) => ctx.flow.typed((event.target as HTMLInputElement).value);
  return html`${renderField({
      id,
      name: 'newPassword',
      type: 'password',
      autocomplete: 'new-password',
      label,
      error: ctx.flow.problem?.fields['newPassword'],
      describedBy: [`${id}-rules`],
      onInput,
    })}
    ${renderPasswordChecklist(`${id}-rules`, ctx.policy, ctx.flow.password, username)}`;
}

/** A hidden user-name input, so password managers store the new password for the right account. */
function hiddenUsername(value: string | undefined) {
  return value ? html`<input type="text" name="hp-username" autocomplete="username" .value=${value} hidden readonly />` : nothing;
}

function field(ctx: LoginFormContext, name: string, label: string, autocomplete: string, extra: Partial<Parameters<typeof renderField>[0]> = {}) {
  return renderField({ id: `${ctx.ids}-${name}`, name, label, autocomplete, error: ctx.flow.problem?.fields[name], ...extra });
}

/** The light-DOM form for the current step, or nothing when the step has no password-manager form. */
export function renderLoginForm(ctx: LoginFormContext): TemplateResult | typeof nothing {
  const { flow } = ctx;
  switch (flow.step) {
    case 'login':
      return form(ctx, 'hp-login', flow.login, html`
        ${field(ctx, 'username', msg('Email or user name', { id: 'login.username' }), 'username', { value: flow.email, inputmode: 'email' })}
        ${field(ctx, 'password', msg('Password', { id: 'login.password' }), 'current-password', { type: 'password' })}
        <div class="actions">${renderSubmit(msg('Sign in', { id: 'login.submit' }), msg('Signing in …', { id: 'login.submitting' }), flow.busy)}</div>`);
    case 'forgot':
      return form(ctx, 'hp-password-reset', flow.requestReset, html`
        ${field(ctx, 'email', msg('Email address', { id: 'login.email' }), 'username', { type: 'email', value: flow.email })}
        <div class="actions">${renderSubmit(msg('Send code', { id: 'login.sendCode' }), msg('Sending …', { id: 'login.sending' }), flow.busy)}</div>`);
    case 'reset':
      return form(ctx, 'hp-password-reset-confirm', flow.confirmReset, html`
        ${hiddenUsername(flow.email)}
        ${field(ctx, 'code', msg('Code from the email', { id: 'login.code' }), 'one-time-code', { inputmode: 'text' })}
        ${newPassword(ctx, flow.email)}
        <div class="actions">${renderSubmit(msg('Set new password', { id: 'login.setPassword' }), msg('Saving …', { id: 'login.saving' }), flow.busy)}</div>`);
    case 'activate':
      return form(ctx, 'hp-activate', flow.activate, html`
        ${field(ctx, 'email', msg('Email address', { id: 'login.email' }), 'username', { type: 'email', value: flow.email })}
        ${field(ctx, 'code', msg('Invitation code', { id: 'login.invitationCode' }), 'one-time-code', {
          hint: msg('You find it in your invitation letter or email.', { id: 'login.invitationHint' }),
        })}
        ${newPassword(ctx, flow.email, msg('Choose a password', { id: 'login.choosePassword' }))}
        <div class="actions">${renderSubmit(msg('Activate account', { id: 'login.activateSubmit' }), msg('Activating …', { id: 'login.activating' }), flow.busy)}</div>`);
    case 'change-password':
      return form(ctx, 'hp-change-password', flow.changePassword, html`
        ${hiddenUsername(ctx.username)}
        ${field(ctx, 'currentPassword', msg('Current password', { id: 'login.currentPassword' }), 'current-password', { type: 'password' })}
        ${newPassword(ctx, ctx.username)}
        <div class="actions">${renderSubmit(msg('Change password', { id: 'login.changeSubmit' }), msg('Saving …', { id: 'login.saving' }), flow.busy)}</div>`);
    default:
      return nothing;
  }
}
