import type { OrganizationPublic } from './types.js';

/**
 * Whether a part of the portal is on for a role, from the organization's flat flags (`OrganizationPublic.features`,
 * stored so in `organizations.features`): on unless `features[feature] === false` or `features['<feature>.<role>'] ===
 * false`; a missing key is on. Without a role (nobody signed in) only the first rule applies. The one rule of the
 * server (access/features.ts), the widgets and the portal's navigation; set through PATCH /admin/settings `features`.
 */
export function featureOn(features: OrganizationPublic['features'] | undefined, feature: string, role?: string): boolean {
  if (!features) return true;
  return features[feature] !== false && !(role && features[`${feature}.${role}`] === false);
}
