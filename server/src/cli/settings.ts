import type { AdminSettings, AdminSettingsPatch, FeatureName } from '@hausportal/api';
import { operator } from '../admin/audit.ts';
import { featureNames, featureRoles } from '../access/features.ts';
import { readSettings, updateSettings } from '../org-settings/service.ts';
import { list, optional, orgOption, UsageError, type Command, type Values } from './command.ts';

// `npm run admin -- settings show | settings set`: the organization's settings through the functions behind
// GET/PATCH /admin/settings (org-settings/service.ts), with the same checks.

const onOff = (on: boolean): string => (on ? 'on' : 'off');

/** The settings as lines for people. */
function describe(slug: string, s: AdminSettings): string {
  const links = Object.entries(s.legalLinks).map(([k, v]) => `${k} ${v}`);
  const features = featureNames.map((f) => `${f} (tenant ${onOff(s.features[f].tenant)}, owner ${onOff(s.features[f].owner)})`);
  return [
    `Settings of ${slug}:`,
    `  time zone         ${s.timeZone}`,
    `  digest hour       ${s.digestHour}:00`,
    `  allowed origins   ${s.allowedOrigins.join(' ') || 'none'}`,
    `  cross-site        ${s.crossSite ? 'yes (cookie SameSite=None; Partitioned)' : 'no (cookie SameSite=Strict)'}`,
    `  sender name       ${s.senderName ?? '(the organization\'s name)'}`,
    `  reply-to          ${s.replyTo ?? 'none'}`,
    `  legal links       ${links.join(', ') || 'none'}`,
    `  emergency numbers ${s.emergencyNumbers.map((n) => `${n.label.de} ${n.phone}`).join('; ') || 'none'}`,
    `  features          ${features.join(', ')}`,
  ].join('\n');
}

/** `settings show`: org-settings/service.ts `readSettings` (GET /admin/settings). */
export const settingsShow: Command = {
  name: 'settings show',
  summary: 'Shows an organization\'s settings (time zone, digest hour, origins, cookie mode, mail sender, links, features).',
  help: ['--org SLUG   the organization (required)'],
  options: { org: { type: 'string' } },
  async run(values, cli) {
    const org = await orgOption(cli.db, values);
    const settings = await readSettings(cli.db, org.id);
    return { text: describe(org.slug, settings), json: settings };
  },
};

/** `true` or `false` for `option`, else a {@link UsageError}. */
function booleanOf(value: string, option: string): boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  throw new UsageError(option, `must be true or false, not "${value}".`);
}

/** The feature toggles after `--feature units.tenant=false` … (a feature without a role sets both roles). */
function featuresAfter(current: AdminSettings['features'], changes: string[]): AdminSettings['features'] {
  const features = structuredClone(current);
  for (const change of changes) {
    const [, name = '', role, value = ''] = /^([^.=]*)(?:\.([^=]*))?=(.*)$/.exec(change) ?? [];
    if (!(featureNames as readonly string[]).includes(name)) throw new UsageError('--feature', `"${change}": write <feature>[.<role>]=true|false with a feature of ${featureNames.join(', ')}.`);
    if (role !== undefined && !(featureRoles as readonly string[]).includes(role)) throw new UsageError('--feature', `"${change}": the role is tenant or owner.`);
    const on = booleanOf(value, '--feature');
    for (const r of role === undefined ? featureRoles : [role as 'tenant' | 'owner']) features[name as FeatureName][r] = on;
  }
  return features;
}

/** The patch of `settings set`; values that need the current settings (features, legal links) are merged into them. */
function patchOf(values: Values, current: AdminSettings): AdminSettingsPatch {
  const patch: Record<string, unknown> = {};
  const text = (name: string) => optional(values, name);
  if (text('time-zone') !== undefined) patch.timeZone = text('time-zone');
  const hour = text('digest-hour');
  if (hour !== undefined) patch.digestHour = /^-?\d+$/.test(hour) ? Number(hour) : hour;
  if (list(values, 'origin').length > 0) patch.allowedOrigins = list(values, 'origin');
  if (values['no-origins'] === true) patch.allowedOrigins = [];
  if (text('cross-site') !== undefined) patch.crossSite = booleanOf(text('cross-site')!, '--cross-site');
  for (const [option, key] of [['sender-name', 'senderName'], ['reply-to', 'replyTo']] as const) if (text(option) !== undefined) patch[key] = text(option) || null;
  if (list(values, 'feature').length > 0) patch.features = featuresAfter(current.features, list(values, 'feature'));
  const links = (['imprint', 'privacy', 'terms'] as const).filter((k) => text(k) !== undefined);
  if (links.length > 0) {
    const legalLinks: Record<string, string> = { ...current.legalLinks };
    for (const k of links) if (text(k)) legalLinks[k] = text(k)!;
    else delete legalLinks[k];
    patch.legalLinks = legalLinks;
  }
  if (Object.keys(patch).length === 0) throw new UsageError(null, 'nothing to change: give at least one setting (see settings set --help).');
  return patch as AdminSettingsPatch;
}

/** `settings set`: org-settings/service.ts `updateSettings` (PATCH /admin/settings), features and links merged into the current ones. */
export const settingsSet: Command = {
  name: 'settings set',
  summary: 'Changes an organization\'s settings with the rules of PATCH /admin/settings; audited.',
  help: [
    '--org SLUG               the organization (required)',
    '--time-zone ZONE         IANA time zone, e.g. Europe/Berlin',
    '--digest-hour 0-23       hour of the daily digest mail in that time zone',
    '--origin URL             an allowed origin; repeat for more; replaces the list',
    '--no-origins             empties the list of allowed origins',
    '--cross-site true|false  embedding pages on another site (cookie SameSite=None; Partitioned)',
    '--sender-name NAME       display name of the mails\' sender ("" for the organization\'s name)',
    '--reply-to ADDRESS       Reply-To of the mails ("" for none)',
    '--feature F[.ROLE]=B     e.g. units.tenant=false or chatBot=false; repeat for more',
    '--imprint URL, --privacy URL, --terms URL   legal links in the footer ("" removes one)',
  ],
  options: {
    org: { type: 'string' },
    'time-zone': { type: 'string' },
    'digest-hour': { type: 'string' },
    origin: { type: 'string', multiple: true },
    'no-origins': { type: 'boolean' },
    'cross-site': { type: 'string' },
    'sender-name': { type: 'string' },
    'reply-to': { type: 'string' },
    feature: { type: 'string', multiple: true },
    imprint: { type: 'string' },
    privacy: { type: 'string' },
    terms: { type: 'string' },
  },
  fields: {
    '/timeZone': '--time-zone', '/digestHour': '--digest-hour', '/allowedOrigins': '--origin', '/crossSite': '--cross-site', '/senderName': '--sender-name',
    '/replyTo': '--reply-to', '/features': '--feature', '/legalLinks/imprint': '--imprint', '/legalLinks/privacy': '--privacy', '/legalLinks/terms': '--terms',
  },
  async run(values, cli) {
    const org = await orgOption(cli.db, values);
    const patch = patchOf(values, await readSettings(cli.db, org.id));
    const settings = await updateSettings(cli.db, cli, org.id, patch, operator);
    return { text: describe(org.slug, settings), json: settings };
  },
};
