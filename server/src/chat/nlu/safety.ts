// Step 2 of the chat pipeline (issue 13): fixed emergency rules, checked before any matching and never dependent on
// it. A hit answers with the organization's emergency numbers and a button for an urgent damage report.
// The rules run on the normalized text (normalize.ts: lower case, umlauts folded, no punctuation).

/** The emergency rules, by name. */
export type SafetyRuleName = 'gas' | 'fire' | 'water' | 'power' | 'lift';

interface Rule {
  name: SafetyRuleName;
  /** Any of these is an emergency. */
  always: RegExp[];
  /** One of these is an emergency unless `unless` matches too (a gas bill is no gas leak). */
  weak?: RegExp[];
  unless?: RegExp;
}

const w = (source: string): RegExp => new RegExp(`(?:^| )(?:${source})(?= |$)`);

const liftWord = '(?:lift|aufzug|fahrstuhl|elevator)';
const smokeAlarm = '(?:rauchmelder|rauchwarnmelder|brandmelder|feuermelder|smoke alarm|smoke detector|fire alarm)';

const rules: Rule[] = [
  {
    name: 'gas',
    always: [
      w('gasgeruch|gasleck|gasaustritt|gasalarm'),
      w('(?:riecht|riechts|stinkt|stinkts|geruch) (?:\\w+ )?nach gas'),
      w('gas (?:riecht|stinkt|tritt aus|stroemt|zischt)'),
      w('(?:smell|smells|smelling|smelled|smelt) (?:of |like )?gas|gas (?:smell|smells|leak|leaking)|leaking gas'),
    ],
    weak: [w('gas')],
    unless: w(
      'rechnung|preis|preise|kosten|zaehler|zaehlerstand|ablesung|ablesen|abgelesen|anbieter|tarif|vertrag|abrechnung|' +
        'bill|price|prices|meter|reading|supplier|tariff|contract|station|anmelden|abmelden|umstellen',
    ),
  },
  {
    name: 'fire',
    always: [
      w('es brennt|brennt es|brennts|brandgeruch|flammen|qualm|qualmt|rauchentwicklung|verschmort|schmorgeruch'),
      w('(?:riecht|riechts|stinkt) (?:\\w+ )?(?:verbrannt|verschmort|angebrannt|brandig|nach rauch)'),
      w('on fire|flames|burning smell|smells? (?:of |like )?(?:burning|smoke)|smoky|there is a fire|theres a fire'),
      w('(?:there is|theres|i see|lots of|thick|black) smoke|smoke (?:is )?(?:coming|from|everywhere|in the)'),
      w(`${smokeAlarm} (?:schlaegt alarm|hat alarm|geht los|heult|ist losgegangen|is going off|went off|goes off)`),
    ],
    // A single word is an emergency unless the sentence is about light, smoking, a grill, a smoke detector's battery,
    // fire safety equipment or insurance ("Das Licht brennt", "Rauch von der Zigarette", "fire extinguisher").
    weak: [w('brand|feuer|rauch|brennt|brennen|fire|smoke|burning')],
    unless: w(
      'licht|lampe|lampen|beleuchtung|kerze|kerzen|light|lights|candle|candles|sonne|zigarette|zigaretten|tschick|' +
        'raucher|rauchen|grill|grillen|shisha|extinguisher|insurance|versicherung|door|exit|escape|drill|safety|' +
        'brigade|new|name|batterie|battery|piept|piepst|beeping|beeps|chirping|chirps|test|wartung',
    ),
  },
  {
    name: 'water',
    always: [
      w('wasserrohrbruch|rohrbruch|rohr (?:ist )?(?:geplatzt|gebrochen|geborsten)|geplatztes rohr'),
      w('wasser (?:spritzt|schiesst|sprudelt)|ueberschwemmung|ueberschwemmt|ueberflutet|ueberflutung|hochwasser'),
      w('(?:steht|stehen|steh) (?:\\w+ )?unter wasser'),
      // Water running (not dripping: that is a leak to report) through the ceiling or a wall.
      w('(?:wasser (?:rinnt|laeuft|kommt|stroemt)|(?:rinnt|laeuft|kommt|stroemt) wasser) (?:\\w+ )?(?:von|aus|durch) (?:der|die) (?:decke|wand)'),
      w('burst pipe|pipe (?:has )?burst|pipe burst|flood|flooded|flooding|water (?:is )?(?:gushing|spraying|pouring|running|coming) (?:\\w+ )?(?:from|through|out)'),
    ],
  },
  {
    name: 'power',
    always: [
      w('stromschlag|elektroschlag|funken|funkenflug'),
      w('kabel (?:liegt|liegen|haengt|haengen|ist|sind) (?:\\w+ )?(?:frei|blank)|freiliegende?s? kabel|blanke?s? kabel'),
      w('(?:liegt|liegen|haengt|haengen) (?:\\w+ ){0,3}kabel (?:\\w+ )?(?:frei|blank)'),
      w('electric shock|electrical shock|electrocuted|sparks|sparking|exposed (?:wire|wires|cable|cables)'),
    ],
  },
  {
    name: 'lift',
    always: [
      w(`${liftWord} (?:\\w+ ){0,4}(?:eingesperrt|eingeschlossen|gefangen|steckengeblieben|stecken geblieben)`),
      w(`(?:eingesperrt|eingeschlossen|gefangen|stecke|steckt|stecken|sitze|sitzt|sitzen) (?:\\w+ ){0,2}(?:im|in dem|in einem) ${liftWord}`),
      w(`(?:im|in dem|in einem) ${liftWord} (?:\\w+ ){0,2}(?:fest|feststecken|festsitzen|festgesteckt)`),
      w(`(?:stuck|trapped|locked) (?:in|inside) (?:the |an |a )?${liftWord}`),
      w(`${liftWord} (?:\\w+ ){0,3}(?:with|someone|somebody|people|person|child) (?:\\w+ ){0,3}(?:inside|in it|stuck|trapped)`),
    ],
  },
];

const matches = (rule: Rule, text: string): boolean =>
  rule.always.some((pattern) => pattern.test(text)) ||
  ((rule.weak ?? []).some((pattern) => pattern.test(text)) && !(rule.unless?.test(text) ?? false));

/**
 * The emergency rule a normalized message triggers (gas | fire | water | power | lift), or null.
 * Gas: Gasgeruch, "riecht nach Gas", "Gas" alone unless it is about a bill, meter or supplier; gas smell/leak.
 * Fire: Brand, Feuer, "es brennt", Rauch, Qualm, a burnt smell, a smoke alarm going off; fire, smoke, burning smell.
 * Not fire: compounds (Rauchfangkehrer, Feuerlöscher, Feuerversicherung), "rauchen", a smoke detector that beeps for
 * its battery, "das Licht brennt". Water: Wasserrohrbruch, Rohrbruch, "Wasser spritzt", Überschwemmung, "steht
 * unter Wasser", water running from the ceiling (dripping is a leak, no emergency); burst pipe, flood.
 * Power: Stromschlag, "Kabel liegt frei", Funken; electric shock, sparks, exposed wires. Lift: a person stuck or
 * locked in the lift (Lift, Aufzug, Fahrstuhl, elevator), not a lift that is merely out of order. Rules are whole
 * words of the normalized text; the source of the list is issue 13 ("Safety first").
 */
export function safetyRule(normalized: string): SafetyRuleName | null {
  return rules.find((rule) => matches(rule, normalized))?.name ?? null;
}
