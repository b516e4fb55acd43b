import type { DocumentReleaseRule } from '@hausportal/api';
import type { Db } from '../db.ts';
import type { ReleaseSpec } from '../access/releases.ts';
import { HttpProblem, type ContractViolation, validationProblem } from '../http/problems.ts';
import { requireOwned, type CategoryRow } from './scope.ts';
import type { NotifyChoice } from './document-view.ts';

// A release rule as the manager sends it (DocumentReleaseRule, shapes checked by the contract) → the stored form
// (access/releases.ts ReleaseSpec). Which fields each rule takes:
//   persons        personIds
//   occupancy      unitIds, from, to (from ≤ to), roles
//   unit_current   unitIds, roles
//   property_role  propertyIds, roles
// Any other field for the rule, or a missing one, is 400 naming it. `roles` defaults to the category's default roles;
// `notify` (all rules) to `default`, the category's default notification.

type Field = 'personIds' | 'unitIds' | 'propertyIds' | 'from' | 'to' | 'roles';

const fieldsOf: Record<DocumentReleaseRule['rule'], { required: Field[]; optional: Field[] }> = {
  persons: { required: ['personIds'], optional: [] },
  occupancy: { required: ['unitIds', 'from', 'to'], optional: ['roles'] },
  unit_current: { required: ['unitIds'], optional: ['roles'] },
  property_role: { required: ['propertyIds'], optional: ['roles'] },
};
const allFields: Field[] = ['personIds', 'unitIds', 'propertyIds', 'from', 'to', 'roles'];

export interface ParsedRule {
  spec: ReleaseSpec;
  notify: NotifyChoice;
}

/** Checks which fields the rule takes and turns it into a ReleaseSpec; 400 naming every wrong field. */
export function parseRule(body: DocumentReleaseRule, category: Pick<CategoryRow, 'default_roles'>): ParsedRule {
  const { required, optional } = fieldsOf[body.rule];
  const violations: ContractViolation[] = [];
  for (const field of allFields) {
    const given = body[field] !== undefined;
    if (!given && required.includes(field)) violations.push({ field: `/${field}`, keyword: 'required', message: `The rule ${body.rule} needs ${field}.` });
    if (given && !required.includes(field) && !optional.includes(field))
      violations.push({ field: `/${field}`, keyword: 'not_allowed', message: `The rule ${body.rule} takes no ${field}.` });
  }
  if (body.from !== undefined && body.to !== undefined && body.from > body.to)
    violations.push({ field: '/from', keyword: 'range', message: 'The first day must not be after the last day.' });
  if (violations.length > 0) throw validationProblem(violations.map((v) => v.message).join(' '), violations);
  const roles = body.rule === 'persons' ? 'both' : (body.roles ?? category.default_roles);
  return {
    spec: {
      rule: body.rule,
      role: roles === 'both' ? null : roles,
      periodFrom: body.from ?? null,
      periodTo: body.to ?? null,
      personIds: body.personIds ?? [],
      unitIds: body.unitIds ?? [],
      propertyIds: body.propertyIds ?? [],
    },
    notify: body.notify ?? 'default',
  };
}

/** 404 naming the field unless every person, unit and property the rule names is the organization's. */
export async function requireTargetsOwned(db: Db, organizationId: string, spec: ReleaseSpec): Promise<void> {
  await requireOwned(db, organizationId, 'person', spec.personIds, '/personIds');
  await requireOwned(db, organizationId, 'unit', spec.unitIds, '/unitIds');
  await requireOwned(db, organizationId, 'property', spec.propertyIds, '/propertyIds');
}

/** A release of a withdrawn document reaches nobody: refused. */
export const withdrawnProblem = (): HttpProblem =>
  new HttpProblem(400, 'document_withdrawn', 'The document is withdrawn; upload it again to release it.', {
    errors: [{ field: 'id', code: 'withdrawn', message: 'The document is withdrawn.' }],
  });
