import type { TicketStatus } from '@hausportal/api';

// The demo's tickets as data: who reported what on which form, with which values, photos and thread. Times are
// relative to the seed's clock in the organization's time zone (`[days ago, 'HH:MM']`, always a past day), dates in
// values relative to the organization's today. ImmoPro (Vienna) writes Austrian German, Krüger (Hamburg) German.
// seed/tickets.ts turns each spec into the rows the API would have written.

/** `[days before today, 'HH:MM']` in the organization's time zone; days ≥ 1, so every instant lies in the past. */
export type When = [daysAgo: number, time: string];

/** A generated photo: a simple drawing of the damage with a caption; PNG when the name ends in .png, else JPEG. */
export interface PhotoSpec {
  name: string;
  scene: 'stain' | 'stain-grown' | 'door' | 'radiator' | 'lift' | 'wall' | 'rack' | 'cistern' | 'light';
  caption: string;
}

export type ThreadStep =
  | { at: When; comment: string; by: 'resident' | 'staff'; internal?: boolean; photos?: PhotoSpec[] }
  | {
      at: When; status: TicketStatus; by?: 'resident' | 'staff' | 'system';
      reason?: string; internal?: boolean; code?: 'withdrawn' | 'confirmed' | 'reopened' | 'auto_closed';
      /** For `waiting`: days after today until which it waits. */
      waitingDays?: number;
    }
  /** A release of the document (title in the reporter's organization) to the reporter, fulfilling the ticket. */
  | { at: When; document: string; reply: string };

export interface TicketSpec {
  /** Stable name of the spec, for tests and the README. */
  ref: string;
  org: 'immopro' | 'krueger';
  reporter: string;
  property: string;
  /** The unit's Top; absent for a report on a common area. */
  top?: string;
  form: string;
  subject: string;
  /** Field key → value as submitted (the `unit` field is filled from `top`, a `credit` prefill from the account). */
  values: Record<string, unknown>;
  created: When;
  /** portal (default), or taken by staff on the phone. */
  source?: 'portal' | 'phone';
  photos?: PhotoSpec[];
  thread: ThreadStep[];
  rating?: { stars: number; comment?: string; at: When };
  /** The reporter has not yet read the last public staff entry (unread dot). */
  residentUnread?: boolean;
  /** Staff have not yet read the resident's last comment (the manager's "unread" filter). */
  staffUnread?: boolean;
}

/** What the texts may depend on: the organization's current year and its today shifted by days. */
export interface SpecClock {
  y: number;
  day: (offset: number) => string;
}

const weekdays = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];

/** The first working day (Monday to Friday) at least `offset` days after today, as "Donnerstag, 12.03.". */
function workingDayName(day: SpecClock['day'], offset: number): string {
  for (let d = offset; ; d++) {
    const date = day(d);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return `${weekdays[weekday]}, ${date.slice(8, 10)}.${date.slice(5, 7)}.`;
  }
}

const immopro = 'Wohnhausanlage Naschmarkt';
const hamburg = 'Fischmarkt-Höfe';

/** The demo tickets; numbers are given by creation time per organization and year. */
export const demoTickets = ({ y, day }: SpecClock): TicketSpec[] => [
  // Katharina Huber, tenant of Top 7 (ImmoPro): one ticket in every status, and her report about the lift.
  {
    ref: 'huber-closed', org: 'immopro', reporter: 'Katharina Huber', property: immopro, top: '7', form: 'dokumentenanforderung',
    subject: 'Energieausweis für den Wohnbeihilfe-Antrag',
    values: { document: 'sonstiges', period: 'aktuell', note: 'Für meinen Antrag auf Wohnbeihilfe bei der MA 50 brauche ich den Energieausweis meiner Wohnung. Danke!' },
    created: [47, '19:42'],
    thread: [
      { at: [46, '09:15'], status: 'in_progress', by: 'staff' },
      { at: [45, '11:03'], document: 'Energieausweis Top 7', reply: 'Sehr geehrte Frau Huber, den Energieausweis für Top 7 haben wir Ihnen unter „Dokumente“ bereitgestellt. Viel Erfolg mit dem Antrag!' },
      { at: [45, '11:04'], status: 'done', by: 'staff', reason: 'Dokument bereitgestellt.' },
      { at: [44, '20:10'], comment: 'Vielen Dank, hat alles geklappt.', by: 'resident' },
      { at: [44, '20:11'], status: 'closed', by: 'resident', code: 'confirmed' },
    ],
    rating: { stars: 5, comment: 'Sehr schnell erledigt.', at: [44, '20:12'] },
  },
  {
    ref: 'huber-rejected', org: 'immopro', reporter: 'Katharina Huber', property: immopro, top: '7', form: 'allgemeine-anfrage',
    subject: 'Markise am Balkon montieren',
    values: { subject: 'Markise am Balkon montieren', text: 'Grüß Gott, darf ich am Balkon eine Markise montieren lassen? Im Sommer wird es im Wohnzimmer sehr heiß. Die Montage würde ein Fachbetrieb übernehmen.' },
    created: [24, '08:31'],
    thread: [
      { at: [23, '10:20'], status: 'in_progress', by: 'staff' },
      { at: [23, '10:22'], comment: 'Sehr geehrte Frau Huber, wir klären das mit der Eigentümergemeinschaft und melden uns.', by: 'staff' },
      { at: [23, '10:25'], comment: 'Markisen an der Straßenseite: laut Protokoll EV (TOP 3) nicht genehmigt. Nachfragen, ob hofseitig – Top 7 ist straßenseitig.', by: 'staff', internal: true },
      { at: [15, '14:02'], status: 'rejected', by: 'staff', internal: true, reason: 'Eigentümergemeinschaft hat Markisen an der Straßenfassade abgelehnt; Mieterin am 15. telefonisch informiert, Brief folgt.' },
    ],
  },
  {
    ref: 'huber-waiting', org: 'immopro', reporter: 'Katharina Huber', property: immopro, top: '7', form: 'fragen-abrechnung',
    subject: `Liftkosten in der BK-Abrechnung ${y - 1}`,
    values: { statement: 'betriebskosten', year: y - 1, question: `In meiner Betriebskostenabrechnung ${y - 1} ist die Position „Lift“ um fast 40 % höher als im Jahr davor. Können Sie mir bitte erklären, woran das liegt?` },
    created: [12, '21:05'],
    thread: [
      { at: [11, '09:40'], status: 'in_progress', by: 'staff' },
      { at: [11, '09:48'], comment: 'Rechnung Liftservice Danubia im Dezember zweimal verbucht? Buchhaltung (S. Leitner) prüft das Konto 510600.', by: 'staff', internal: true },
      { at: [10, '15:30'], comment: 'Sehr geehrte Frau Huber, im Vorjahr war die Hauptuntersuchung des Lifts fällig, daher die höheren Kosten. Wir prüfen die Rechnungen noch einmal und melden uns.', by: 'staff' },
      { at: [10, '15:31'], status: 'waiting', by: 'staff', reason: 'Wir warten auf die Rechnungskopie des Liftunternehmens.', waitingDays: 10 },
    ],
    residentUnread: true,
  },
  {
    ref: 'huber-in-progress', org: 'immopro', reporter: 'Katharina Huber', property: immopro, top: '7', form: 'schadensmeldung',
    subject: 'Wasserfleck an der Küchendecke',
    values: {
      urgency: 'dringend', damage: { location: 'kueche', category: 'feuchtigkeit-schimmel', problem: 'wasserfleck' }, since: day(-7),
      description: 'An der Küchendecke über dem Herd ist ein brauner Wasserfleck, etwa so groß wie ein Teller. Er fühlt sich feucht an. Vielleicht kommt das Wasser aus der Wohnung darüber?',
      access: false, timeslots: [{ date: day(2), from: '08:00', to: '12:00' }, { date: day(3), from: '14:00', to: '18:00' }], phone: '+43 664 1234567',
    },
    created: [6, '07:52'],
    photos: [{ name: 'Küche Wasserfleck.jpg', scene: 'stain', caption: 'Küche – Wasserfleck' }],
    thread: [
      { at: [5, '08:30'], status: 'in_progress', by: 'staff' },
      { at: [5, '08:35'], comment: 'Sehr geehrte Frau Huber, danke für die Meldung. Wir haben einen Installateur beauftragt und auch die darüberliegende Wohnung verständigt. Der Installateur meldet sich telefonisch bei Ihnen.', by: 'staff' },
      { at: [5, '08:41'], comment: 'Vermutlich Leitung im Bad Top 9 (Eigentum Dr. Wagner). Schaden an die Donau-Alpen Versicherung melden, Polizze Naschmarkt.', by: 'staff', internal: true },
      { at: [2, '18:20'], comment: 'Der Fleck ist seit gestern deutlich größer geworden, siehe Foto.', by: 'resident', photos: [{ name: 'Wasserfleck größer.jpg', scene: 'stain-grown', caption: 'Zwei Tage später' }] },
    ],
    staffUnread: true,
  },
  {
    ref: 'huber-done', org: 'immopro', reporter: 'Katharina Huber', property: immopro, top: '7', form: 'schadensmeldung',
    subject: 'Balkontür schließt nicht mehr',
    values: {
      urgency: 'normal', damage: { location: 'balkon', category: 'fenster-tueren', problem: 'schliesst-nicht' },
      description: 'Die Balkontür lässt sich nur noch mit Kraft schließen, der Griff geht nicht mehr ganz nach unten. Es zieht.',
      access: true, pets: false, phone: '+43 664 1234567',
    },
    created: [9, '17:14'],
    photos: [{ name: 'Balkontür.jpg', scene: 'door', caption: 'Balkontür Top 7' }],
    thread: [
      { at: [8, '10:05'], status: 'in_progress', by: 'staff' },
      { at: [8, '10:07'], comment: 'Sehr geehrte Frau Huber, die Tischlerei Holzer kommt am Dienstag zwischen 8 und 12 Uhr. Da Sie den Zutritt erlaubt haben, sperrt der Hausbetreuer auf, falls Sie nicht da sind.', by: 'staff' },
      { at: [3, '13:30'], status: 'done', by: 'staff', reason: 'Die Tischlerei hat den Beschlag getauscht und die Tür neu eingestellt. Bitte bestätigen Sie, dass alles passt.' },
    ],
    residentUnread: true,
  },
  {
    // The lift on her staircase stops between floors (building-wide); the chat bot answers "Wann wird der Lift
    // repariert?" from it: in progress, and the day the lift company comes.
    ref: 'huber-lift', org: 'immopro', reporter: 'Katharina Huber', property: immopro, form: 'schadensmeldung',
    subject: 'Lift bleibt zwischen 2. und 3. Stock stehen',
    values: {
      urgency: 'dringend', damage: { location: 'lift', category: 'lift', problem: 'steht' }, since: day(-9),
      description: 'Der Lift auf Stiege 1 bleibt immer wieder zwischen dem 2. und 3. Stock stehen und fährt erst nach ein paar Minuten weiter. Heute früh ist eine ältere Nachbarin darin gestanden.',
      access: true, pets: false, phone: '+43 664 1234567',
    },
    created: [8, '18:05'],
    thread: [
      { at: [7, '08:40'], status: 'in_progress', by: 'staff' },
      { at: [7, '08:46'], comment: `Sehr geehrte Frau Huber, danke für die Meldung. Der Liftservice Danubia hat die Störung geprüft: Die Türsteuerung muss getauscht werden, das Ersatzteil ist bestellt. Die Techniker kommen am ${workingDayName(day, 3)} zwischen 8 und 12 Uhr und tauschen sie. Bis dahin ist der Lift in Betrieb.`, by: 'staff' },
      { at: [7, '08:50'], comment: 'Liftservice Danubia Auftrag LD-44791, Türsteuerung Stiege 1; Kosten laut Wartungsvertrag.', by: 'staff', internal: true },
    ],
  },
  {
    ref: 'huber-new', org: 'immopro', reporter: 'Katharina Huber', property: immopro, top: '7', form: 'guthabensanforderung',
    subject: 'Guthabensanforderung',
    values: { choice: 'payout', iban: 'AT483200000012345864', account_holder: 'Katharina Huber' },
    created: [1, '20:47'],
    thread: [],
  },

  // Markus Lehner, tenant of Top W2 (ImmoPro).
  {
    ref: 'lehner-new', org: 'immopro', reporter: 'Markus Lehner', property: immopro, top: 'W2', form: 'schadensmeldung',
    subject: 'Heizkörper im Schlafzimmer bleibt kalt',
    values: {
      urgency: 'dringend', damage: { location: 'zimmer', category: 'heizung-warmwasser', problem: 'kalt' }, since: day(-3),
      description: 'Der Heizkörper im Schlafzimmer bleibt seit drei Tagen kalt, obwohl das Ventil ganz offen ist. Entlüften habe ich schon probiert.',
      access: true, pets: true, phone: '+43 676 9876543',
    },
    created: [1, '07:12'],
    photos: [{ name: 'Heizkörper Schlafzimmer.png', scene: 'radiator', caption: 'Heizkörper Schlafzimmer' }],
    thread: [],
  },
  {
    ref: 'lehner-in-progress', org: 'immopro', reporter: 'Markus Lehner', property: immopro, top: 'W2', form: 'allgemeine-anfrage',
    subject: 'Zweiter Schlüssel für den Fahrradraum',
    values: { subject: 'Zweiter Schlüssel für den Fahrradraum', text: 'Servus, meine Lebensgefährtin bräuchte einen eigenen Schlüssel für den Fahrradraum. Kann ich einen zweiten Schlüssel bekommen?' },
    created: [4, '12:26'],
    thread: [
      { at: [3, '09:10'], status: 'in_progress', by: 'staff' },
      { at: [3, '09:14'], comment: 'Sehr geehrter Herr Lehner, der Hausbetreuer Herr Novak kann Ihnen am Donnerstag ab 16 Uhr einen zweiten Schlüssel übergeben. Laut Schlüsselliste kostet er 18 Euro.', by: 'staff' },
      { at: [3, '09:16'], comment: 'Mieterkonto Top W2 im Rückstand (2. Mahnstufe) – Schlüsselkosten nicht über die Vorschreibung, nur bar bei Übergabe.', by: 'staff', internal: true },
      { at: [2, '19:03'], comment: 'Passt, Donnerstag ist gut. Danke!', by: 'resident' },
    ],
  },
  {
    ref: 'lehner-closed', org: 'immopro', reporter: 'Markus Lehner', property: immopro, top: 'W2', form: 'schadensmeldung',
    subject: 'WC-Spülung läuft ständig nach',
    values: {
      urgency: 'normal', damage: { location: 'wc', category: 'sanitaer', problem: 'wc-spuelung' },
      description: 'Die WC-Spülung rinnt nach jedem Spülen minutenlang nach.',
      access: false, timeslots: [{ date: day(-16), from: '07:00', to: '09:00' }, { date: day(-15), from: '17:00', to: '20:00' }], phone: '+43 676 9876543',
    },
    created: [19, '06:58'],
    photos: [{ name: 'Spülkasten.jpg', scene: 'cistern', caption: 'Spülkasten WC' }],
    thread: [
      { at: [18, '11:00'], status: 'in_progress', by: 'staff' },
      { at: [18, '11:02'], comment: 'Sehr geehrter Herr Lehner, der Installateur kommt in einem Ihrer Zeitfenster.', by: 'staff' },
      { at: [15, '18:40'], status: 'done', by: 'staff', reason: 'Füllventil und Dichtung im Spülkasten getauscht.' },
      { at: [13, '08:05'], status: 'closed', by: 'resident', code: 'confirmed' },
    ],
    rating: { stars: 4, at: [13, '08:06'] },
  },

  // Markus Lehner, owner of W5 (Krüger, Hamburg): owners see every status.
  {
    ref: 'lehner-waiting', org: 'krueger', reporter: 'Markus Lehner', property: hamburg, top: 'W5', form: 'schadensmeldung',
    subject: 'Feuchte Wand im Schlafzimmer unter dem Dach',
    values: {
      urgency: 'normal', damage: { location: 'zimmer', category: 'feuchtigkeit-schimmel', problem: 'feuchte-wand' }, since: day(-30),
      description: 'Meine Mieterin meldet eine feuchte Stelle an der Außenwand im Schlafzimmer, direkt unter der Dachrinne. Nach Regen wird sie größer.',
      access: false, timeslots: [{ date: day(4), from: '10:00', to: '12:00' }, { date: day(5), from: '15:00', to: '17:00' }], phone: '+43 676 9876543',
    },
    created: [16, '10:18'],
    photos: [{ name: 'Feuchte Wand W5.jpg', scene: 'wall', caption: 'Schlafzimmer W5' }],
    thread: [
      { at: [15, '08:50'], status: 'in_progress', by: 'staff' },
      { at: [15, '09:00'], comment: 'Sehr geehrter Herr Lehner, wir haben die Dachdeckerei Ohlsen mit der Prüfung der Dachrinne beauftragt.', by: 'staff' },
      { at: [12, '16:45'], comment: 'Ohlsen: Rinnenkessel korrodiert, Angebot ca. 6.800 € – über 5.000 € braucht es einen Beschluss (Umlaufbeschluss vorbereiten).', by: 'staff', internal: true },
      { at: [12, '16:50'], status: 'waiting', by: 'staff', reason: 'Wir warten auf das schriftliche Angebot der Dachdeckerei; danach entscheidet die Eigentümergemeinschaft per Umlaufbeschluss.', waitingDays: 14 },
      { at: [11, '21:15'], comment: 'Danke für die Info. Bitte schicken Sie mir den Umlaufbeschluss, sobald er fertig ist.', by: 'resident' },
    ],
  },
  {
    ref: 'lehner-done', org: 'krueger', reporter: 'Markus Lehner', property: hamburg, form: 'schadensmeldung',
    subject: 'Fahrradbügel im Hof abgebrochen', source: 'phone',
    values: {
      urgency: 'normal', damage: { location: 'hof', category: 'sonstiges', problem: 'anderes' },
      description: 'Telefonisch gemeldet: Im Innenhof ist ein Fahrradbügel abgebrochen, die Kante ist scharf.', access: true, pets: false, phone: '+43 676 9876543',
    },
    created: [7, '14:32'],
    photos: [{ name: 'Fahrradbügel Hof.jpg', scene: 'rack', caption: 'Innenhof' }],
    thread: [
      { at: [7, '14:40'], status: 'in_progress', by: 'staff' },
      { at: [7, '14:42'], comment: 'Sehr geehrter Herr Lehner, Hausmeister Petersen sichert die Stelle heute noch ab.', by: 'staff' },
      { at: [2, '11:20'], status: 'done', by: 'staff', reason: 'Der Bügel wurde abgeschliffen und neu einbetoniert.' },
    ],
  },
  {
    ref: 'lehner-archived', org: 'krueger', reporter: 'Markus Lehner', property: hamburg, top: 'W5', form: 'fragen-abrechnung',
    subject: `Zahlung im Hausgeldkonto ${y - 1} nicht verbucht`,
    values: { statement: 'kontoauszug', year: y - 1, question: 'Meine Überweisung des Hausgelds vom November fehlt im Kontoauszug. Können Sie das bitte prüfen?' },
    created: [62, '09:05'],
    thread: [
      { at: [61, '10:30'], status: 'in_progress', by: 'staff' },
      { at: [58, '12:00'], comment: 'Sehr geehrter Herr Lehner, die Zahlung war einem falschen Verwendungszweck zugeordnet. Wir haben sie umgebucht; Ihr Kontoauszug ist jetzt korrekt.', by: 'staff' },
      { at: [58, '12:01'], status: 'done', by: 'staff', reason: 'Zahlung umgebucht.' },
      { at: [44, '12:01'], status: 'closed', by: 'system', code: 'auto_closed' },
    ],
    rating: { stars: 4, comment: 'Hat etwas gedauert, aber jetzt stimmt alles.', at: [40, '18:30'] },
  },
  {
    ref: 'lehner-rejected', org: 'krueger', reporter: 'Markus Lehner', property: hamburg, top: 'W5', form: 'allgemeine-anfrage',
    subject: 'Genehmigung einer Balkonverglasung',
    values: { subject: 'Genehmigung einer Balkonverglasung', text: 'Ich möchte den Balkon meiner Wohnung W5 verglasen lassen. Brauche ich dafür eine Genehmigung?' },
    created: [27, '16:44'],
    thread: [
      { at: [26, '09:20'], status: 'in_progress', by: 'staff' },
      { at: [20, '11:05'], status: 'rejected', by: 'staff', reason: 'Eine Balkonverglasung verändert das Erscheinungsbild des Hauses und braucht einen Beschluss der Eigentümerversammlung (§ 20 WEG). Wir nehmen das Thema gern in die Tagesordnung der nächsten Versammlung auf.' },
    ],
  },
  {
    ref: 'lehner-withdrawn', org: 'krueger', reporter: 'Markus Lehner', property: hamburg, top: 'W5', form: 'dokumentenanforderung',
    subject: `Protokoll der Eigentümerversammlung ${y}`,
    values: { document: 'protokoll', period: String(y), note: 'Bitte um das Protokoll der letzten Eigentümerversammlung.' },
    created: [10, '22:03'],
    thread: [
      { at: [9, '07:45'], status: 'rejected', by: 'resident', code: 'withdrawn', reason: 'Habe das Protokoll inzwischen im Portal gefunden.' },
    ],
  },

  // Neighbours.
  {
    // Building-wide: offered to Huber and Lehner as "Bereits gemeldet" for Lift/Lift in the Naschmarkt building.
    ref: 'lift', org: 'immopro', reporter: 'Dr. Elisabeth Wagner', property: immopro, form: 'schadensmeldung',
    subject: 'Lift Stiege 2 steht',
    values: {
      urgency: 'dringend', damage: { location: 'lift', category: 'lift', problem: 'steht' }, since: day(-2),
      description: 'Der Lift auf Stiege 2 steht seit heute früh im 3. Stock, die Tür geht nicht auf. Eingeschlossen ist niemand.',
      access: true, pets: false, phone: '+43 1 368 22 41',
    },
    created: [2, '07:35'],
    photos: [{ name: 'Lift Stiege 2.jpg', scene: 'lift', caption: 'Lift Stiege 2' }],
    thread: [
      { at: [2, '08:10'], status: 'in_progress', by: 'staff' },
      { at: [2, '08:12'], comment: 'Der Liftservice ist verständigt, der Techniker kommt morgen Vormittag. Bitte benützen Sie bis dahin die Stiege 1.', by: 'staff' },
      { at: [2, '08:15'], comment: 'Störung an Liftservice Danubia gemeldet, Auftrag LD-44817. Fahrkorb steht im 3. OG, Notruf geprüft.', by: 'staff', internal: true },
    ],
  },
  {
    // Krüger tenants see `waiting` as `in_progress`.
    ref: 'becker-waiting', org: 'krueger', reporter: 'Thomas Becker', property: hamburg, form: 'schadensmeldung',
    subject: 'Treppenhauslicht im 3. OG defekt',
    values: {
      urgency: 'normal', damage: { location: 'stiegenhaus', category: 'elektro', problem: 'licht' },
      description: 'Im Treppenhaus Haus A, 3. OG, geht das Licht nicht mehr an. Abends ist es dort stockdunkel.', access: true, pets: false, phone: '+49 151 2345 6789',
    },
    created: [5, '19:20'],
    photos: [{ name: 'Treppenhaus 3. OG.png', scene: 'light', caption: 'Treppenhaus 3. OG' }],
    thread: [
      { at: [4, '08:30'], status: 'in_progress', by: 'staff' },
      { at: [4, '08:32'], comment: 'Sehr geehrter Herr Becker, danke für den Hinweis. Der Hausmeister sieht sich das heute an.', by: 'staff' },
      { at: [3, '15:10'], status: 'waiting', by: 'staff', reason: 'Das Ersatzteil für den Bewegungsmelder ist bestellt.', waitingDays: 7 },
    ],
  },
];
