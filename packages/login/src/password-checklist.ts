import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { checkPassword, defaultPasswordPolicy, type PasswordPolicy, type PasswordRule } from '@hausportal/api';

interface RuleLine {
  rule: PasswordRule;
  text: string;
}

function lines(policy: PasswordPolicy, username: string | undefined, broken: PasswordRule[]): RuleLine[] {
  const result: RuleLine[] = [
    { rule: 'too_short', text: msg(str`At least ${policy.minLength} characters`, { id: 'login.rule.min' }) },
  ];
  if (broken.includes('too_long')) {
    result.push({ rule: 'too_long', text: msg(str`At most ${policy.maxLength} characters`, { id: 'login.rule.max' }) });
  }
  if (policy.requireUpper) result.push({ rule: 'policy_upper', text: msg('An upper-case letter', { id: 'login.rule.upper' }) });
  if (policy.requireLower) result.push({ rule: 'policy_lower', text: msg('A lower-case letter', { id: 'login.rule.lower' }) });
  if (policy.requireDigit) result.push({ rule: 'policy_digit', text: msg('A digit', { id: 'login.rule.digit' }) });
  if (policy.notUsername && username) {
    result.push({ rule: 'policy_username', text: msg('Does not contain your user name', { id: 'login.rule.username' }) });
  }
  if (policy.rejectCommon) result.push({ rule: 'policy_common', text: msg('Not a commonly used password', { id: 'login.rule.common' }) });
  return result;
}

/** True when `password` satisfies every rule of `policy`. */
export function passwordAcceptable(policy: PasswordPolicy | undefined, password: string, username?: string): boolean {
  return password.length > 0 && checkPassword(policy ?? defaultPasswordPolicy, password, username).length === 0;
}

/**
 * The organization's password rules as a checklist that follows what is typed. Rendered next to a
 * new-password input (light DOM) and referenced by its `aria-describedby`.
 */
export function renderPasswordChecklist(
  id: string,
  policy: PasswordPolicy | undefined,
  password: string,
  username?: string,
): TemplateResult {
  const effective = policy ?? defaultPasswordPolicy;
  const broken = checkPassword(effective, password, username);
  const met = msg('fulfilled', { id: 'login.rule.met' });
  const open = msg('not yet fulfilled', { id: 'login.rule.open' });
  return html`<div class="checklist" id=${id}>
    <span class="checklist-title">${msg('Your new password needs:', { id: 'login.rule.title' })}</span>
    <ul>
      ${lines(effective, username, broken).map(({ rule, text }) => {
        const ok = password.length > 0 && !broken.includes(rule);
        return html`<li class="rule" data-rule=${rule} data-met=${ok ? 'true' : 'false'}>
          <span class="rule-mark" aria-hidden="true">${ok ? '✓' : '•'}</span>
          <span>${text}</span><span class="visually-hidden">${ok ? met : open}</span>
        </li>`;
      })}
    </ul>
    ${password.length > 0 && broken.length === 0
      ? html`<span class="checklist-ok">${msg('All rules are fulfilled.', { id: 'login.rule.allMet' })}</span>`
      : nothing}
  </div>`;
}
