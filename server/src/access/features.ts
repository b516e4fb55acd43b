import type { Request, Response, NextFunction } from 'express';
import { featureOn, type FeatureName, type FeatureToggles, type Role } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Organization } from '../organizations.ts';
import { authenticate, type Auth } from '../auth/middleware.ts';
import { HttpProblem } from '../http/problems.ts';

// The organization's feature toggles per role (openapi.yaml FeatureToggles). They are stored flat in
// `organizations.features` and shown so in `OrganizationPublic.features`: `<feature>` (false when the feature is off
// for every role) and `<feature>.<role>` (tenant, owner). A missing key means on.

/** The parts of the portal a manager can switch per role, in the order of the contract's FeatureToggles. */
export const featureNames: readonly FeatureName[] = ['units', 'statement', 'expenseAccounts', 'documents', 'bulletinBoard', 'tickets', 'chatBot'];

/** The roles the toggles are about: the residents. Managers always use every part (their tools are not toggled). */
export const featureRoles = ['tenant', 'owner'] as const;

/**
 * Whether `feature` is on for `role` in the organization: `featureOn` of @hausportal/api, the rule the widgets and the
 * portal's navigation follow too. A manager is never refused a feature.
 */
export function featureEnabled(org: Pick<Organization, 'features'>, feature: FeatureName, role: Role): boolean {
  if (role === 'manager') return true;
  return featureOn(org.features, feature, role);
}

/** The stored flat flags as the manager API's {@link FeatureToggles} (`{feature: {tenant, owner}}`, missing = on). */
export function featureToggles(flat: Record<string, boolean>): FeatureToggles {
  const org = { features: flat };
  return Object.fromEntries(featureNames.map((f) => [f, { tenant: featureEnabled(org, f, 'tenant'), owner: featureEnabled(org, f, 'owner') }])) as FeatureToggles;
}

/**
 * {@link FeatureToggles} in the stored flat form: `<f>` = on for tenants or owners, `<f>.tenant`, `<f>.owner`. Keys of
 * `previous` that are not about these features are kept.
 */
export function flatFeatures(toggles: FeatureToggles, previous: Record<string, boolean> = {}): Record<string, boolean> {
  const flat: Record<string, boolean> = { ...previous };
  for (const f of featureNames) {
    const { tenant, owner } = toggles[f];
    Object.assign(flat, { [f]: tenant || owner, [`${f}.tenant`]: tenant, [`${f}.owner`]: owner });
  }
  return flat;
}

/**
 * The feature behind a resident endpoint, by the first segment of its path under /api, or null for paths no toggle
 * covers. The chat (/chat) is left to the chat service, which checks `chatBot` itself (chat/service.ts checkFeature).
 */
const featureByPath: Record<string, FeatureName> = {
  units: 'units',
  charges: 'statement',
  ledger: 'statement',
  'open-items': 'statement',
  'expense-accounts': 'expenseAccounts',
  receipts: 'expenseAccounts',
  documents: 'documents',
  'document-categories': 'documents',
  posts: 'bulletinBoard',
  tickets: 'tickets',
  forms: 'tickets',
};

/**
 * The feature of the request path `path` (relative to /api, e.g. `/documents/read`), or null. The segment is compared
 * in lower case, as Express and the contract's check route paths (`/Documents` reaches the documents' routes).
 */
export function featureOfPath(path: string): FeatureName | null {
  const segment = /^\/([^/]+)/.exec(path)?.[1]?.toLowerCase() ?? '';
  return Object.hasOwn(featureByPath, segment) ? featureByPath[segment]! : null;
}

/** 403 `feature_disabled` (openapi.yaml FeatureToggles): the organization has switched `feature` off for the role. */
export const featureDisabled = (feature: FeatureName): HttpProblem =>
  new HttpProblem(403, 'feature_disabled', `This part of the portal (${feature}) is switched off for you in this organization.`);

async function sessionOf(ctx: Ctx, req: Request): Promise<Auth | null> {
  try {
    return await authenticate(ctx, req);
  } catch {
    return null;
  }
}

/**
 * Feature gate in front of the resident endpoints (app.ts): for a path of a feature ({@link featureOfPath}) with a
 * bearer token, the session is authenticated (cached, auth/middleware.ts) and 403 `feature_disabled` answers when the
 * feature is off for the membership's role ({@link featureEnabled}). Without a token or with one that does not
 * authenticate the request goes on, and the route answers 401 itself; managers are never refused.
 */
export function featureGate(ctx: Ctx) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const feature = featureOfPath(req.path);
    const auth = feature && req.get('authorization') ? await sessionOf(ctx, req) : null;
    if (feature && auth && !featureEnabled(auth.org, feature, auth.member.role)) throw featureDisabled(feature);
    next();
  };
}
