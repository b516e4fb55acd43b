import { featureOn, type Me, type OrganizationPublic, type UnitSummary } from '@hausportal/api';
import { views, type ViewDef } from './routes.js';

/** What the navigation follows: the signed-in person's role in this organization and the organization's toggles. */
export interface Audience {
  user: Me | null;
  organization: OrganizationPublic | null;
  /** My units (GET /units), when loaded: an owner's contract there offers the expense accounts. */
  units?: readonly UnitSummary[];
}

/** The views offered to `audience`, in navigation order: those whose feature is on for the person's role. */
export function offeredViews(audience: Audience): ViewDef[] {
  const role = audience.user?.role;
  return views.filter((v) => !v.feature || featureOn(audience.organization?.features, v.feature, role));
}

/**
 * Whether the expense accounts (Belegeinsicht, the statement's `expenses` view) are offered: to owners — the person's
 * role here or an owner's contract among the units — while the statement and `expenseAccounts` are on for owners.
 */
export function offersExpenses(audience: Audience): boolean {
  const owner = audience.user?.role === 'owner' || !!audience.units?.some((u) => u.contract.role === 'owner');
  const features = audience.organization?.features;
  return owner && featureOn(features, 'statement', 'owner') && featureOn(features, 'expenseAccounts', 'owner');
}
