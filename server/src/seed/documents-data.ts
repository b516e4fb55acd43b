// The demo's document categories (Dokumenttypen), the same tree for both organizations. A category says whom its
// releases reach by default, how they notify by default, whether the notice is mandatory (it reaches persons who
// chose no mails) and whether it is sensitive (mails never carry the title).

export interface CategorySpec {
  key: string;
  /** The name in Austria; `germany` where Germany says it otherwise (Krüger in Hamburg). */
  de: string;
  germany?: string;
  en: string;
  roles: 'tenant' | 'owner' | 'both';
  notify: 'immediate' | 'digest' | 'none';
  mandatory?: boolean;
  sensitive?: boolean;
  children?: CategorySpec[];
}

export const demoCategories: CategorySpec[] = [
  { key: 'bk', de: 'BK-Abrechnung', germany: 'Nebenkostenabrechnung', en: 'Operating-cost statement', roles: 'tenant', notify: 'immediate' },
  { key: 'charges', de: 'Vorschreibung', germany: 'Hausgeld und Miete', en: 'Charges', roles: 'both', notify: 'immediate' },
  {
    key: 'contracts', de: 'Verträge', en: 'Contracts', roles: 'both', notify: 'immediate',
    children: [
      { key: 'lease', de: 'Mietverträge', en: 'Leases', roles: 'tenant', notify: 'immediate' },
      { key: 'we', de: 'Wohnungseigentumsverträge', germany: 'Teilungserklärungen', en: 'Condominium agreements', roles: 'owner', notify: 'immediate' },
    ],
  },
  {
    key: 'minutes', de: 'Protokolle und Beschlüsse', en: 'Minutes and resolutions', roles: 'owner', notify: 'immediate', mandatory: true,
    children: [
      { key: 'assembly', de: 'Eigentümerversammlung', en: "Owners' meeting", roles: 'owner', notify: 'immediate', mandatory: true },
      { key: 'circular', de: 'Umlaufbeschlüsse', en: 'Circular resolutions', roles: 'owner', notify: 'immediate', mandatory: true },
    ],
  },
  { key: 'rules', de: 'Hausordnung', en: 'House rules', roles: 'both', notify: 'digest' },
  { key: 'plans', de: 'Pläne', en: 'Plans', roles: 'both', notify: 'digest' },
  { key: 'energy', de: 'Energieausweis', en: 'Energy certificate', roles: 'both', notify: 'digest' },
  { key: 'insurance', de: 'Versicherung', en: 'Insurance', roles: 'owner', notify: 'digest' },
  { key: 'dunning', de: 'Mahnungen', en: 'Payment reminders', roles: 'both', notify: 'immediate', sensitive: true },
  { key: 'other', de: 'Sonstiges', en: 'Other', roles: 'both', notify: 'digest' },
];
