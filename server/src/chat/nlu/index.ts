// The chat bot's language understanding (issue 13): normalize → safety rules → entities → retrieval → decision.

export { normalize, foldUmlauts, maxNormalizedLength } from './normalize.ts';
export { safetyRule, type SafetyRuleName } from './safety.ts';
export { extractEntities, amountToCents } from './entities.ts';
export { splitCompound, type Split } from './decompound.ts';
export { stopWords, courtesyWords, synonymGroups, synonymOf } from './lexicon.ts';
export { intentPhrases, fixedIntents } from './corpus.ts';
export { ChatMatcher, defaultParams, type DecisionParams } from './match.ts';
export { contentTerms, stem } from './terms.ts';
export { labelOf, intentLabels, maxLabelLength } from './labels.ts';
