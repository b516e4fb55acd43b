import type { PostType } from '@hausportal/api';
import type { When } from './tickets-data.ts';

// The demo's bulletin board as data: the six Portal24 examples (Hausordnung, Merkblatt "Heizkosten sparen",
// "Metallschrott und Sperrmüll", Legionellenprüfung, Abschaltung der Trinkwasserversorgung, Sommerfest) for each
// organization, plus one expired, one future and one draft notice. Days are offsets from the organization's today
// (display window, appointments), instants `[days ago, 'HH:MM']` in its time zone. ImmoPro (Vienna) writes Austrian
// German (Stiegenhaus, Hausbetreuung, Mistplatz, Rauchfangkehrer), Krüger (Hamburg) German (Treppenhaus, Hausmeister,
// Recyclinghof, Schornsteinfeger). Bodies are HTML as the manager's editor sends it; seed/posts.ts sanitizes them.

/** A generated attachment: a one-page PDF of text lines, or a drawn JPEG with a caption. */
export type AttachmentSpec = { kind: 'pdf'; name: string; title: string; lines: string[] } | { kind: 'image'; name: string; caption: string };

/** What a demo person has done with a notice, per revision (absent fields: not yet). */
export interface ReadSpec {
  person: string;
  revision: number;
  seen: When;
  opened?: When;
  acknowledged?: When;
}

export interface PostSpec {
  /** Stable name of the spec, for tests and the README. */
  ref: 'hausordnung' | 'heizkosten' | 'sperrmuell' | 'legionellen' | 'trinkwasser' | 'sommerfest' | 'expired' | 'future' | 'draft';
  /** post_categories key (posts/categories.ts). */
  category: string;
  type: PostType;
  title: string;
  /** HTML before sanitizing. */
  body: string;
  /** Property names (seed/money-data.ts). */
  properties: string[];
  role: 'tenant' | 'owner' | 'both';
  status: 'draft' | 'published';
  /** Absent for a draft. */
  published?: When;
  /** The instant of a "wesentliche Änderung": revision 2, "aktualisiert am …". */
  revised?: When;
  /** Days from today, both inclusive; `until` null: no end. */
  visible: { from: number; until: number | null };
  /** Timed (`from`/`to` 'HH:MM' on `day`) or all day (`allDay`, optionally up to `endDay`). */
  appointment?: { day: number; place: string } & ({ from: string; to: string } | { allDay: true; endDay?: number });
  link?: { url: string; text: string };
  pinned?: boolean;
  requiresAck?: boolean;
  attachment?: AttachmentSpec;
  reads?: ReadSpec[];
  /** A notification run of revision 1 that went out a minute after publishing, its mails sent. */
  sent?: boolean;
}

/** The words and places that differ between the organizations. */
interface Words {
  site: string;
  managerMail: string;
  managerName: string;
  stairs: string;
  /** "an die Hausbetreuung" / "an den Hausmeister", with the name. */
  toCaretaker: string;
  caretakerPhone: string;
  recycling: string;
  wasteService: string;
  chimneySweep: string;
  waterRule: string;
  /** The property all tenants live in, and the one with the garden (ImmoPro: a second property). */
  tenantsHome: string;
  garden: string;
  street: string;
  gardenPlace: string;
  all: string[];
}

const words: Record<'immopro' | 'krueger', Words> = {
  immopro: {
    site: 'https://www.immopro.example', managerMail: 'p.hofbauer@immopro.example', managerName: 'Mag. Petra Hofbauer',
    stairs: 'Stiegenhaus', toCaretaker: 'an unsere Hausbetreuung, Herrn Josef Novak', caretakerPhone: '+43 664 412 77 03',
    recycling: 'Mistplatz', wasteService: 'die MA 48', chimneySweep: 'Rauchfangkehrer', waterRule: 'ÖNORM B 5019',
    tenantsHome: 'Wohnhausanlage Naschmarkt', garden: 'Kahlenberger Straße 12', street: 'Linke Wienzeile 48', gardenPlace: 'Garten, Kahlenberger Straße 12, 1190 Wien',
    all: ['Wohnhausanlage Naschmarkt', 'Kahlenberger Straße 12'],
  },
  krueger: {
    site: 'https://www.hv-krueger.example', managerMail: 'b.hansen@hv-krueger.example', managerName: 'Birte Hansen',
    stairs: 'Treppenhaus', toCaretaker: 'an unseren Hausmeister, Herrn Uwe Petersen', caretakerPhone: '+49 171 552 0193',
    recycling: 'Recyclinghof', wasteService: 'die Stadtreinigung', chimneySweep: 'Schornsteinfeger', waterRule: 'Trinkwasserverordnung (TrinkwV)',
    tenantsHome: 'Fischmarkt-Höfe', garden: 'Fischmarkt-Höfe', street: 'Große Elbstraße 145', gardenPlace: 'Innenhof der Fischmarkt-Höfe, Große Elbstraße 145, 22767 Hamburg',
    all: ['Fischmarkt-Höfe'],
  },
};

/** The closing paragraph every notice has: whom to ask, by mail. */
const contact = (w: Words, extra = ''): string =>
  `<p>${extra}Fragen beantwortet Ihnen gerne ${w.managerName} unter <a href="mailto:${w.managerMail}">${w.managerMail}</a>.</p>`;

/**
 * The notices of one organization. Reads are those of one tenant and one owner: ImmoPro's Katharina Huber (tenant,
 * Naschmarkt) and Dr. Elisabeth Wagner (owner there and at Kahlenberger Straße 12); Krüger's Thomas Becker (tenant)
 * and Markus Lehner (owner), both of the Fischmarkt-Höfe.
 */
export function demoPosts(org: 'immopro' | 'krueger'): PostSpec[] {
  const w = words[org];
  const at = org === 'immopro';
  const [tenant, owner] = at ? ['Katharina Huber', 'Dr. Elisabeth Wagner'] : ['Thomas Becker', 'Markus Lehner'];
  return [
    {
      ref: 'hausordnung', category: 'hausordnung', type: 'neutral', title: 'Hausordnung – bitte zur Kenntnis nehmen', status: 'published',
      properties: w.all, role: 'both', published: [30, '09:15'], revised: [4, '10:30'], visible: { from: -30, until: null }, pinned: true, requiresAck: true, sent: true,
      body:
        `<p>Liebe Bewohnerinnen und Bewohner,</p><p>für ein gutes Miteinander gilt in unserem Haus die folgende Hausordnung. <strong>Neu ist Punkt 4 (Grillen auf Balkonen und Terrassen).</strong></p>`
        + `<ol><li><strong>Ruhezeiten:</strong> 22:00 bis 6:00 Uhr sowie an Sonn- und Feiertagen.</li><li>Fahrräder und Kinderwagen bitte nur in den dafür vorgesehenen Räumen abstellen, nicht im ${w.stairs}.</li>`
        + `<li>Das ${w.stairs} und die Fluchtwege sind aus Brandschutzgründen frei zu halten.</li><li>Grillen mit Holzkohle ist auf Balkonen und Terrassen nicht gestattet; Elektrogrills sind erlaubt.</li></ol>`
        + `<p>Die vollständige Hausordnung finden Sie auch unter <a href="${w.site}/hausordnung">${w.site.replace('https://', '')}/hausordnung</a>. Bitte bestätigen Sie mit „Zur Kenntnis genommen“, dass Sie sie gelesen haben.</p>`
        + contact(w),
      reads: [
        // The tenant's acknowledgement was of revision 1: revision 2 asks again.
        { person: tenant, revision: 1, seen: [29, '18:02'], opened: [29, '18:03'], acknowledged: [29, '18:05'] },
        { person: owner, revision: 2, seen: [3, '19:10'], opened: [3, '19:11'], acknowledged: [3, '19:12'] },
      ],
    },
    {
      ref: 'heizkosten', category: 'merkblaetter', type: 'info', title: 'Merkblatt „Heizkosten sparen“', status: 'published',
      properties: w.all, role: 'both', published: [12, '11:00'], visible: { from: -12, until: null },
      body:
        `<p>Mit wenigen Handgriffen lässt sich im Winter viel Energie sparen. <strong>Jedes Grad weniger Raumtemperatur spart rund 6 % Heizenergie.</strong></p>`
        + `<ul><li>Stoßlüften statt Fenster kippen: drei- bis viermal täglich fünf Minuten.</li><li>Heizkörper nicht mit Möbeln oder Vorhängen verdecken.</li>`
        + `<li>Nachts und bei Abwesenheit die Thermostatventile auf Stufe 2 bis 3 drehen.</li><li>Gluckert ein Heizkörper, wenden Sie sich bitte ${w.toCaretaker} (${w.caretakerPhone}).</li></ul>`
        + `<p>Alle Tipps finden Sie im angehängten Merkblatt und unter <a href="${w.site}/energiespartipps">Energiespartipps der Hausverwaltung</a>.</p>`
        + contact(w),
      attachment: {
        kind: 'pdf', name: 'Merkblatt Heizkosten sparen.pdf', title: 'Merkblatt: Heizkosten sparen',
        lines: ['1. Richtig lüften: Stoßlüften statt Kippfenster.', '2. Raumtemperatur: Wohnräume 20 °C, Schlafräume 17 °C.', '3. Heizkörper frei halten und regelmäßig entlüften.', '4. Türen zu kühleren Räumen geschlossen halten.', '5. Rollläden und Vorhänge nachts schließen.'],
      },
      reads: [
        { person: tenant, revision: 1, seen: [11, '07:50'], opened: [11, '07:52'] },
        { person: owner, revision: 1, seen: [10, '21:15'] },
      ],
    },
    {
      ref: 'sperrmuell', category: 'problemabfaelle', type: 'neutral', title: 'Metallschrott und Sperrmüll', status: 'published',
      properties: [w.tenantsHome], role: 'both', published: [6, '14:20'], visible: { from: -6, until: 21 },
      body:
        `<p>Im Hof und im Keller sammeln sich wieder alte Fahrräder, Metallteile und Möbel (siehe Foto). <strong>Sperrmüll und Metallschrott dürfen nicht bei den Hausmüll-Tonnen abgestellt werden.</strong></p>`
        + `<ul><li>Kleinere Mengen nimmt der ${w.recycling} kostenlos an.</li><li>Größere Mengen holt ${w.wasteService} gegen Gebühr ab: <a href="${w.site}/sperrmuell">Abholung online bestellen</a>.</li><li>Batterien, Farben und Lacke sind Problemstoffe und gehören in die Sammelstelle.</li></ul>`
        + `<p>Was in drei Wochen noch im Hof steht, lassen wir auf Kosten der Hausgemeinschaft entsorgen.</p>`
        + contact(w),
      attachment: { kind: 'image', name: 'Sperrmuell im Hof.jpg', caption: `Sperrmüll im Hof, ${w.street}` },
      reads: [{ person: tenant, revision: 1, seen: [5, '08:05'] }],
    },
    {
      ref: 'legionellen', category: 'heizung-wasser', type: 'warning', title: 'Legionellenprüfung im Haus', status: 'published',
      properties: [w.tenantsHome], role: 'tenant', published: [3, '10:00'], visible: { from: -3, until: 5 },
      appointment: { day: 5, from: '08:00', to: '12:00', place: `alle Wohnungen, ${w.street}` },
      body:
        `<p>Nach der ${w.waterRule} wird das Warmwasser regelmäßig auf Legionellen untersucht. Ein Techniker entnimmt dazu in einzelnen Wohnungen Proben am Wasserhahn.</p>`
        + `<ul><li><strong>Bitte ermöglichen Sie am Termin den Zugang zu Küche und Bad.</strong></li><li>Lassen Sie am Vorabend kein Warmwasser mehr ablaufen.</li><li>Können Sie nicht da sein, hinterlegen Sie den Schlüssel bitte ${w.toCaretaker}.</li></ul>`
        + `<p>Mehr zur Prüfung: <a href="${w.site}/legionellen">Fragen und Antworten zur Legionellenprüfung</a>.</p>`
        + contact(w),
      reads: [{ person: tenant, revision: 1, seen: [2, '17:30'], opened: [2, '17:31'] }],
    },
    {
      ref: 'trinkwasser', category: 'heizung-wasser', type: 'danger', title: 'Abschaltung der Trinkwasserversorgung', status: 'published',
      properties: [w.tenantsHome], role: 'both', published: [1, '16:45'], visible: { from: -1, until: 2 },
      appointment: { day: 2, from: '08:00', to: '14:00', place: `ganzes Haus, ${w.street}` },
      body:
        `<p>Wegen eines Rohrbruchs an der Steigleitung muss die Trinkwasserversorgung des ganzen Hauses abgeschaltet werden.</p>`
        + `<ul><li><strong>Kein Kalt- und Warmwasser von 8:00 bis 14:00 Uhr.</strong></li><li>Füllen Sie vorher Wasser für Trinken, Kochen und WC-Spülung ab.</li><li>Schließen Sie alle Wasserhähne, damit nach der Wiederinbetriebnahme nichts überläuft.</li></ul>`
        + `<p>Danach kann das Wasser kurz trüb sein: bitte einige Minuten laufen lassen. Aktuelle Hinweise: <a href="${w.site}/stoerungen">Störungsmeldungen</a>.</p>`
        + contact(w, `Im Notfall erreichen Sie die Haustechnik ${w.toCaretaker.replace(/^an /, 'über ')} (${w.caretakerPhone}). `),
    },
    {
      ref: 'sommerfest', category: 'veranstaltung', type: 'neutral', title: 'Sommerfest', status: 'published',
      properties: [w.garden], role: 'both', published: [8, '12:00'], visible: { from: -8, until: 12 },
      appointment: at ? { day: 12, from: '17:00', to: '22:00', place: w.gardenPlace } : { day: 12, allDay: true, place: w.gardenPlace },
      link: { url: `${w.site}/sommerfest`, text: 'Zur Anmeldung' },
      body:
        `<p>Wir laden alle Bewohnerinnen und Bewohner herzlich zum <strong>Sommerfest</strong> ein!</p>`
        + `<ul><li>Für Getränke und Gegrilltes ist gesorgt; über Salate und Kuchen freuen wir uns.</li><li>Für Kinder gibt es eine Hüpfburg.</li><li>Bei Regen feiern wir im ${w.stairs} und im Gemeinschaftsraum.</li></ul>`
        + `<p>Bitte melden Sie sich bis eine Woche vorher an: <a href="${w.site}/sommerfest">Anmeldung zum Sommerfest</a>.</p>`
        + contact(w),
    },
    {
      ref: 'expired', category: 'reinigung', type: 'info', title: `${w.stairs}reinigung: geänderte Termine`, status: 'published',
      properties: w.all, role: 'both', published: [45, '09:00'], visible: { from: -45, until: -15 },
      body: `<p>Die Reinigung des ${w.stairs}s findet in den nächsten Wochen <strong>dienstags statt montags</strong> statt.</p>${contact(w)}`,
    },
    {
      ref: 'future', category: 'wartung', type: 'info', title: `${w.chimneySweep}: jährliche Überprüfung`, status: 'published',
      properties: w.all, role: 'both', published: [1, '09:30'], visible: { from: 7, until: 30 },
      body: `<p>Der ${w.chimneySweep} überprüft die Abgasanlagen. <strong>Bitte sorgen Sie für Zugang zu Ihrer Therme.</strong></p>${contact(w)}`,
    },
    {
      ref: 'draft', category: 'allgemein', type: 'neutral', title: 'Fassadensanierung: Information (Entwurf)', status: 'draft',
      properties: w.all, role: 'owner', visible: { from: 3, until: null },
      body: `<p>Die Sanierung der Fassade beginnt voraussichtlich im Frühjahr. <strong>Details folgen.</strong></p>${contact(w)}`,
    },
  ];
}
