import { configureLocalization, type LocaleModule } from '@lit/localize';
import type { Locale } from './context.js';
import { templates as coreGerman } from './locales/de.js';

type Templates = NonNullable<LocaleModule['templates']>;

interface LocalizationState {
  /** One mutable template table per target locale; packages merge into it. */
  templates: Record<string, Templates>;
  getLocale: () => string;
  setLocale: (locale: string) => Promise<void>;
}

// Symbol.for: a second copy of core on the same page finds the first one's configuration.
const KEY = Symbol.for('hausportal.localization');
const store = globalThis as unknown as Record<symbol, LocalizationState | undefined>;

export const sourceLocale: Locale = 'en';
export const defaultLocale: Locale = 'de';
export const locales: readonly Locale[] = ['de', 'en'];

function state(): LocalizationState {
  let current = store[KEY];
  if (!current) {
    const templates: Record<string, Templates> = { de: { ...coreGerman } };
    const { getLocale, setLocale } = configureLocalization({
      sourceLocale,
      targetLocales: ['de'],
      loadLocale: async (locale) => ({ templates: templates[locale] ?? {} }),
    });
    current = { templates, getLocale, setLocale };
    store[KEY] = current;
    void setLocale(documentLocale());
  }
  return current;
}

/** Makes sure localization is configured (once per page) and the default locale is on its way. */
export function ensureLocalization(): void {
  state();
}

/** Adds a package's translations, e.g. `registerTranslations('de', templates)` from its element module. */
export function registerTranslations(locale: Locale, templates: Templates): void {
  if (locale === sourceLocale) return;
  const table = (state().templates[locale] ??= {});
  Object.assign(table, templates);
}

/** Switches every Hausportal element on the page to `locale`; resolves when the texts are ready. */
export function setLocale(locale: Locale): Promise<void> {
  return state().setLocale(normalizeLocale(locale));
}

/** The active locale ('de' until another one is set). */
export function getLocale(): Locale {
  return normalizeLocale(state().getLocale());
}

/** 'de-AT', 'de', 'DE' -> 'de'; 'en-GB' -> 'en'; anything else -> the default 'de'. */
export function normalizeLocale(value: string | null | undefined): Locale {
  const lang = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return lang === 'en' ? 'en' : lang === 'de' ? 'de' : defaultLocale;
}

/** The locale of the page's `<html lang>`, falling back to German. */
export function documentLocale(): Locale {
  return normalizeLocale(globalThis.document?.documentElement.lang);
}
