import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FormDefinition, FormField, ReportUnit } from '@hausportal/api';
import { demoForms } from '../src/seed/forms-data.ts';
import { definitionProblems } from '../src/forms/definition.ts';
import { checkSubmission, type CheckedSubmission, type SubmissionInput, type SubmissionRejected } from '../src/forms/submission.ts';
import { componentValidator } from '../src/http/openapi-validate.ts';
import { apiSpecPath } from '../src/app.ts';

// The checks of a form definition beyond its schema, and of a submission against a form version, without a server.

const form = (key: string): FormDefinition => structuredClone(demoForms.find((f) => f.key === key)!);
const unitA: ReportUnit = { id: '11111111-1111-4111-8111-111111111111', propertyId: '22222222-2222-4222-8222-222222222222', label: 'Testgasse 1, Top 1', role: 'tenant' };
const unitB: ReportUnit = { id: '33333333-3333-4333-8333-333333333333', propertyId: '22222222-2222-4222-8222-222222222222', label: 'Testgasse 1, Top 2', role: 'owner' };

function run(definition: FormDefinition, values: unknown, more: Partial<SubmissionInput> = {}): SubmissionRejected | CheckedSubmission {
  return checkSubmission({ definition, values, staff: false, units: [unitA, unitB], credits: new Map(), unitId: null, consent: undefined, ...more });
}

function ok(definition: FormDefinition, values: unknown, more: Partial<SubmissionInput> = {}): CheckedSubmission {
  const result = run(definition, values, more);
  if ('errors' in result) assert.fail(`expected no errors, got ${JSON.stringify(result.errors)}`);
  return result;
}

function errors(definition: FormDefinition, values: unknown, more: Partial<SubmissionInput> = {}): { field: string; code: string }[] {
  const result = run(definition, values, more);
  assert.ok('errors' in result, `expected errors, got ${JSON.stringify(result)}`);
  return result.errors.map(({ field, code }) => ({ field, code }));
}

/** A form with one field of its own next to a text field. */
const single = (field: Partial<FormField> & Pick<FormField, 'type'>): FormDefinition => ({
  ...form('allgemeine-anfrage'),
  fields: [{ key: 'x', label: { de: 'X', en: 'X' }, required: true, ...field }],
});

const damage = { location: 'bad', category: 'sanitaer', problem: 'tropft' };
const schaden = (more: Record<string, unknown> = {}) => ({
  urgency: 'dringend', unit: unitA.id, damage, description: 'Der Wasserhahn im Bad tropft.', access: true, pets: false, phone: '+43 660 123 45 67', ...more,
});

describe('demo forms', () => {
  test('all five fit the schema and break none of the rules beyond it', () => {
    const schema = componentValidator(apiSpecPath, 'FormDefinition');
    assert.deepEqual(demoForms.map((f) => f.key), ['allgemeine-anfrage', 'fragen-abrechnung', 'schadensmeldung', 'dokumentenanforderung', 'guthabensanforderung']);
    for (const f of demoForms) {
      assert.deepEqual(schema.check(structuredClone(f)), [], f.key);
      assert.deepEqual(definitionProblems(f), [], f.key);
      assert.ok(f.privacy.notice.de.includes('Datenschutzbehörde') && f.privacy.notice.en.includes('complaint'), `${f.key}: Art. 13 information`);
    }
    assert.deepEqual(demoForms.filter((f) => f.privacy.consentRequired).map((f) => f.key), ['guthabensanforderung']);
    const s = form('schadensmeldung');
    assert.equal(s.fields[0]!.key, 'urgency', 'urgency comes first');
    assert.deepEqual(s.fields[0]!.options!.filter((o) => o.emergency).map((o) => o.value), ['notfall']);
  });
});

describe('definition rules beyond the schema', () => {
  const problemsOf = (d: FormDefinition) => definitionProblems(d).map((p) => p.field);

  test('field keys unique, showIf on an earlier field, options present and unique', () => {
    const d = form('schadensmeldung');
    d.fields[3]!.key = 'urgency';
    d.fields.find((f) => f.key === 'pets')!.showIf = { field: 'phone', equals: true };
    d.fields[0]!.options!.push({ value: 'normal', label: { de: 'Doppelt', en: 'Twice' } });
    assert.deepEqual(problemsOf(d), ['/fields/0/options/3/value', '/fields/3/key', '/fields/7/showIf/field']);
    assert.deepEqual(problemsOf(single({ type: 'multiselect' })), ['/fields/0/options']);
    assert.deepEqual(problemsOf(single({ type: 'select', options: [] })), ['/fields/0/options']);
  });

  test('cascade levels in order, parents naming options of the level before', () => {
    const d = form('schadensmeldung');
    const cascade = d.fields.find((f) => f.type === 'cascade')!;
    cascade.levels![1]!.options[0]!.parents = ['kueche', 'nirgends'];
    cascade.levels![0]!.options[0]!.parents = ['x'];
    assert.deepEqual(problemsOf(d), ['/fields/2/levels/0/options/0/parents', '/fields/2/levels/1/options/0/parents/1']);
    const swapped = form('schadensmeldung');
    const levels = swapped.fields[2]!.levels!;
    [levels[1], levels[2]] = [levels[2]!, levels[1]!];
    assert.ok(problemsOf(swapped).includes('/fields/2/levels/1/key') && problemsOf(swapped).includes('/fields/2/levels/2/key'));
  });

  test('prefill only on amount, slots, one subject, one urgency, one cascade, one unit', () => {
    assert.deepEqual(problemsOf(single({ type: 'number', prefill: 'credit' })), ['/fields/0/prefill']);
    assert.deepEqual(problemsOf(single({ type: 'timeslots', minSlots: 3, maxSlots: 2 })), ['/fields/0/maxSlots']);
    const d = form('schadensmeldung');
    d.fields.push(
      { key: 'subject2', type: 'text', label: { de: 'A', en: 'A' }, required: false, mapsTo: 'subject' },
      { key: 'subject3', type: 'text', label: { de: 'B', en: 'B' }, required: false, mapsTo: 'subject' },
      { key: 'urgency2', type: 'select', label: { de: 'C', en: 'C' }, required: false, mapsTo: 'urgency', options: [{ value: 'a', label: { de: 'a', en: 'a' } }] },
      { ...structuredClone(d.fields[2]!), key: 'damage2' },
      { key: 'unit2', type: 'unit', label: { de: 'D', en: 'D' }, required: false },
    );
    assert.deepEqual(problemsOf(d), ['/fields/11/mapsTo', '/fields/12/mapsTo', '/fields/13/type', '/fields/14/type']);
  });

  test('consent needs its text; the active window does not end before it begins', () => {
    const d = form('guthabensanforderung');
    delete d.privacy.consentText;
    d.activeFrom = '2026-05-01';
    d.activeUntil = '2026-04-30';
    assert.deepEqual(problemsOf(d), ['/privacy/consentText', '/activeUntil']);
  });
});

describe('submissions', () => {
  test('values must be an object; unknown keys and staff-only fields are refused', () => {
    assert.deepEqual(errors(form('allgemeine-anfrage'), [1, 2]), [{ field: '/values', code: 'type' }]);
    assert.deepEqual(errors(form('allgemeine-anfrage'), 'x'), [{ field: '/values', code: 'type' }]);
    const d = form('allgemeine-anfrage');
    d.fields.push({ key: 'intern', type: 'text', label: { de: 'Intern', en: 'Internal' }, required: true, staffOnly: true });
    const values = { subject: 'Frage', text: 'Text', extra: 1, intern: 'von mir' };
    assert.deepEqual(errors(d, values), [{ field: '/values/extra', code: 'unknown_field' }, { field: '/values/intern', code: 'staff_only' }]);
    // Staff may fill it; a resident need not, although it is required.
    const staff = ok(d, { subject: 'Frage', text: 'Text', intern: 'Notiz' }, { staff: true });
    assert.deepEqual(staff.fields.map((f) => f.key), ['subject', 'text', 'intern']);
    assert.deepEqual(ok(d, { subject: 'Frage', text: 'Text' }).fields.map((f) => f.key), ['subject', 'text']);
  });

  test('a full damage report: labels, display texts, keys, subject, hash', () => {
    const r = ok(form('schadensmeldung'), schaden({ since: '2026-12-07', description: '  Der   Wasserhahn\n im Bad TROPFT. ' }));
    assert.equal(r.subject, 'Schadensmeldung – Wasserhahn oder Leitung tropft');
    assert.deepEqual([r.location, r.category, r.problem, r.urgency, r.shared, r.unitId], ['bad', 'sanitaer', 'tropft', 'dringend', false, unitA.id]);
    const by = new Map(r.fields.map((f) => [f.key, f]));
    assert.deepEqual(r.fields.map((f) => f.key), ['urgency', 'unit', 'damage', 'since', 'description', 'access', 'pets', 'phone']);
    assert.deepEqual(by.get('urgency'), { key: 'urgency', type: 'select', label: { de: 'Dringlichkeit', en: 'Urgency' }, value: 'dringend', display: { de: 'Dringend', en: 'Urgent' } });
    assert.deepEqual(by.get('unit')!.display, { de: 'Testgasse 1, Top 1', en: 'Testgasse 1, Top 1' });
    assert.deepEqual(by.get('damage')!.value, damage);
    assert.deepEqual(by.get('damage')!.display, { de: 'Bad › Sanitär › Wasserhahn oder Leitung tropft', en: 'Bathroom › Plumbing › Tap or pipe dripping' });
    assert.deepEqual(by.get('since')!.display, { de: '7.12.2026', en: '7 Dec 2026' });
    assert.deepEqual(by.get('access')!.display, { de: 'Ja', en: 'Yes' });
    assert.deepEqual(by.get('pets')!.display, { de: 'Nein', en: 'No' });
    assert.equal(by.get('description')!.value, 'Der   Wasserhahn\n im Bad TROPFT.', 'trimmed');
    assert.equal(r.textHash, createHash('sha256').update('der wasserhahn im bad tropft.').digest('hex'));
    // The same text with other blanks and case has the same hash.
    assert.equal(ok(form('schadensmeldung'), schaden({ description: 'der wasserhahn im bad tropft.' })).textHash, r.textHash);
  });

  test('showIf: hidden fields are dropped whatever they hold; shown ones are checked', () => {
    // access = true shows pets and hides the time windows: an invalid time window is not even looked at.
    const r = ok(form('schadensmeldung'), schaden({ timeslots: 'kaputt' }));
    assert.ok(!r.fields.some((f) => f.key === 'timeslots'));
    // access = false: pets hidden (dropped), time windows shown and required.
    assert.deepEqual(errors(form('schadensmeldung'), schaden({ access: false, pets: true })), [{ field: '/values/timeslots', code: 'required' }]);
    const slots = [{ date: '2026-12-07', from: '08:00', to: '12:00' }, { date: '2026-12-08', from: '14:00', to: '18:30' }];
    const shown = ok(form('schadensmeldung'), schaden({ access: false, pets: true, timeslots: slots }));
    assert.deepEqual(shown.fields.map((f) => f.key), ['urgency', 'unit', 'damage', 'description', 'access', 'timeslots', 'phone']);
    assert.deepEqual(shown.fields.find((f) => f.key === 'timeslots')!.display, {
      de: 'Mo., 7.12.2026, 08:00–12:00; Di., 8.12.2026, 14:00–18:30',
      en: 'Mon, 7 Dec 2026, 08:00–12:00; Tue, 8 Dec 2026, 14:00–18:30',
    });
    // Payout shows IBAN and holder; offset drops them.
    const credit = form('guthabensanforderung');
    const more = { credits: new Map([[unitA.id, 12345]]), consent: true };
    const offset = ok(credit, { unit: unitA.id, choice: 'offset', iban: 'kein IBAN', account_holder: 'X' }, more);
    assert.deepEqual(offset.fields.map((f) => f.key), ['unit', 'credit', 'choice']);
    assert.deepEqual(errors(credit, { unit: unitA.id, choice: 'payout' }, more), [{ field: '/values/iban', code: 'required' }, { field: '/values/account_holder', code: 'required' }]);
  });

  test('showIf with `in`, and on a field that is itself hidden', () => {
    const d: FormDefinition = {
      ...form('allgemeine-anfrage'),
      fields: [
        { key: 'a', type: 'select', label: { de: 'A', en: 'A' }, required: true, options: ['x', 'y', 'z'].map((v) => ({ value: v, label: { de: v, en: v } })) },
        { key: 'b', type: 'yesno', label: { de: 'B', en: 'B' }, required: true, showIf: { field: 'a', in: ['x', 'y'] } },
        { key: 'c', type: 'text', label: { de: 'C', en: 'C' }, required: true, showIf: { field: 'b', equals: true } },
      ],
    };
    assert.deepEqual(errors(d, { a: 'y' }), [{ field: '/values/b', code: 'required' }]);
    assert.deepEqual(ok(d, { a: 'z', b: true, c: 'weg' }).fields.map((f) => f.key), ['a']);
    assert.deepEqual(errors(d, { a: 'x', b: true }), [{ field: '/values/c', code: 'required' }]);
  });

  test('cascade: each level among its options and offered under its parent', () => {
    const d = form('schadensmeldung');
    const e = (value: unknown) => errors(d, schaden({ damage: value }));
    assert.deepEqual(e({ location: 'bad', category: 'sanitaer', problem: 'steht' }), [{ field: '/values/damage/problem', code: 'parent' }]);
    assert.deepEqual(e({ location: 'keller', category: 'lift', problem: 'steht' }), [{ field: '/values/damage/category', code: 'parent' }]);
    assert.deepEqual(e({ location: 'sauna', category: 'sanitaer', problem: 'tropft' }), [{ field: '/values/damage/location', code: 'not_an_option' }]);
    assert.deepEqual(e({ location: 'bad', category: 'sanitaer' }), [{ field: '/values/damage/problem', code: 'required' }]);
    assert.deepEqual(e({ location: 'bad', category: 'sanitaer', problem: 'tropft', extra: 'x' }), [{ field: '/values/damage/extra', code: 'unknown_field' }]);
    assert.deepEqual(e('bad'), [{ field: '/values/damage', code: 'type' }]);
    assert.deepEqual(e({}), [{ field: '/values/damage', code: 'required' }]);
    // A problem without parents is offered under every category; the lift only in the lift.
    const other = ok(d, schaden({ damage: { location: 'lift', category: 'lift', problem: 'anderes' }, unit: undefined }));
    assert.deepEqual([other.location, other.category, other.problem, other.shared, other.unitId], ['lift', 'lift', 'anderes', true, null]);
    assert.equal(other.subject, 'Schadensmeldung – Anderes Problem');
  });

  test('unit: from my units; needed inside the apartment, not for a common area; the request unit counts', () => {
    const d = form('schadensmeldung');
    assert.deepEqual(errors(d, schaden({ unit: '44444444-4444-4444-8444-444444444444' })), [{ field: '/values/unit', code: 'not_my_unit' }]);
    assert.deepEqual(errors(d, schaden({ unit: undefined })), [{ field: '/values/unit', code: 'required' }]);
    assert.equal(ok(d, schaden({ unit: undefined }), { unitId: unitB.id }).unitId, unitB.id);
    assert.deepEqual(errors(d, schaden(), { unitId: unitB.id }), [{ field: '/values/unit', code: 'unit_mismatch' }]);
    const stairs = ok(d, schaden({ unit: undefined, damage: { location: 'stiegenhaus', category: 'elektro', problem: 'licht' } }));
    assert.deepEqual([stairs.shared, stairs.unitId], [true, null]);
    // unitRequired on a form without a unit field: the request's unit.
    const d2 = form('fragen-abrechnung');
    d2.fields = d2.fields.filter((f) => f.type !== 'unit');
    assert.deepEqual(errors(d2, { statement: 'heizkosten', year: 2025, question: 'Warum?' }), [{ field: '/unit', code: 'required' }]);
    assert.equal(ok(d2, { statement: 'heizkosten', year: 2025, question: 'Warum?' }, { unitId: unitA.id }).unitId, unitA.id);
  });

  test('a required unit field left empty takes the request\'s unit; both given and different stays unit_mismatch', () => {
    const d = form('fragen-abrechnung');
    const values = { statement: 'heizkosten', year: 2025, question: 'Warum?' };
    assert.deepEqual(errors(d, values), [{ field: '/values/unit', code: 'required' }]);
    const r = ok(d, values, { unitId: unitA.id });
    assert.equal(r.unitId, unitA.id);
    assert.deepEqual(r.fields.find((f) => f.key === 'unit'), { key: 'unit', type: 'unit', label: d.fields[0]!.label, value: unitA.id, display: { de: unitA.label, en: unitA.label } });
    assert.equal(ok(d, { ...values, unit: unitA.id }, { unitId: unitA.id }).unitId, unitA.id);
    assert.deepEqual(errors(d, { ...values, unit: unitB.id }, { unitId: unitA.id }), [{ field: '/values/unit', code: 'unit_mismatch' }]);
    const credit = form('guthabensanforderung');
    assert.equal(ok(credit, { choice: 'offset' }, { unitId: unitA.id, credits: new Map([[unitA.id, 500]]), consent: true }).unitId, unitA.id);
  });

  test('a form without a subject field: the subject from its first values, not its name', () => {
    assert.equal(ok(form('dokumentenanforderung'), { document: 'bk-abrechnung', period: '2025' }).subject, 'BK-Abrechnung 2025');
    assert.equal(ok(form('fragen-abrechnung'), { statement: 'heizkosten', year: 2025, question: 'Warum so hoch?' }, { unitId: unitA.id }).subject, 'Heizkostenabrechnung 2025');
    assert.equal(ok(form('schadensmeldung'), schaden()).subject, 'Schadensmeldung – Wasserhahn oder Leitung tropft');
    // Staff-only values never make up the subject residents see; without any value the form's title stays.
    const d = single({ type: 'select', staffOnly: true, options: [{ value: 'a', label: { de: 'Intern A', en: 'Internal A' } }] });
    d.fields.push({ key: 'text', type: 'textarea', label: { de: 'Text', en: 'Text' }, required: true });
    assert.equal(ok(d, { x: 'a', text: 'Hallo' }, { staff: true }).subject, d.title.de);
  });

  test('prefilled credit comes from my balance, never from the client; no credit → no_credit; consent', () => {
    const d = form('guthabensanforderung');
    const values = { unit: unitA.id, credit: 99999999, choice: 'payout', iban: 'at61 1904 3002 3457 3201', account_holder: 'Tina Test' };
    const r = ok(d, values, { credits: new Map([[unitA.id, 123456]]), consent: true });
    const credit = r.fields.find((f) => f.key === 'credit')!;
    assert.equal(credit.value, 123456);
    assert.deepEqual(credit.display, { de: '1.234,56 €', en: '€1,234.56' });
    const iban = r.fields.find((f) => f.key === 'iban')!;
    assert.equal(iban.value, 'AT611904300234573201', 'stored without blanks, upper case');
    assert.deepEqual(iban.display, { de: 'AT61 1904 3002 3457 3201', en: 'AT61 1904 3002 3457 3201' });
    assert.equal(r.subject, 'Guthaben 1.234,56 € – Auszahlung');
    assert.equal(ok(d, { unit: unitA.id, choice: 'offset' }, { credits: new Map([[unitA.id, 12840]]), consent: true }).subject, 'Guthaben 128,40 € – Verrechnung mit der nächsten Vorschreibung');
    assert.deepEqual(errors(d, values, { credits: new Map([[unitB.id, 500]]), consent: true }), [{ field: '/values/credit', code: 'no_credit' }]);
    assert.deepEqual(errors(d, values, { credits: new Map([[unitA.id, 500]]) }), [{ field: '/consent', code: 'consent_required' }]);
    assert.deepEqual(errors(d, values, { credits: new Map([[unitA.id, 500]]), consent: false }), [{ field: '/consent', code: 'consent_required' }]);
  });

  test('IBAN: mod-97 checked; valid Austrian and German IBANs pass, one changed digit fails', () => {
    const d = single({ type: 'iban' });
    for (const [given, stored] of [
      ['AT611904300234573201', 'AT611904300234573201'],
      ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
      ['de89370400440532013000', 'DE89370400440532013000'],
    ]) assert.equal(ok(d, { x: given }).fields[0]!.value, stored, given);
    for (const bad of ['AT611904300234573202', 'DE89370400440532013001', 'AT61190430023457320', 'XX611904300234573201', 'IBAN']) {
      assert.deepEqual(errors(d, { x: bad }), [{ field: '/values/x', code: 'iban' }], bad);
    }
    assert.deepEqual(errors(d, { x: 611904300 }), [{ field: '/values/x', code: 'type' }]);
  });

  test('text, textarea, email, phone', () => {
    assert.deepEqual(errors(single({ type: 'text' }), { x: 'a'.repeat(501) }), [{ field: '/values/x', code: 'too_long' }]);
    assert.equal(ok(single({ type: 'text' }), { x: `  ${'a'.repeat(500)}  ` }).fields[0]!.value, 'a'.repeat(500));
    assert.deepEqual(errors(single({ type: 'text', maxLength: 5 }), { x: 'abcdef' }), [{ field: '/values/x', code: 'too_long' }]);
    assert.deepEqual(errors(single({ type: 'text' }), { x: 'zwei\nZeilen' }), [{ field: '/values/x', code: 'format' }]);
    assert.equal(ok(single({ type: 'textarea' }), { x: 'zwei\nZeilen' }).fields[0]!.value, 'zwei\nZeilen');
    assert.deepEqual(errors(single({ type: 'textarea' }), { x: 'a'.repeat(5001) }), [{ field: '/values/x', code: 'too_long' }]);
    assert.deepEqual(errors(single({ type: 'text' }), { x: 5 }), [{ field: '/values/x', code: 'type' }]);
    assert.deepEqual(errors(single({ type: 'text' }), { x: '   ' }), [{ field: '/values/x', code: 'required' }]);
    assert.equal(ok(single({ type: 'email' }), { x: 'tina@example.test' }).fields[0]!.value, 'tina@example.test');
    assert.deepEqual(errors(single({ type: 'email' }), { x: 'tina@' }), [{ field: '/values/x', code: 'format' }]);
    assert.equal(ok(single({ type: 'phone' }), { x: '+43 (1) 890-12/34' }).fields[0]!.value, '+43 (1) 890-12/34');
    for (const bad of ['1234', 'ruf an', '+43 1 890 12 34 ext 5']) assert.deepEqual(errors(single({ type: 'phone' }), { x: bad }), [{ field: '/values/x', code: 'format' }], bad);
  });

  test('number, amount, date', () => {
    const n = single({ type: 'number', min: 0, max: 2000, decimals: 1 });
    assert.deepEqual(ok(n, { x: 1234.5 }).fields[0]!.display, { de: '1.234,5', en: '1,234.5' });
    assert.deepEqual(errors(n, { x: 1.25 }), [{ field: '/values/x', code: 'decimals' }]);
    // Whole numbers below 10,000 (years, counts) are not grouped; larger ones are.
    assert.deepEqual(ok(n, { x: 1999 }).fields[0]!.display, { de: '1999', en: '1999' });
    const big = single({ type: 'number' });
    assert.deepEqual(ok(big, { x: 9999 }).fields[0]!.display, { de: '9999', en: '9999' });
    assert.deepEqual(ok(big, { x: 10000 }).fields[0]!.display, { de: '10.000', en: '10,000' });
    assert.deepEqual(ok(big, { x: -2500 }).fields[0]!.display, { de: '-2500', en: '-2500' });
    assert.deepEqual(ok(form('fragen-abrechnung'), { statement: 'heizkosten', year: 2025, question: 'Warum?' }, { unitId: unitA.id }).fields.find((f) => f.key === 'year')!.display, { de: '2025', en: '2025' });
    assert.deepEqual(errors(n, { x: -1 }), [{ field: '/values/x', code: 'too_small' }]);
    assert.deepEqual(errors(n, { x: 2001 }), [{ field: '/values/x', code: 'too_large' }]);
    assert.deepEqual(errors(n, { x: '12' }), [{ field: '/values/x', code: 'type' }]);
    assert.equal(ok(n, { x: 0 }).fields[0]!.value, 0, 'zero is a value');
    const a = single({ type: 'amount' });
    assert.deepEqual(ok(a, { x: 5 }).fields[0]!.display, { de: '0,05 €', en: '€0.05' });
    assert.deepEqual(ok(a, { x: 123456789 }).fields[0]!.display, { de: '1.234.567,89 €', en: '€1,234,567.89' });
    for (const bad of [-1, 1.5, '100']) assert.deepEqual(errors(a, { x: bad }), [{ field: '/values/x', code: 'type' }], String(bad));
    const d = single({ type: 'date' });
    assert.equal(ok(d, { x: '2028-02-29' }).fields[0]!.value, '2028-02-29');
    for (const bad of ['2026-02-29', '2026-13-01', '7.12.2026', '2026-12-7']) assert.deepEqual(errors(d, { x: bad }), [{ field: '/values/x', code: 'date' }], bad);
  });

  test('select, multiselect, yes/no', () => {
    const options = ['rot', 'gruen', 'blau'].map((v) => ({ value: v, label: { de: v.toUpperCase(), en: v } }));
    assert.deepEqual(errors(single({ type: 'select', options }), { x: 'gelb' }), [{ field: '/values/x', code: 'not_an_option' }]);
    const m = single({ type: 'multiselect', options });
    const r = ok(m, { x: ['blau', 'rot', 'blau'] }).fields[0]!;
    assert.deepEqual([r.value, r.display], [['rot', 'blau'], { de: 'ROT, BLAU', en: 'rot, blau' }]);
    assert.deepEqual(errors(m, { x: ['rot', 'gelb'] }), [{ field: '/values/x', code: 'not_an_option' }]);
    assert.deepEqual(errors(m, { x: [] }), [{ field: '/values/x', code: 'required' }]);
    assert.deepEqual(errors(m, { x: 'rot' }), [{ field: '/values/x', code: 'type' }]);
    const y = single({ type: 'yesno' });
    assert.equal(ok(y, { x: false }).fields[0]!.value, false, 'no is an answer');
    assert.deepEqual(errors(y, { x: 'ja' }), [{ field: '/values/x', code: 'type' }]);
  });

  test('time windows: between minSlots and maxSlots, each a real day with from < to', () => {
    const t = single({ type: 'timeslots', minSlots: 2, maxSlots: 3 });
    const slot = (date: string, from: string, to: string) => ({ date, from, to });
    assert.deepEqual(errors(t, { x: [slot('2026-12-07', '08:00', '12:00')] }), [{ field: '/values/x', code: 'too_few' }]);
    assert.deepEqual(errors(t, { x: Array.from({ length: 4 }, () => slot('2026-12-07', '08:00', '12:00')) }), [{ field: '/values/x', code: 'too_many' }]);
    assert.deepEqual(errors(t, { x: [slot('2026-12-07', '12:00', '08:00'), slot('2026-02-30', '8:00', '24:00')] }), [
      { field: '/values/x/0/to', code: 'too_small' },
      { field: '/values/x/1/date', code: 'date' },
      { field: '/values/x/1/from', code: 'format' },
      { field: '/values/x/1/to', code: 'format' },
    ]);
    assert.deepEqual(errors(t, { x: [slot('2026-12-07', '08:00', '09:00'), { ...slot('2026-12-07', '10:00', '11:00'), note: 'x' }] }), [{ field: '/values/x/1', code: 'type' }]);
  });

  test('info fields never have a value', () => {
    const values = { unit: unitA.id, choice: 'offset', note: 'Hallo' };
    assert.deepEqual(errors(form('guthabensanforderung'), values, { credits: new Map([[unitA.id, 1]]), consent: true }), [{ field: '/values/note', code: 'no_value' }]);
  });

  test('subject from the field mapped to it, at most 200 characters', () => {
    const r = ok(form('allgemeine-anfrage'), { subject: '  Frage zum Keller  ', text: 'Wer hat den Schlüssel?' });
    assert.equal(r.subject, 'Frage zum Keller');
    assert.deepEqual([r.location, r.category, r.problem, r.urgency, r.shared, r.unitId], [null, null, null, null, false, null]);
    const long = form('allgemeine-anfrage');
    long.fields[1]!.maxLength = 500;
    assert.equal(ok(long, { subject: 'x'.repeat(300), text: 'y' }).subject.length, 200);
    assert.equal(ok(form('dokumentenanforderung'), { document: 'kontoauszug', period: '2025' }).textHash !== null, true);
    assert.equal(ok(single({ type: 'yesno' }), { x: true }).textHash, null, 'no text, no hash');
  });
});
