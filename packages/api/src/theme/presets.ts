import type { LocalizedName, ThemeInput } from '../types.js';

/** A ready colour set to start from (`GET /admin/theme/presets` answers these with their derived tokens). */
export interface ThemePresetInput {
  key: string;
  name: LocalizedName;
  input: ThemeInput;
}

/**
 * The four ready colour sets. Chosen so that the light scheme keeps each brand colour as given (no adjustment);
 * the dark scheme lightens them.
 */
export const themePresets: ThemePresetInput[] = [
  {
    key: 'classic-blue',
    name: { de: 'Klassisch Blau', en: 'Classic blue' },
    input: { name: 'Klassisch Blau', primary: '#1f5fa8', accent: '#5b8fc9' },
  },
  {
    key: 'bordeaux-gold',
    name: { de: 'Bordeaux & Gold', en: 'Burgundy & gold' },
    input: { name: 'Bordeaux & Gold', primary: '#7b1e3a', accent: '#a8843f' },
  },
  {
    key: 'petrol-orange',
    name: { de: 'Petrol & Orange', en: 'Petrol & orange' },
    input: { name: 'Petrol & Orange', primary: '#0f5e6b', accent: '#c8641e' },
  },
  {
    key: 'green-sand',
    name: { de: 'Grün & Sand', en: 'Green & sand' },
    input: { name: 'Grün & Sand', primary: '#2e6a43', accent: '#9c7a4f', neutral: '#cdbf9f' },
  },
];
