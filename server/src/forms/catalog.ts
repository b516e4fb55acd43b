import type { Form, FormCatalog, FormDefinition, ReportUnit } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import { activeOn, allMyContracts, type ContractRow } from '../access/contracts.ts';
import type { ContractRole } from '../access/periods.ts';
import { balancesOn } from '../units/summaries.ts';
import { currentForms, type FormVersion } from './versions.ts';

// Which forms a person may send today, and on which units: everything hangs off his contracts valid today in the
// session's organization (an ended contract or one that has not begun gives nothing here, though his old tickets
// stay his). A session without a person (a manager) may send none.

/** What a session may report on today. */
export interface ReportScope {
  /** One per unit with a contract valid today, in unit order: "<street>, Top <top>" and the role of its first contract. */
  units: ReportUnit[];
  /** Unit id → the credit (cents > 0) its contract accounts show today; units without a credit are absent. */
  credits: Map<string, number>;
  /** The roles of the contracts valid today. */
  roles: Set<ContractRole>;
  /** The contracts valid today (each unit's tenant and owner contracts alike). */
  contracts: ContractRow[];
}

/**
 * The session's units, credits and roles on `today` (YYYY-MM-DD, the organization's day): contracts valid today
 * (access/contracts.ts allMyContracts + activeOn), and each one's account balance today (units/summaries.ts
 * balancesOn: the latest carry-forward plus later postings); a negative balance is a credit. Two reads at most.
 */
export async function reportScope(ctx: Ctx, auth: Auth, today: string): Promise<ReportScope> {
  const contracts = (await allMyContracts(ctx, auth, today)).filter((c) => activeOn(c, today));
  const units = new Map<string, ReportUnit>();
  for (const c of contracts) {
    if (!units.has(c.unit_id)) units.set(c.unit_id, { id: c.unit_id, propertyId: c.property_id, label: `${c.street}, Top ${c.top}`, role: c.role });
  }
  const balances = await balancesOn(ctx.read, contracts.map((c) => c.id), today);
  const credits = new Map<string, number>();
  for (const c of contracts) {
    const balance = balances.get(c.id) ?? 0;
    if (balance < 0) credits.set(c.unit_id, (credits.get(c.unit_id) ?? 0) - balance);
  }
  return { units: [...units.values()], credits, roles: new Set(contracts.map((c) => c.role)), contracts };
}

/** True when `today` lies in the form's active window (both ends included). */
export const activeToday = (definition: Pick<FormDefinition, 'activeFrom' | 'activeUntil'>, today: string): boolean =>
  (!definition.activeFrom || definition.activeFrom <= today) && (!definition.activeUntil || today <= definition.activeUntil);

/**
 * True when the form's audience takes one of the scope's contracts valid today (on `unitId` only, when given): its
 * role is among the audience's roles and, when the audience names properties, its property is one of them. A form
 * with `offer: credit` also needs a credit (on `unitId`, or on some unit).
 */
export function reaches(definition: FormDefinition, scope: ReportScope, unitId: string | null = null): boolean {
  const { roles, propertyIds } = definition.audience;
  const fits = scope.contracts.some((c) =>
    (unitId === null || c.unit_id === unitId) && roles.includes(c.role) && (!propertyIds?.length || propertyIds.includes(c.property_id)));
  if (!fits) return false;
  if (definition.offer !== 'credit') return true;
  return unitId === null ? scope.credits.size > 0 : scope.credits.has(unitId);
}

/** A form version as residents get it: without its staff-only fields. */
export const residentForm = (version: FormVersion): Form => ({
  ...version.definition,
  fields: version.definition.fields.filter((f) => !f.staffOnly),
  id: version.id,
  version: version.version,
});

/** The current versions of the forms the scope may send today, by `sort` then key. */
export async function formsFor(ctx: Ctx, auth: Auth, today: string, scope: ReportScope): Promise<FormVersion[]> {
  if (scope.contracts.length === 0) return [];
  return (await currentForms(ctx.read, auth.org.id)).filter((v) => activeToday(v.definition, today) && reaches(v.definition, scope));
}

/** GET /forms: the forms the session may send today, its units and credits, and the emergency numbers. */
export async function formCatalog(ctx: Ctx, auth: Auth, today: string): Promise<FormCatalog> {
  const scope = await reportScope(ctx, auth, today);
  const forms = await formsFor(ctx, auth, today, scope);
  return {
    items: forms.map(residentForm),
    emergencyNumbers: auth.org.emergencyNumbers,
    units: scope.units,
    credits: [...scope.credits].map(([unitId, cents]) => ({ unitId, cents })),
  };
}
