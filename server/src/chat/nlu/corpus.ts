import type { ChatLang, IntentPhrase } from '../types.ts';
import { corpusDe } from './corpus-de.ts';
import { corpusEn } from './corpus-en.ts';

// The intent corpus: phrases of every fixed intent (data.*, nav.*, smalltalk.*, handover) in German and English.

const phrasesOf = (lang: ChatLang, corpus: Record<string, string[]>): IntentPhrase[] =>
  Object.entries(corpus).flatMap(([intent, texts]) => texts.map((text) => ({ intent, lang, text })));

/** Every phrase of the fixed intents, German first. */
export const intentPhrases: readonly IntentPhrase[] = [...phrasesOf('de', corpusDe), ...phrasesOf('en', corpusEn)];

/** The fixed intents the corpus knows (FAQ intents `faq.<key>` come from the organization). */
export const fixedIntents: readonly string[] = [...new Set(intentPhrases.map((p) => p.intent))];
