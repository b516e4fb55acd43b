// The rarer steps of `<hp-login>`, loaded with import() when a person first goes to one of them (LoginFlow.loadSteps):
// forgot password and reset, activation with an invitation code, and the first-login steps (terms of use, own
// password) with the password checklist and the organization's password policy. A page that only signs in never
// loads them.
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Session } from '@hausportal/core';
import { registerTranslations } from '@hausportal/core';
import { templates } from './locales/de-steps.js';
import { call } from './api-call.js';
import { formValues, renderField, renderSubmit } from './fields.js';
import { field, form, type LoginFormContext } from './login-forms.js';
import type { LoginFlow, RareStep } from './login-flow.js';
import { link, stepLinks } from './login-views.js';
import { passwordAcceptable, renderPasswordChecklist } from './password-checklist.js';

registerTranslations('de', templates);

/** Heading of a rare step. */
export function stepTitle(step: RareStep): string {
  switch (step) {
    case 'forgot':
      return msg('Forgot your password?', { id: 'login.title.forgot' });
    case 'reset':
      return msg('Set a new password', { id: 'login.title.reset' });
    case 'activate':
      return msg('Activate your account', { id: 'login.title.activate' });
    case 'terms':
      return msg('Terms of use', { id: 'login.title.terms' });
    default:
      return msg('Choose your own password', { id: 'login.title.changePassword' });
  }
}

/** The sentence below the heading of a rare step. */
export function stepIntro(step: RareStep): string {
  switch (step) {
    case 'forgot':
      return msg('Enter the email address of your account. We will send you a code to set a new password.', { id: 'login.intro.forgot' });
    case 'reset':
      return msg('Enter the code from our email and choose a new password.', { id: 'login.intro.reset' });
    case 'activate':
      return msg('Enter your email address and the invitation code, then choose a password.', { id: 'login.intro.activate' });
    case 'terms':
      return msg('Please read the terms of use and accept them to continue.', { id: 'login.intro.terms' });
    default:
      return msg('For your security, please replace the initial password with one of your own.', { id: 'login.intro.changePassword' });
  }
}

/** Buttons that move on from a rare step (shadow DOM, below the form). */
export function renderStepLinks(flow: LoginFlow, step: RareStep): TemplateResult {
  const back = () => link(msg('Back to sign in', { id: 'login.back' }), () => flow.go('login'));
  switch (step) {
    case 'forgot':
      return stepLinks(html`${link(msg('I already have a code', { id: 'login.haveCode' }), () => flow.go('reset'))} ${back()}`);
    case 'reset':
      return stepLinks(html`${link(msg('Request a new code', { id: 'login.newCode' }), () => flow.go('forgot'))} ${back()}`);
    case 'activate':
      return stepLinks(back());
    default:
      return stepLinks(link(msg('Sign out', { id: 'login.logout' }), () => void flow.logout()));
  }
}

/** Marks a new password that breaks a rule of the organization's policy (before anything is sent). */
function rulesOpen(flow: LoginFlow, values: Record<string, string>, username: string | undefined): Record<string, string> {
  const policy = flow.policy;
  const password = values['newPassword'];
  return password && !passwordAcceptable(policy, password, username)
    ? { newPassword: msg('The new password does not meet all rules yet.', { id: 'login.field.rulesOpen' }) }
    : {};
}

/** POST /auth/password-reset: asks for a code by email, then shows the reset step. */
async function requestReset(flow: LoginFlow, element: HTMLFormElement): Promise<void> {
  const values = formValues(element);
  if (flow.invalid(values, ['email'])) return;
  const email = values['email']!.trim();
  await flow.run('reset-request', async () => {
    await call(flow.api.POST('/auth/password-reset', { body: { organization: flow.api.organization, email } }));
    flow.email = email;
    flow.go('reset', msg(str`If ${email} belongs to an account, we have sent a code there. It is valid for 30 minutes.`, { id: 'login.notice.codeSent' }));
  });
}

/** POST /auth/password-reset/confirm: sets the new password with the code, then back to sign in. */
async function confirmReset(flow: LoginFlow, element: HTMLFormElement): Promise<void> {
  const values = formValues(element);
  if (flow.invalid(values, ['code', 'newPassword'], rulesOpen(flow, values, flow.email))) return;
  await flow.run('reset-confirm', async () => {
    await call(flow.api.POST('/auth/password-reset/confirm', { body: { code: values['code']!.trim(), newPassword: values['newPassword']! } }));
    flow.go('login', msg('Your new password is set. Please sign in with it.', { id: 'login.notice.passwordReset' }));
  });
}

/** POST /auth/activate, then signs in with the chosen password (or asks to sign in when that fails). */
async function activate(flow: LoginFlow, element: HTMLFormElement): Promise<void> {
  const values = formValues(element);
  const email = values['email']?.trim() ?? '';
  if (flow.invalid(values, ['email', 'code', 'newPassword'], rulesOpen(flow, values, email))) return;
  await flow.run('activate', async () => {
    await call(flow.api.POST('/auth/activate', { body: { email, code: values['code']!.trim(), newPassword: values['newPassword']! } }));
    flow.email = email;
    try {
      await flow.signIn(email, values['newPassword']!);
    } catch {
      flow.go('login', msg('Your account is activated. Please sign in.', { id: 'login.notice.activated' }));
    }
  });
}

/** POST /auth/password for a forced change, then the fresh user from GET /me. */
async function changePassword(flow: LoginFlow, element: HTMLFormElement): Promise<void> {
  const values = formValues(element);
  const user = flow.user;
  if (flow.invalid(values, ['currentPassword', 'newPassword'], rulesOpen(flow, values, user?.username))) return;
  await flow.run('password', async () => {
    const body = { currentPassword: values['currentPassword']!, newPassword: values['newPassword']! };
    await call(flow.api.POST('/auth/password', { body }));
    flow.password = '';
    const fresh = await call(flow.api.GET('/me')).catch(() => undefined);
    const next = fresh ?? (user && { ...user, mustChangePassword: false, pendingActions: user.pendingActions.filter((a) => a !== 'change-password') });
    if (next) flow.updated(next);
  });
}

/** POST /me/terms with the organization's terms version, once the checkbox is ticked. */
async function acceptTerms(flow: LoginFlow, element: HTMLFormElement, version: string | undefined): Promise<void> {
  if (!(element.elements.namedItem('accept') as HTMLInputElement | null)?.checked) {
    const message = msg('Please confirm that you accept the terms of use.', { id: 'login.field.accept' });
    flow.fail({ message, fields: { accept: message } });
    return;
  }
  await flow.run('terms', async () => {
    const me = await call(flow.api.POST('/me/terms', { body: { version: version ?? '' } }));
    if (me) flow.updated(me);
  });
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

const actions = (label: string, busyLabel: string, busy: boolean) => html`<div class="actions">${renderSubmit(label, busyLabel, busy)}</div>`;
const saving = () => msg('Saving …', { id: 'login.saving' });

/** The light-DOM form of a rare step (password managers see it), or nothing for the terms step. */
export function renderStepForm(ctx: LoginFormContext): TemplateResult | typeof nothing {
  const { flow } = ctx;
  const email = () => field(ctx, 'email', msg('Email address', { id: 'login.email' }), 'username', { type: 'email', value: flow.email });
  switch (flow.step) {
    case 'forgot':
      return form(ctx, 'hp-password-reset', (f) => requestReset(flow, f), html`
        ${email()}
        ${actions(msg('Send code', { id: 'login.sendCode' }), msg('Sending …', { id: 'login.sending' }), flow.busy)}`);
    case 'reset':
      return form(ctx, 'hp-password-reset-confirm', (f) => confirmReset(flow, f), html`
        ${hiddenUsername(flow.email)}
        ${field(ctx, 'code', msg('Code from the email', { id: 'login.code' }), 'one-time-code', { inputmode: 'text' })}
        ${newPassword(ctx, flow.email)}
        ${actions(msg('Set new password', { id: 'login.setPassword' }), saving(), flow.busy)}`);
    case 'activate':
      return form(ctx, 'hp-activate', (f) => activate(flow, f), html`
        ${email()}
        ${field(ctx, 'code', msg('Invitation code', { id: 'login.invitationCode' }), 'one-time-code', {
          hint: msg('You find it in your invitation letter or email.', { id: 'login.invitationHint' }),
        })}
        ${newPassword(ctx, flow.email, msg('Choose a password', { id: 'login.choosePassword' }))}
        ${actions(msg('Activate account', { id: 'login.activateSubmit' }), msg('Activating …', { id: 'login.activating' }), flow.busy)}`);
    case 'change-password':
      return form(ctx, 'hp-change-password', (f) => changePassword(flow, f), html`
        ${hiddenUsername(ctx.username)}
        ${field(ctx, 'currentPassword', msg('Current password', { id: 'login.currentPassword' }), 'current-password', { type: 'password' })}
        ${newPassword(ctx, ctx.username)}
        ${actions(msg('Change password', { id: 'login.changeSubmit' }), saving(), flow.busy)}`);
    default:
      return nothing;
  }
}

/** The terms of use with the accept checkbox (shadow DOM; no password field here). */
export function renderTerms(flow: LoginFlow, session: Session | undefined, lang: 'de' | 'en'): TemplateResult {
  const terms = session?.organization?.terms;
  const error = flow.problem?.fields['accept'];
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void acceptTerms(flow, event.currentTarget as HTMLFormElement, terms?.version);
  };
  return html`<form part="form" class="terms-form" novalidate @submit=${submit} aria-busy=${flow.busy ? 'true' : 'false'}
      aria-label=${msg('Accept the terms of use', { id: 'login.terms.form' })}>
    <div class="terms" part="terms" role="region" tabindex="0" aria-label=${msg('Text of the terms of use', { id: 'login.terms.text' })}>
      ${terms ? terms.text[lang] : msg('The terms of use could not be loaded.', { id: 'login.terms.missing' })}
    </div>
    <div class="field">
      <label class="check">
        <input type="checkbox" name="accept" part="input" aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'accept-error' : nothing} />
        <span>${msg('I have read the terms of use and accept them.', { id: 'login.terms.accept' })}</span>
      </label>
      ${error ? html`<p class="error-text" id="accept-error">${error}</p>` : nothing}
    </div>
    <div class="actions">
      <button type="submit" part="submit" aria-disabled=${flow.busy ? 'true' : 'false'}>
        ${flow.busy ? saving() : msg('Accept and continue', { id: 'login.terms.submit' })}
      </button>
    </div>
  </form>`;
}
