import { deriveTheme } from '@hausportal/api/theme.js';
import { addDefaultPostCategories } from '../posts/categories.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import { newId } from '../ids.ts';
import { createMailer } from '../notifications/mail.ts';
import { activationCodeSeconds, createCode } from '../auth/codes.ts';
import { hashPassword } from '../auth/password.ts';
import { fromRow } from '../organizations.ts';
import { timeZoneName } from '../calendar.ts';
import { invitationMail } from '../auth/mails.ts';
import { demoLogins, demoOrganizations, demoUsers, type DemoLogin } from './data.ts';
import { seedMoney } from './money.ts';
import { seedDocuments } from './documents.ts';
import { seedTickets } from './tickets.ts';
import { seedPosts } from './posts.ts';
import { addStarterFaq } from './faq.ts';

const seedMarker = 'demo_seed';

/** True when the database has no organization yet (first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db('organizations').first('id');
  return !row;
}

export async function hasDemoSeed(db: Db): Promise<boolean> {
  return Boolean(await db('settings').where({ key: seedMarker }).first());
}

/**
 * Loads the demo organizations, users, units, money, documents, forms, tickets and bulletin-board notices into an empty, migrated database and returns the logins.
 * Passwords are hashed with the real scrypt parameters (in parallel; the slow part of a test start).
 */
export async function seedDemo(db: Db, clock: Clock = systemClock): Promise<DemoLogin[]> {
  const now = clock().toISOString();
  const hashes = new Map<string, string>();
  await Promise.all(
    demoUsers.filter((u) => u.password).map(async (u) => hashes.set(u.email, await hashPassword(u.password!))),
  );

  await db.transaction(async (trx) => {
    const orgIds = new Map<string, string>();
    for (const o of demoOrganizations) {
      const id = newId();
      orgIds.set(o.slug, id);
      await trx('organizations').insert({
        id,
        slug: o.slug,
        name: o.name,
        time_zone: timeZoneName(o.timeZone),
        theme: JSON.stringify(deriveTheme(o.themeInput).tokens),
        theme_input: JSON.stringify(o.themeInput),
        logo_url: null,
        legal_links: JSON.stringify(o.legalLinks),
        features: JSON.stringify(o.features),
        allowed_origins: JSON.stringify(o.allowedOrigins),
        cross_site: o.crossSite,
        password_policy: JSON.stringify(o.passwordPolicy),
        terms_version: o.terms.version,
        terms_text: JSON.stringify(o.terms.text),
        ticket_status_visibility: JSON.stringify(o.ticketStatusVisibility),
        emergency_numbers: JSON.stringify(o.emergencyNumbers),
        created_at: now,
      });
      await addDefaultPostCategories(trx, id, new Date(now));
      await addStarterFaq(trx, id, o.timeZone === 'Europe/Vienna' ? 'AT' : 'DE', now);
    }

    const mailer = createMailer({ db: trx, clock, smtpUrl: null, production: false });
    for (const u of demoUsers) {
      const userId = newId();
      await trx('users').insert({
        id: userId,
        email: u.email.toLowerCase(),
        username: u.username.toLowerCase(),
        password_hash: hashes.get(u.email) ?? null,
        status: u.password ? 'active' : 'invited',
        must_change_password: u.mustChangePassword ?? false,
        locale: u.locale ?? 'de',
        notify_email: true,
        phone: u.phone ?? null,
        birth_date: u.birthDate ?? null,
        created_at: now,
        updated_at: now,
      });
      for (const m of u.memberships) {
        const organizationId = orgIds.get(m.organization)!;
        const personId = newId();
        await trx('persons').insert({
          id: personId,
          organization_id: organizationId,
          name: m.person.name,
          street: m.person.street,
          postal_code: m.person.postalCode,
          city: m.person.city,
          country: m.person.country,
          email: u.email,
          created_at: now,
        });
        const terms = demoOrganizations.find((o) => o.slug === m.organization)!.terms.version;
        await trx('memberships').insert({
          id: newId(),
          user_id: userId,
          organization_id: organizationId,
          role: m.role,
          person_id: personId,
          terms_version: m.termsAccepted ? terms : null,
          terms_accepted_at: m.termsAccepted ? now : null,
          created_at: now,
        });
        if (u.activationCode) {
          // A demo invitation stays valid for a year so the documented code keeps working.
          await createCode({ db: trx, clock }, { userId, organizationId, purpose: 'activation', seconds: Math.max(activationCodeSeconds, 365 * 24 * 3600), code: u.activationCode });
          const org = fromRow(await trx('organizations').where({ id: organizationId }).first());
          await mailer.send(invitationMail(u.email, org, m.person.name, u.activationCode), trx);
        }
      }
    }
    await seedMoney(trx, clock);
    await seedDocuments(trx, clock);
    await seedTickets(trx, clock);
    await seedPosts(trx, clock);
    await trx('settings').insert({ key: seedMarker, value: now });
  });
  return demoLogins;
}
