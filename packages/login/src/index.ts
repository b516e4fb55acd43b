export { HpLogin } from './hp-login.js';
export { HpProfile } from './hp-profile.js';
export { HpLoginEvent, HpLogoutEvent } from './events.js';
export type { LoginStep, AnonymousStep } from './login-flow.js';
export { renderPasswordChecklist, passwordAcceptable } from './password-checklist.js';
export { describeProblem, type FormProblem } from './problems.js';
