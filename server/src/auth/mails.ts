import type { Mail } from '../notifications/mail.ts';
import type { Organization } from '../organizations.ts';

type Locale = 'de' | 'en';

export function resetMail(to: string, org: Organization, locale: Locale, code: string): Mail {
  const text =
    locale === 'en'
      ? `Hello,\n\nsomeone asked to reset the password of your ${org.name} portal account.\n\nYour code: ${code}\n\nIt is valid for 30 minutes and can be used once. If you did not ask for it, ignore this mail.\n`
      : `Guten Tag,\n\nfür Ihr Portal-Konto bei ${org.name} wurde ein neues Passwort angefordert.\n\nIhr Code: ${code}\n\nEr gilt 30 Minuten und nur einmal. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail.\n`;
  return { to, organizationId: org.id, subject: locale === 'en' ? `${org.name}: password reset code` : `${org.name}: Code zum Zurücksetzen des Passworts`, text };
}

export function passwordChangedMail(to: string, org: Organization, locale: Locale): Mail {
  const text =
    locale === 'en'
      ? `Hello,\n\nthe password of your ${org.name} portal account was changed and every other session was ended.\nIf that was not you, reset your password at once and contact ${org.name}.\n`
      : `Guten Tag,\n\ndas Passwort Ihres Portal-Kontos bei ${org.name} wurde geändert; alle anderen Anmeldungen wurden beendet.\nWenn Sie das nicht waren, setzen Sie Ihr Passwort sofort zurück und verständigen Sie ${org.name}.\n`;
  return { to, organizationId: org.id, subject: locale === 'en' ? `${org.name}: your password was changed` : `${org.name}: Ihr Passwort wurde geändert`, text };
}

/** `katharina@example.com` → `k…@example.com`: enough to recognise one's own address, too little to learn a new one. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '…';
  return `${[...email.slice(0, at)][0]}…${email.slice(at)}`;
}

/** Sent to the OLD address after the email address (the login name) of an account was changed. */
export function emailChangedMail(to: string, org: Organization, locale: Locale, newEmail: string): Mail {
  const masked = maskEmail(newEmail);
  const text =
    locale === 'en'
      ? `Hello,\n\nthe email address of your ${org.name} portal account was changed to ${masked}. It is now the address to sign in with and the one password reset codes go to; every other session was ended.\nIf that was not you, contact ${org.name} at once.\n`
      : `Guten Tag,\n\ndie E-Mail-Adresse Ihres Portal-Kontos bei ${org.name} wurde auf ${masked} geändert. Mit ihr melden Sie sich nun an, und an sie gehen Codes zum Zurücksetzen des Passworts; alle anderen Anmeldungen wurden beendet.\nWenn Sie das nicht waren, verständigen Sie bitte sofort ${org.name}.\n`;
  return { to, organizationId: org.id, subject: locale === 'en' ? `${org.name}: your email address was changed` : `${org.name}: Ihre E-Mail-Adresse wurde geändert`, text };
}

export function invitationMail(to: string, org: Organization, name: string, code: string): Mail {
  const text =
    `Guten Tag ${name},\n\n${org.name} lädt Sie zum Kundenportal ein.\n\nIhr Aktivierungscode: ${code}\n\n` +
    `Geben Sie ihn mit Ihrer E-Mail-Adresse unter „Konto aktivieren“ ein und wählen Sie ein Passwort.\n\n---\n\n` +
    `Hello ${name},\n\n${org.name} invites you to its customer portal. Your activation code: ${code}\n`;
  return { to, organizationId: org.id, subject: `${org.name}: Einladung zum Kundenportal / invitation`, text };
}
