// The starter FAQ of the chat bot (issue 13): plain data that the seed (seed/faq.ts) writes for a new organization and
// that the intent test set of the bot refers to by key. One definition per key holds the Austrian and the German
// version, each in German and English: the questions as residents ask them (with the words of the country: Stiege,
// Rauchfangkehrer, Hausbetreuung, Vorschreibung, Top in Austria; Treppenhaus, Schornsteinfeger, Hausmeister,
// Nebenkosten, Hausgeld in Germany) and a short answer in restricted Markdown (chat/faq-markdown.ts).
// Where an answer states a rule it names it: Austria MRG, WEG 2002, ABGB, StVO, MeldeG, EAVG 2012; Germany BGB, WEG,
// BetrKV, HeizkostenV, GEG, BMG. The answers are general; what depends on the contract or the house is left to the
// manager ("wenden Sie sich an die Verwaltung").

export type StarterFaqRole = 'tenant' | 'owner';

/** One entry of the starter set, in the shape of FaqEntryInput (openapi.yaml) without properties and validity. */
export interface StarterFaqEntry {
  /** Stable key; the bot answers with intent `faq.<key>`. */
  key: string;
  lang: 'de' | 'en';
  category: string;
  /** 4–8 ways residents ask it. */
  questions: string[];
  /** Restricted Markdown: paragraphs, bold, italic, lists, https/mailto/tel links. */
  answer: string;
  /** Who gets it when signed in; absent: tenants and owners. */
  roles?: StarterFaqRole[];
}

interface Text {
  q: string[];
  a: string;
}
interface Def {
  key: string;
  category: string;
  roles?: StarterFaqRole[];
  AT: { de: Text; en: Text };
  DE: { de: Text; en: Text };
}

const t = (q: string[], a: string): Text => ({ q, a });

const tenantOnly: StarterFaqRole[] = ['tenant'];
const ownerOnly: StarterFaqRole[] = ['owner'];

/** Signing in works the same in both countries. */
const portalAccess = {
  de: t(
    ['Ich habe mein Passwort vergessen', 'Ich kann mich nicht anmelden', 'Ich kann mich nicht einloggen', 'Zugang zum Portal für meinen Partner', 'Wie bekomme ich einen Portalzugang?', 'Login funktioniert nicht', 'Konto gesperrt'],
    `**Passwort vergessen?** Klicken Sie bei der Anmeldung auf **„Passwort vergessen"**; Sie bekommen einen Link per E-Mail. Nach mehreren Fehlversuchen ist die Anmeldung kurz gesperrt — warten Sie ein paar Minuten.

Einen **Zugang** bekommen Mieter:innen und Eigentümer:innen mit einem Vertrag über eine Einladung der Verwaltung. Soll ein:e Mitbewohner:in oder Partner:in einen eigenen Zugang erhalten, wenden Sie sich bitte an die Verwaltung.`,
  ),
  en: t(
    ['I forgot my password', 'I cannot sign in', 'I cannot log in', 'Portal access for my partner', 'How do I get portal access?', 'Login not working', 'Account locked'],
    `**Forgot your password?** Click **"Forgot password"** on the sign-in page; you receive a link by e-mail. After several failed attempts sign-in is blocked for a short time — wait a few minutes.

Tenants and owners with a contract get **access** through an invitation from the management. If a flatmate or partner should get their own access, please contact the management.`,
  ),
};

/** Contact details are changed the same way in both countries; only the German wording differs. */
const contactDetailsEn = t(
  ['How do I change my phone number?', 'Enter a new e-mail address', 'My address has changed', 'I got married, change of name', 'Update my contact details', 'Change my postal address'],
  `You change your **phone number and e-mail address** yourself in the portal under **Profile**; confirm a new e-mail address with the link we send you.

Please tell us about a **change of name** (e.g. after marriage) or a new **postal address** through a **request** in the portal, for a change of name with proof (marriage certificate).`,
);

const defs: Def[] = [
  {
    key: 'waste',
    category: 'entsorgung',
    AT: {
      de: t(
        ['Wie trenne ich den Müll?', 'Wo sind die Mistkübel?', 'Wann wird der Mist abgeholt?', 'Wohin mit Altpapier und Plastik?', 'Wo ist der Müllraum?', 'Welche Tonne für Biomüll?', 'Mülltrennung im Haus'],
        `Die Müllbehälter stehen im **Müllraum** bzw. im Hof. Bitte trennen Sie:

- **Restmüll**, **Altpapier**, **Bioabfall**
- **Kunststoff- und Metallverpackungen** (gelbe Tonne oder gelber Sack, je nach Gemeinde)
- **Glas** (Weiß- und Buntglas) in die Sammelbehälter der Gemeinde

Kartons bitte zerkleinern. Die Abholtage hängen im Haus aus. Sperrige Dinge, Elektrogeräte und Problemstoffe gehören auf den **Mistplatz** bzw. ins Altstoffsammelzentrum, nicht in den Müllraum.`,
      ),
      en: t(
        ['How do I separate my rubbish?', 'Where are the bins?', 'When is the rubbish collected?', 'Where does paper and plastic go?', 'Where is the bin room?', 'Which bin is for organic waste?'],
        `The bins are in the **bin room** or the courtyard. Please separate:

- **residual waste**, **paper**, **organic waste**
- **plastic and metal packaging** (yellow bin or yellow bag, depending on the municipality)
- **glass** (clear and coloured) into the municipal glass containers

Please flatten boxes. Collection days are posted in the building. Bulky items, electrical appliances and hazardous waste go to the municipal **recycling centre (Mistplatz)**, not into the bin room.`,
      ),
    },
    DE: {
      de: t(
        ['Wie trenne ich den Müll?', 'Wo stehen die Mülltonnen?', 'Wann wird der Müll abgeholt?', 'Wohin mit Papier und Verpackungen?', 'Welche Tonne für Bioabfall?', 'Gelbe Tonne oder gelber Sack?', 'Mülltrennung im Haus'],
        `Die Mülltonnen stehen am **Müllplatz** bzw. im Hof. Bitte trennen Sie:

- **Restmüll**, **Papier/Pappe** (blaue Tonne), **Bioabfall** (braune Tonne)
- **Verpackungen** aus Kunststoff und Metall (gelbe Tonne oder gelber Sack)
- **Glas** nach Farben in die öffentlichen Container

Kartons bitte zerkleinern. Die Abfuhrtermine hängen im Haus aus. Sperrmüll, Elektrogeräte und Schadstoffe gehören auf den **Wertstoffhof**, nicht neben die Tonnen.`,
      ),
      en: t(
        ['How do I separate my rubbish?', 'Where are the bins?', 'When is the rubbish collected?', 'Where does paper and packaging go?', 'Which bin is for organic waste?', 'Yellow bin or yellow bag?'],
        `The bins are at the **bin area** or in the courtyard. Please separate:

- **residual waste**, **paper/cardboard** (blue bin), **organic waste** (brown bin)
- **packaging** made of plastic and metal (yellow bin or yellow bag)
- **glass** by colour into the public containers

Please flatten boxes. Collection dates are posted in the building. Bulky waste, electrical appliances and hazardous waste go to the **recycling centre (Wertstoffhof)**, not next to the bins.`,
      ),
    },
  },
  {
    key: 'bulky_waste',
    category: 'entsorgung',
    AT: {
      de: t(
        ['Wohin mit Sperrmüll?', 'Wie werde ich ein altes Sofa los?', 'Wo ist der nächste Mistplatz?', 'Darf ich Möbel in den Müllraum stellen?', 'Sperrmüllabholung bestellen', 'Alte Waschmaschine entsorgen'],
        `Sperrmüll, alte Möbel und Elektrogeräte dürfen **nicht** im Müllraum, im Keller oder auf der Stiege abgestellt werden — sie versperren Fluchtwege, und die Kosten der Räumung zahlen sonst alle im Haus.

- Bringen Sie Sperrmüll auf den **Mistplatz** bzw. ins Altstoffsammelzentrum Ihrer Gemeinde (Haushaltsmengen meist kostenlos).
- Oder bestellen Sie die **Sperrmüllabholung** der Gemeinde (gegen Entgelt).
- Elektro-Altgeräte nimmt auch der Handel beim Kauf eines neuen Geräts zurück.`,
      ),
      en: t(
        ['Where do I take bulky waste?', 'How do I get rid of an old sofa?', 'Where is the nearest recycling centre?', 'Can I leave furniture in the bin room?', 'Book a bulky waste pickup', 'Dispose of an old washing machine'],
        `Bulky waste, old furniture and appliances must **not** be left in the bin room, the cellar or the staircase — they block escape routes, and otherwise everyone in the building pays for the removal.

- Take bulky waste to your municipality's **recycling centre (Mistplatz)** (household amounts are usually free).
- Or book the municipality's **bulky waste collection** (for a fee).
- Shops also take back old electrical appliances when you buy a new one.`,
      ),
    },
    DE: {
      de: t(
        ['Wohin mit Sperrmüll?', 'Wie werde ich ein altes Sofa los?', 'Wo ist der Wertstoffhof?', 'Darf ich Möbel an die Mülltonnen stellen?', 'Sperrmüllabholung beantragen', 'Alten Kühlschrank entsorgen'],
        `Sperrmüll, alte Möbel und Elektrogeräte dürfen **nicht** im Treppenhaus, im Keller oder an den Mülltonnen abgestellt werden — sie versperren Rettungswege, und die Entsorgung zahlen sonst alle über die Nebenkosten.

- Melden Sie die **Sperrmüllabholung** bei der Stadtreinigung bzw. dem Abfallwirtschaftsbetrieb Ihrer Stadt an.
- Oder bringen Sie die Sachen zum **Wertstoffhof/Recyclinghof**.
- Elektro-Altgeräte nimmt auch der Handel beim Kauf eines neuen Geräts zurück (ElektroG).`,
      ),
      en: t(
        ['Where do I take bulky waste?', 'How do I get rid of an old sofa?', 'Where is the recycling centre?', 'Can I leave furniture next to the bins?', 'Book a bulky waste pickup', 'Dispose of an old fridge'],
        `Bulky waste, old furniture and appliances must **not** be left in the stairwell, the cellar or next to the bins — they block escape routes, and otherwise everyone pays for the removal through the service charges.

- Book a **bulky waste collection** with your city's waste management service.
- Or take the items to the **recycling centre (Wertstoffhof)**.
- Shops also take back old electrical appliances when you buy a new one (ElektroG).`,
      ),
    },
  },
  {
    key: 'lift_fault',
    category: 'technik',
    AT: {
      de: t(
        ['Der Lift ist kaputt', 'Lift steht still, was tun?', 'Wann wird der Lift repariert?', 'Aufzug funktioniert nicht', 'Lift-Störung melden', 'Der Lift bleibt zwischen den Stockwerken stehen'],
        `**Sitzt jemand im Lift fest?** Drücken Sie den **Notrufknopf** in der Kabine — er verbindet mit der Notrufzentrale der Liftfirma. Im Notfall rufen Sie die Feuerwehr unter [122](tel:122).

Eine Störung ohne eingeschlossene Personen melden Sie bitte über **Schaden melden** im Portal (Stiege und Lift angeben). Die Störungsnummer der Liftfirma hängt auch in der Kabine aus. Den Stand der Reparatur sehen Sie in Ihren Meldungen.`,
      ),
      en: t(
        ['The lift is broken', 'The lift is not working, what should I do?', 'When will the lift be repaired?', 'Elevator out of order', 'Report a lift fault', 'The lift stops between floors'],
        `**Is someone trapped in the lift?** Press the **emergency button** in the car — it connects to the lift company's emergency centre. In an emergency call the fire brigade on [122](tel:122).

Please report a fault without anyone trapped via **Report damage** in the portal (name the staircase and lift). The lift company's fault number is also posted in the car. You can follow the repair in your reports.`,
      ),
    },
    DE: {
      de: t(
        ['Der Aufzug ist kaputt', 'Fahrstuhl geht nicht, was tun?', 'Wann wird der Aufzug repariert?', 'Lift funktioniert nicht', 'Aufzugsstörung melden', 'Der Fahrstuhl bleibt stecken'],
        `**Sitzt jemand im Aufzug fest?** Drücken Sie die **Notruftaste** in der Kabine — sie verbindet mit dem Notdienst der Aufzugsfirma. Im Notfall rufen Sie [112](tel:112).

Eine Störung ohne eingeschlossene Personen melden Sie bitte über **Schaden melden** im Portal (Haus und Aufzug angeben). Die Störungsnummer hängt auch in der Kabine aus. Den Stand der Reparatur sehen Sie in Ihren Meldungen.`,
      ),
      en: t(
        ['The elevator is broken', 'The lift is not working, what should I do?', 'When will the elevator be repaired?', 'Lift out of order', 'Report an elevator fault', 'The lift gets stuck'],
        `**Is someone trapped in the lift?** Press the **emergency button** in the car — it connects to the lift company's emergency service. In an emergency call [112](tel:112).

Please report a fault without anyone trapped via **Report damage** in the portal (name the building and lift). The fault number is also posted in the car. You can follow the repair in your reports.`,
      ),
    },
  },
  {
    key: 'keys',
    category: 'schluessel',
    AT: {
      de: t(
        ['Ich brauche einen Nachschlüssel', 'Schlüssel verloren, was nun?', 'Wie bekomme ich einen zusätzlichen Schlüssel?', 'Zentralsperre Schlüssel nachmachen', 'Ich habe mich ausgesperrt', 'Schlüssel für Haustor und Postkasten'],
        `**Nachschlüssel**: Die Schlüssel der Zentralsperranlage (Haustor, Keller, Müllraum) dürfen nur mit der **Sicherungskarte** nachgemacht werden — bestellen Sie sie über die Verwaltung (Anfrage im Portal). Die Kosten tragen Sie.

**Schlüssel verloren**: Melden Sie es bitte sofort der Verwaltung. Ob ein Zylinder getauscht werden muss, entscheidet die Verwaltung.

**Ausgesperrt**: Die Verwaltung hat keine Schlüssel zu Ihrer Wohnung. Rufen Sie einen Schlüsseldienst (auf eigene Kosten) — fragen Sie vorher nach dem Preis.`,
      ),
      en: t(
        ['I need a spare key', 'I lost my key, what now?', 'How do I get an extra key?', 'Copy a key of the master key system', 'I locked myself out', 'Key for the front door and letterbox'],
        `**Spare keys**: keys of the master key system (front door, cellar, bin room) can only be copied with the **security card** — order them through the management (request in the portal). You pay the cost.

**Lost key**: please tell the management right away. The management decides whether a cylinder must be replaced.

**Locked out**: the management has no keys to your flat. Call a locksmith (at your own cost) — ask for the price first.`,
      ),
    },
    DE: {
      de: t(
        ['Ich brauche einen Nachschlüssel', 'Schlüssel verloren, was nun?', 'Wie bekomme ich einen Zweitschlüssel?', 'Schließanlage Schlüssel nachmachen', 'Ich habe mich ausgesperrt', 'Schlüssel für Haustür und Briefkasten'],
        `**Nachschlüssel**: Schlüssel der Schließanlage (Haustür, Keller) dürfen nur mit dem **Sicherungsschein** nachgemacht werden — bestellen Sie sie über die Verwaltung (Anfrage im Portal). Die Kosten tragen Sie.

**Schlüssel verloren**: Melden Sie es bitte sofort der Verwaltung. Ob Zylinder getauscht werden müssen, entscheidet die Verwaltung; bei Verschulden kann das zu Ihren Lasten gehen.

**Ausgesperrt**: Die Verwaltung hat keine Schlüssel zu Ihrer Wohnung. Rufen Sie einen Schlüsseldienst (auf eigene Kosten) — vereinbaren Sie den Preis vorher.`,
      ),
      en: t(
        ['I need a spare key', 'I lost my key, what now?', 'How do I get a second key?', 'Copy a key of the locking system', 'I locked myself out', 'Key for the front door and mailbox'],
        `**Spare keys**: keys of the locking system (front door, cellar) can only be copied with the **security certificate** — order them through the management (request in the portal). You pay the cost.

**Lost key**: please tell the management right away. The management decides whether cylinders must be replaced; if you are at fault, that may be at your expense.

**Locked out**: the management has no keys to your flat. Call a locksmith (at your own cost) — agree on the price first.`,
      ),
    },
  },
  {
    key: 'house_rules',
    category: 'hausordnung',
    AT: {
      de: t(
        ['Wo finde ich die Hausordnung?', 'Was steht in der Hausordnung?', 'Wann ist Nachtruhe?', 'Gibt es Ruhezeiten im Haus?', 'Darf ich im Stiegenhaus Schuhe abstellen?', 'Regeln im Haus'],
        `Die **Hausordnung** finden Sie im Portal unter **Dokumente**; sie hängt meist auch im Haus aus. Die wichtigsten Punkte:

- **Nachtruhe** in der Regel von 22 bis 6 Uhr; auch tagsüber Rücksicht auf die Nachbarn.
- Stiegenhaus, Gänge und Fluchtwege freihalten — keine Schuhe, Kinderwägen oder Möbel.
- Haustor geschlossen halten, Müll trennen, nichts aus den Fenstern werfen.

Bei Fragen zur Hausordnung Ihres Hauses wenden Sie sich an die Verwaltung.`,
      ),
      en: t(
        ['Where can I find the house rules?', 'What do the house rules say?', 'What are the quiet hours?', 'Are there quiet times in the building?', 'Can I leave shoes in the staircase?', 'Rules of the building'],
        `The **house rules** are in the portal under **Documents**; they are usually also posted in the building. The main points:

- **Quiet hours** usually from 10 pm to 6 am; please be considerate during the day too.
- Keep staircases, corridors and escape routes clear — no shoes, prams or furniture.
- Keep the front door closed, separate your waste, throw nothing out of the windows.

For questions about the house rules of your building, please contact the management.`,
      ),
    },
    DE: {
      de: t(
        ['Wo finde ich die Hausordnung?', 'Was steht in der Hausordnung?', 'Wann ist Nachtruhe?', 'Gibt es Ruhezeiten, auch mittags?', 'Darf ich im Treppenhaus Schuhe abstellen?', 'Regeln im Haus'],
        `Die **Hausordnung** finden Sie im Portal unter **Dokumente**; sie ist Teil Ihres Vertrags bzw. der Beschlüsse der Eigentümer. Die wichtigsten Punkte:

- **Nachtruhe** von 22 bis 6 Uhr (Landes-Immissionsschutzrecht); Mittagsruhe nur, wenn die Hausordnung sie vorsieht.
- Treppenhaus, Flure und Rettungswege freihalten — keine Schuhe, Kinderwagen oder Möbel.
- Haustür geschlossen halten, Müll trennen.

Bei Fragen zur Hausordnung Ihres Hauses wenden Sie sich an die Verwaltung.`,
      ),
      en: t(
        ['Where can I find the house rules?', 'What do the house rules say?', 'What are the quiet hours?', 'Are there quiet times at lunchtime?', 'Can I leave shoes in the stairwell?', 'Rules of the building'],
        `The **house rules** are in the portal under **Documents**; they are part of your contract or of the owners' resolutions. The main points:

- **Night quiet** from 10 pm to 6 am (state noise protection law); a midday rest only if the house rules say so.
- Keep the stairwell, corridors and escape routes clear — no shoes, prams or furniture.
- Keep the front door closed, separate your waste.

For questions about the house rules of your building, please contact the management.`,
      ),
    },
  },
  {
    key: 'subletting',
    category: 'vertrag',
    roles: tenantOnly,
    AT: {
      de: t(
        ['Darf ich meine Wohnung untervermieten?', 'Untervermietung erlaubt?', 'Kann ich ein Zimmer untervermieten?', 'Darf ich auf Airbnb vermieten?', 'Mitbewohner aufnehmen', 'Wohnung während Auslandsaufenthalt weitergeben'],
        `Das hängt von Ihrem Mietvertrag und davon ab, ob das MRG voll gilt:

- Im Vollanwendungsbereich darf die Untervermietung nur aus **wichtigem Grund** untersagt werden (§ 11 MRG), z. B. wenn die ganze Wohnung untervermietet wird oder der Untermietzins unverhältnismäßig hoch ist.
- Die **gänzliche Weitergabe** ohne eigenen Bedarf kann ein Kündigungsgrund sein (§ 30 Abs 2 Z 4 MRG).
- **Kurzzeitvermietung an Touristen** (Airbnb und Ähnliches) ist ohne Zustimmung nicht erlaubt.

Bitte melden Sie eine Untervermietung vorher der Verwaltung (wer, welche Räume, wie lange).`,
      ),
      en: t(
        ['Can I sublet my flat?', 'Is subletting allowed?', 'Can I sublet a room?', 'Can I rent my flat on Airbnb?', 'Take in a flatmate', 'Let my flat while I am abroad'],
        `That depends on your lease and on whether the Tenancy Act (MRG) applies in full:

- Where it applies in full, subletting may only be refused for an **important reason** (§ 11 MRG), e.g. subletting the whole flat or charging a disproportionately high rent.
- **Passing on the whole flat** without needing it yourself can be a ground for termination (§ 30(2)(4) MRG).
- **Short-term rentals to tourists** (Airbnb and the like) are not allowed without consent.

Please tell the management before you sublet (who, which rooms, how long).`,
      ),
    },
    DE: {
      de: t(
        ['Darf ich meine Wohnung untervermieten?', 'Untervermietung erlaubt?', 'Kann ich ein Zimmer untervermieten?', 'Darf ich auf Airbnb vermieten?', 'Mitbewohner aufnehmen', 'Erlaubnis zur Untervermietung'],
        `Für die Untervermietung brauchen Sie die **Erlaubnis** des Vermieters (§ 540 BGB).

- Haben Sie nach Vertragsschluss ein **berechtigtes Interesse** (z. B. Jobwechsel, Partner zieht aus), können Sie die Erlaubnis für **einen Teil** der Wohnung verlangen (§ 553 BGB) — außer es spricht ein wichtiger Grund in der Person des Untermieters oder Überbelegung dagegen.
- Der Vermieter kann dafür einen angemessenen Zuschlag verlangen (§ 553 Abs. 2 BGB).
- **Ferienvermietung** (Airbnb) ist ohne Erlaubnis nicht zulässig.

Bitte stellen Sie die Anfrage vorher über das Portal (Name des Untermieters, Räume, Dauer).`,
      ),
      en: t(
        ['Can I sublet my flat?', 'Is subletting allowed?', 'Can I sublet a room?', 'Can I rent my flat on Airbnb?', 'Take in a flatmate', 'Permission to sublet'],
        `To sublet you need the landlord's **permission** (§ 540 BGB).

- If, after signing, you have a **legitimate interest** (e.g. a new job, a partner moving out), you can ask for permission for **part** of the flat (§ 553 BGB) — unless there is an important reason concerning the subtenant or the flat would be overcrowded.
- The landlord may ask for a reasonable surcharge (§ 553(2) BGB).
- **Holiday lets** (Airbnb) are not allowed without permission.

Please ask through the portal before you sublet (subtenant's name, rooms, duration).`,
      ),
    },
  },
  {
    key: 'pets',
    category: 'hausordnung',
    AT: {
      de: t(
        ['Darf ich einen Hund halten?', 'Sind Haustiere erlaubt?', 'Darf ich eine Katze haben?', 'Tierhaltung in der Wohnung', 'Brauche ich eine Erlaubnis für mein Haustier?', 'Hund im Stiegenhaus an die Leine?'],
        `**Kleintiere** (Fische, Hamster, Wellensittiche) in üblicher Zahl dürfen Sie immer halten. Für **Hunde und Katzen** gilt Ihr Vertrag — oft ist die Zustimmung der Verwaltung nötig. Ein pauschales Verbot jeder Tierhaltung ist in Verbraucherverträgen nach der Rechtsprechung des OGH unwirksam.

In den allgemeinen Teilen (Stiege, Lift, Hof) gehören Hunde an die Leine; Verunreinigungen beseitigen Sie bitte selbst. Eigentümer:innen: Es gelten Hausordnung und Beschlüsse der Eigentümergemeinschaft.`,
      ),
      en: t(
        ['Can I keep a dog?', 'Are pets allowed?', 'Can I have a cat?', 'Keeping animals in the flat', 'Do I need permission for my pet?', 'Dogs on a lead in the staircase?'],
        `**Small animals** (fish, hamsters, budgies) in usual numbers are always allowed. For **dogs and cats** your contract applies — often the management's consent is needed. According to the Austrian Supreme Court (OGH), a blanket ban on all pets is void in consumer contracts.

In the common areas (staircase, lift, courtyard) dogs must be on a lead; please clean up after your pet. Owners: the house rules and the owners' resolutions apply.`,
      ),
    },
    DE: {
      de: t(
        ['Darf ich einen Hund halten?', 'Sind Haustiere erlaubt?', 'Darf ich eine Katze haben?', 'Tierhaltung in der Mietwohnung', 'Brauche ich eine Erlaubnis für mein Haustier?', 'Hund im Treppenhaus an die Leine?'],
        `**Kleintiere** (Fische, Hamster, Wellensittiche) in üblicher Zahl brauchen keine Erlaubnis. Ein generelles Verbot von Hunden und Katzen im Formularmietvertrag ist unwirksam (BGH, Urteil vom 20.03.2013 – VIII ZR 168/12); entscheidend ist eine Abwägung im Einzelfall. Fragen Sie deshalb **vorher** bei der Verwaltung an.

Im Treppenhaus und im Hof gehören Hunde an die Leine. Eigentümer:innen: Es gelten Hausordnung und Beschlüsse der Gemeinschaft.`,
      ),
      en: t(
        ['Can I keep a dog?', 'Are pets allowed?', 'Can I have a cat?', 'Pets in a rented flat', 'Do I need permission for my pet?', 'Dogs on a lead in the stairwell?'],
        `**Small animals** (fish, hamsters, budgies) in usual numbers need no permission. A general ban on dogs and cats in a standard lease is void (Federal Court of Justice, 20 March 2013 – VIII ZR 168/12); it is decided case by case. So please ask the management **first**.

In the stairwell and courtyard dogs must be on a lead. Owners: the house rules and the owners' resolutions apply.`,
      ),
    },
  },
  {
    key: 'parking',
    category: 'parken',
    AT: {
      de: t(
        ['Kann ich einen Garagenplatz mieten?', 'Gibt es Parkplätze im Haus?', 'Wie bekomme ich einen Abstellplatz?', 'Fremdes Auto auf meinem Parkplatz', 'Wo bekomme ich ein Parkpickerl?', 'Stellplatz in der Garage frei?'],
        `**Garagen- oder Abstellplatz**: Freie Plätze vergibt die Verwaltung, oft über eine Warteliste — fragen Sie über das Portal an.

**Fremdes Auto auf Ihrem Platz**: Melden Sie es der Verwaltung mit Kennzeichen und Foto. Bitte nicht selbst abschleppen lassen.

**Parkpickerl** (Kurzparkzone): Das vergibt nicht die Verwaltung, sondern Ihre Stadt bzw. Gemeinde.

Die Feuerwehrzufahrt und der Hof sind immer freizuhalten.`,
      ),
      en: t(
        ['Can I rent a garage space?', 'Is there parking at the building?', 'How do I get a parking space?', 'Someone parked in my space', 'Where do I get a residents parking permit?', 'Is a space in the garage free?'],
        `**Garage or parking space**: the management allocates free spaces, often from a waiting list — please ask through the portal.

**Someone in your space**: tell the management with the number plate and a photo. Please do not have it towed yourself.

**Residents' parking permit (Parkpickerl)**: this is issued by your city or municipality, not by the management.

The fire brigade access and the courtyard must always be kept clear.`,
      ),
    },
    DE: {
      de: t(
        ['Kann ich einen Stellplatz mieten?', 'Gibt es Parkplätze am Haus?', 'Tiefgaragenplatz frei?', 'Fremdes Auto auf meinem Stellplatz', 'Wo bekomme ich einen Anwohnerparkausweis?', 'Wie bekomme ich einen Garagenplatz?'],
        `**Stellplatz oder Tiefgaragenplatz**: Freie Plätze vergibt die Verwaltung, oft über eine Warteliste — fragen Sie über das Portal an. Der Stellplatz hat meist einen eigenen Mietvertrag.

**Fremdes Auto auf Ihrem Platz**: Melden Sie es der Verwaltung mit Kennzeichen und Foto.

**Anwohnerparkausweis**: Den stellt die Stadt (Bürgeramt bzw. Straßenverkehrsbehörde) aus, nicht die Verwaltung.

Feuerwehrzufahrten sind immer freizuhalten.`,
      ),
      en: t(
        ['Can I rent a parking space?', 'Is there parking at the building?', 'Is an underground parking space free?', 'Someone parked in my space', 'Where do I get a residents parking permit?', 'How do I get a garage space?'],
        `**Parking or garage space**: the management allocates free spaces, often from a waiting list — please ask through the portal. A parking space usually has its own lease.

**Someone in your space**: tell the management with the number plate and a photo.

**Residents' parking permit**: the city issues it (citizens' office or traffic authority), not the management.

Fire brigade access routes must always be kept clear.`,
      ),
    },
  },
  {
    key: 'operating_costs_statement',
    category: 'abrechnung',
    AT: {
      de: t(
        ['Wie lese ich die BK-Abrechnung?', 'Was ist die Betriebskostenabrechnung?', 'Warum muss ich nachzahlen?', 'Wann kommt die Betriebskostenabrechnung?', 'Kann ich die Belege einsehen?', 'Bekomme ich ein Guthaben zurück?', 'BK-Abrechnung erklärt'],
        `In der **Betriebskostenabrechnung** stehen die tatsächlichen Kosten des Vorjahres (Wasser, Kanal, Müll, Hausbetreuung, Versicherung, Verwaltung, Strom der Allgemeinflächen …) und Ihr Anteil daran. Davon werden die **Akontozahlungen** aus Ihren Vorschreibungen abgezogen: Es bleibt ein **Guthaben** oder eine **Nachzahlung**.

- Mieter:innen: Die Abrechnung ist bis **30. Juni** für das Vorjahr zu legen; Sie können die Belege einsehen, ein Saldo wird mit dem übernächsten Zinstermin fällig bzw. gutgeschrieben (§ 21 Abs 3 MRG).
- Eigentümer:innen: Abrechnung ebenfalls bis **30. Juni** (§ 34 WEG).
- Heizkosten werden getrennt nach dem Heizkostenabrechnungsgesetz abgerechnet.

Die Abrechnung finden Sie im Portal unter **Dokumente**.`,
      ),
      en: t(
        ['How do I read the operating costs statement?', 'What is the service charge statement?', 'Why do I have to pay extra?', 'When does the operating costs statement come?', 'Can I see the receipts?', 'Will I get a credit back?'],
        `The **operating costs statement** lists the actual costs of the previous year (water, sewage, waste, caretaking, insurance, management, common-area electricity …) and your share. The **advance payments** from your monthly charges are deducted: what remains is a **credit** or an **additional payment**.

- Tenants: the statement is due by **30 June** for the previous year; you may inspect the receipts, and a balance is due or credited on the next-but-one rent date (§ 21(3) MRG).
- Owners: the statement is also due by **30 June** (§ 34 WEG).
- Heating costs are settled separately under the Heating Cost Settlement Act (HeizKG).

You find the statement in the portal under **Documents**.`,
      ),
    },
    DE: {
      de: t(
        ['Wie lese ich die Nebenkostenabrechnung?', 'Was ist die Betriebskostenabrechnung?', 'Warum muss ich nachzahlen?', 'Wann kommt die Nebenkostenabrechnung?', 'Kann ich die Belege einsehen?', 'Bekomme ich ein Guthaben zurück?', 'Hausgeldabrechnung erklärt'],
        `In der **Nebenkostenabrechnung** stehen die tatsächlichen Betriebskosten des Abrechnungsjahres (z. B. Wasser, Müll, Hausmeister, Versicherung, Heizung — siehe § 2 BetrKV) und Ihr Anteil. Davon werden Ihre **Vorauszahlungen** abgezogen: Es bleibt ein **Guthaben** oder eine **Nachzahlung**.

- Mieter:innen: Die Abrechnung muss spätestens **12 Monate** nach Ende des Abrechnungszeitraums bei Ihnen sein; Einwendungen können Sie bis 12 Monate nach Zugang erheben (§ 556 Abs. 3 BGB). Sie dürfen die Belege einsehen.
- Eigentümer:innen: Die **Jahresabrechnung** des Hausgelds beschließt die Eigentümerversammlung (§ 28 Abs. 2 WEG).

Die Abrechnung finden Sie im Portal unter **Dokumente**.`,
      ),
      en: t(
        ['How do I read the utility bill?', 'What is the service charge statement?', 'Why do I have to pay extra?', 'When does the operating costs statement come?', 'Can I see the receipts?', 'Will I get a credit back?'],
        `The **service charge statement** lists the actual operating costs of the accounting year (e.g. water, waste, caretaker, insurance, heating — see § 2 BetrKV) and your share. Your **advance payments** are deducted: what remains is a **credit** or an **additional payment**.

- Tenants: the statement must reach you within **12 months** after the end of the accounting period; you can object up to 12 months after receiving it (§ 556(3) BGB). You may inspect the receipts.
- Owners: the owners' meeting resolves on the **annual statement** of the house money (§ 28(2) WEG).

You find the statement in the portal under **Documents**.`,
      ),
    },
  },
  {
    key: 'payment_details',
    category: 'zahlungen',
    AT: {
      de: t(
        ['Wohin überweise ich die Miete?', 'Wie lautet die IBAN für die Vorschreibung?', 'Welchen Verwendungszweck soll ich angeben?', 'Wann ist die Miete fällig?', 'Kontonummer der Hausverwaltung', 'Zahlungsreferenz für die Überweisung'],
        `Die Bankverbindung und die **Zahlungsreferenz** stehen auf Ihrer **Vorschreibung**; im Portal zeigen die offenen Posten einen **GiroCode**, den Ihre Banking-App scannt. Geben Sie bitte immer die Zahlungsreferenz an, damit die Zahlung richtig zugeordnet wird.

Die Miete ist — wenn nichts anderes vereinbart ist — im Vorhinein am **5. jedes Monats** fällig (§ 15 Abs 3 MRG). Für Eigentümer:innen gilt der Termin der Vorschreibung.

Achtung: Die Verwaltung ändert ihre Bankverbindung nie nur per E-Mail. Im Zweifel fragen Sie nach.`,
      ),
      en: t(
        ['Where do I pay the rent?', 'What is the IBAN for my monthly charge?', 'What reference should I use?', 'When is the rent due?', 'Bank account of the property manager', 'Payment reference for the transfer'],
        `The bank details and the **payment reference** are on your **monthly charge (Vorschreibung)**; in the portal, the open items show a **GiroCode** that your banking app can scan. Always give the payment reference so the payment is matched correctly.

Unless agreed otherwise, rent is due in advance on the **5th of each month** (§ 15(3) MRG). Owners: the date on the charge applies.

Note: the management never changes its bank details by e-mail alone. If in doubt, ask.`,
      ),
    },
    DE: {
      de: t(
        ['Wohin überweise ich die Miete?', 'Wie lautet die IBAN für das Hausgeld?', 'Welchen Verwendungszweck soll ich angeben?', 'Wann ist die Miete fällig?', 'Kontonummer der Hausverwaltung', 'Bankverbindung für die Überweisung'],
        `Die Bankverbindung und den **Verwendungszweck** finden Sie in Ihrem Vertrag bzw. in der Zahlungsaufstellung; im Portal zeigen die offenen Posten einen **GiroCode**, den Ihre Banking-App scannt. Geben Sie bitte immer den Verwendungszweck an.

Die Miete ist spätestens bis zum **3. Werktag** des Monats zu zahlen (§ 556b Abs. 1 BGB). Das **Hausgeld** ist zu dem Termin fällig, den die Eigentümer beschlossen haben (§ 28 WEG).

Achtung: Die Verwaltung ändert ihre Bankverbindung nie nur per E-Mail. Im Zweifel fragen Sie nach.`,
      ),
      en: t(
        ['Where do I pay the rent?', 'What is the IBAN for the house money?', 'What reference should I use?', 'When is the rent due?', 'Bank account of the property manager', 'Bank details for the transfer'],
        `The bank details and the **payment reference** are in your contract or payment overview; in the portal, the open items show a **GiroCode** that your banking app can scan. Always give the reference.

Rent must be paid by the **3rd working day** of the month (§ 556b(1) BGB). **House money (Hausgeld)** is due on the date the owners resolved (§ 28 WEG).

Note: the management never changes its bank details by e-mail alone. If in doubt, ask.`,
      ),
    },
  },
  {
    key: 'meter_reading',
    category: 'abrechnung',
    AT: {
      de: t(
        ['Wann ist die Ablesung?', 'Wer liest die Zähler ab?', 'Ich bin beim Ablesetermin nicht da', 'Heizkostenverteiler ablesen', 'Wasserzähler Ablesung', 'Zählerstand melden', 'Muss ich für die Ablesung zuhause sein?'],
        `Die **Ablesung** der Wärmezähler, Heizkostenverteiler und Wasserzähler kündigt die Ablesefirma per **Aushang** an. Bitte ermöglichen Sie den Zutritt oder lassen Sie jemanden in die Wohnung.

Sind Sie nicht da, vereinbaren Sie mit der Ablesefirma einen **Ersatztermin** (Nummer am Aushang). Ohne Ablesung muss der Verbrauch geschätzt werden (Heizkostenabrechnungsgesetz).

Strom und Gas Ihrer Wohnung lesen Sie selbst für Ihren Energieversorger ab — das hat mit der Verwaltung nichts zu tun.`,
      ),
      en: t(
        ['When is the meter reading?', 'Who reads the meters?', 'I am away on the reading date', 'Reading of the heat cost allocators', 'Water meter reading', 'Report a meter reading', 'Do I have to be at home for the reading?'],
        `The metering company announces the **reading** of heat meters, heat cost allocators and water meters with a **notice** in the building. Please give access or let someone into the flat.

If you are away, arrange a **second appointment** with the metering company (number on the notice). Without a reading, consumption has to be estimated (Heating Cost Settlement Act).

Electricity and gas in your flat you read yourself for your energy supplier — that is not handled by the management.`,
      ),
    },
    DE: {
      de: t(
        ['Wann ist die Ablesung?', 'Wer liest die Zähler ab?', 'Ich bin beim Ablesetermin nicht da', 'Heizkostenverteiler ablesen', 'Wasseruhr Ablesung', 'Zählerstand melden', 'Warum bekomme ich eine monatliche Verbrauchsinformation?'],
        `Die **Ablesung** der Heizkostenverteiler, Wärme- und Wasserzähler kündigt der Messdienst per **Aushang** an. Bitte ermöglichen Sie den Zutritt. Sind Sie nicht da, vereinbaren Sie einen **Ersatztermin** (Nummer am Aushang); sonst wird der Verbrauch geschätzt (§ 9a HeizkostenV).

Bei **fernablesbaren** Geräten kommt niemand in die Wohnung; Sie erhalten dann eine monatliche Verbrauchsinformation (§ 6a HeizkostenV).

Strom und Gas Ihrer Wohnung lesen Sie selbst für Ihren Energieversorger ab.`,
      ),
      en: t(
        ['When is the meter reading?', 'Who reads the meters?', 'I am away on the reading date', 'Reading of the heat cost allocators', 'Water meter reading', 'Report a meter reading', 'Why do I get a monthly consumption report?'],
        `The metering service announces the **reading** of heat cost allocators, heat and water meters with a **notice**. Please give access. If you are away, arrange a **second appointment** (number on the notice); otherwise consumption is estimated (§ 9a HeizkostenV).

With **remotely read** devices nobody needs to enter the flat; you then receive a monthly consumption report (§ 6a HeizkostenV).

Electricity and gas in your flat you read yourself for your energy supplier.`,
      ),
    },
  },
  {
    key: 'chimney_sweep',
    category: 'technik',
    AT: {
      de: t(
        ['Wann kommt der Rauchfangkehrer?', 'Muss ich den Rauchfangkehrer reinlassen?', 'Rauchfangkehrer Termin', 'Wer zahlt den Rauchfangkehrer?', 'Überprüfung der Gastherme durch den Rauchfangkehrer', 'Der Kaminkehrer war da, ich war nicht zuhause'],
        `Der **Rauchfangkehrer** kehrt und überprüft Rauchfänge und Feuerstätten in den gesetzlich vorgeschriebenen Abständen (Feuerpolizei- bzw. Kehrordnung Ihres Bundeslandes). Die Termine hängen im Haus aus.

- Bitte ermöglichen Sie den Zutritt zu Ihrer Feuerstätte (Gastherme, Ofen, Kamin). Waren Sie nicht da, vereinbaren Sie direkt mit dem Rauchfangkehrer einen neuen Termin.
- Die Kehrung der Hausanlagen ist Teil der Betriebskosten (§ 21 MRG); Arbeiten an Ihrer eigenen Therme werden meist Ihnen verrechnet.

Bei Fragen wenden Sie sich an die Verwaltung.`,
      ),
      en: t(
        ['When is the chimney sweep coming?', 'Do I have to let the chimney sweep in?', 'Chimney sweep appointment', 'Who pays for the chimney sweep?', 'Inspection of my gas boiler by the chimney sweep', 'The chimney sweep came while I was out'],
        `The **chimney sweep (Rauchfangkehrer)** sweeps and inspects chimneys and heating appliances at the intervals the law of your federal state requires. Dates are posted in the building.

- Please give access to your appliance (gas boiler, stove, fireplace). If you were out, arrange a new date directly with the chimney sweep.
- Sweeping the building's chimneys is part of the operating costs (§ 21 MRG); work on your own boiler is usually charged to you.

For questions, please contact the management.`,
      ),
    },
    DE: {
      de: t(
        ['Wann kommt der Schornsteinfeger?', 'Muss ich den Schornsteinfeger reinlassen?', 'Schornsteinfeger Termin', 'Wer zahlt den Schornsteinfeger?', 'Feuerstättenschau in meiner Wohnung', 'Der Schornsteinfeger war da, ich war nicht zuhause'],
        `Der **Schornsteinfeger** prüft und reinigt Schornsteine und Feuerstätten nach der Kehr- und Überprüfungsordnung; der bevollmächtigte Bezirksschornsteinfeger macht zweimal in sieben Jahren die **Feuerstättenschau** (§ 14 SchfHwG). Die Termine werden angekündigt.

- Bitte ermöglichen Sie den Zutritt zu Ihrer Feuerstätte (Gastherme, Ofen, Kamin); sonst vereinbaren Sie direkt einen neuen Termin.
- Die Kosten der Schornsteinreinigung sind umlagefähige Betriebskosten (§ 2 Nr. 12 BetrKV).`,
      ),
      en: t(
        ['When is the chimney sweep coming?', 'Do I have to let the chimney sweep in?', 'Chimney sweep appointment', 'Who pays for the chimney sweep?', 'Fire safety inspection in my flat', 'The chimney sweep came while I was out'],
        `The **chimney sweep (Schornsteinfeger)** inspects and cleans chimneys and heating appliances as the sweeping regulations require; the district chimney sweep carries out the **fire safety inspection** twice in seven years (§ 14 SchfHwG). Dates are announced.

- Please give access to your appliance (gas boiler, stove, fireplace); otherwise arrange a new date directly.
- Chimney cleaning costs are operating costs that can be passed on to tenants (§ 2 no. 12 BetrKV).`,
      ),
    },
  },
  {
    key: 'termination',
    category: 'vertrag',
    roles: tenantOnly,
    AT: {
      de: t(
        ['Wie kündige ich meine Wohnung?', 'Welche Kündigungsfrist habe ich?', 'Mietvertrag kündigen', 'Kann ich einen befristeten Mietvertrag vorzeitig kündigen?', 'Kündigung per E-Mail möglich?', 'Ich möchte ausziehen, wie kündige ich?'],
        `Als Mieter:in kündigen Sie **schriftlich** (§ 33 Abs 1 MRG) — mit Unterschrift, per Post oder persönlich übergeben.

- **Unbefristeter Vertrag**: Frist und Termin stehen in Ihrem Mietvertrag; ist nichts vereinbart, gilt für Wohnungen in der Regel **ein Monat zum Monatsletzten**.
- **Befristeter Vertrag**: Nach Ablauf des **ersten Jahres** können Sie jederzeit mit **drei Monaten** Frist zum Monatsletzten kündigen (§ 29 Abs 2 MRG).

Wenden Sie sich für die Wohnungsübergabe an die Verwaltung.`,
      ),
      en: t(
        ['How do I give notice on my flat?', 'What is my notice period?', 'Terminate my lease', 'Can I end a fixed-term lease early?', 'Can I give notice by e-mail?', 'I want to move out, how do I cancel?'],
        `As a tenant you give notice **in writing** (§ 33(1) MRG) — signed, by post or handed over in person.

- **Open-ended lease**: the period and date are in your lease; if nothing is agreed, flats usually have **one month, to the end of a month**.
- **Fixed-term lease**: after the **first year** you can give notice at any time with **three months'** notice to the end of a month (§ 29(2) MRG).

Please contact the management to arrange the handover of the flat.`,
      ),
    },
    DE: {
      de: t(
        ['Wie kündige ich meine Wohnung?', 'Welche Kündigungsfrist habe ich?', 'Mietvertrag kündigen', 'Kann ich per E-Mail kündigen?', 'Bis wann muss die Kündigung da sein?', 'Ich möchte ausziehen, wie kündige ich?'],
        `Als Mieter:in kündigen Sie **schriftlich** mit eigenhändiger Unterschrift (§ 568 Abs. 1 BGB) — eine E-Mail reicht nicht.

Die Frist beträgt **drei Monate**: Geht die Kündigung spätestens am **3. Werktag** eines Monats zu, endet das Mietverhältnis mit Ablauf des übernächsten Monats (§ 573c Abs. 1 BGB). Ein vereinbarter Kündigungsverzicht (z. B. bei einer Staffelmiete, § 557a Abs. 3 BGB) kann die Kündigung bis zu vier Jahre ausschließen — prüfen Sie Ihren Vertrag.

Wenden Sie sich für die Wohnungsübergabe an die Verwaltung.`,
      ),
      en: t(
        ['How do I give notice on my flat?', 'What is my notice period?', 'Terminate my lease', 'Can I give notice by e-mail?', 'By when must my notice arrive?', 'I want to move out, how do I cancel?'],
        `As a tenant you give notice **in writing** with your own signature (§ 568(1) BGB) — an e-mail is not enough.

The period is **three months**: if your notice arrives by the **3rd working day** of a month, the tenancy ends at the end of the month after next (§ 573c(1) BGB). An agreed waiver of termination (e.g. with a graduated rent, § 557a(3) BGB) can exclude notice for up to four years — check your lease.

Please contact the management to arrange the handover of the flat.`,
      ),
    },
  },
  {
    key: 'heating',
    category: 'technik',
    AT: {
      de: t(
        ['Die Heizung wird nicht warm', 'Heizung kalt, was tun?', 'Wann wird die Heizung eingeschaltet?', 'Heizkörper entlüften', 'Meine Therme ist kaputt', 'Heizung gluckert', 'Wer zahlt die Reparatur der Gastherme?'],
        `Bitte prüfen Sie zuerst: Ist das **Thermostatventil** aufgedreht? Gluckert der Heizkörper, **entlüften** Sie ihn (Entlüftungsschlüssel). Sind auch die Nachbarn betroffen, liegt es meist an der zentralen Anlage.

Bleibt es kalt, melden Sie es über **Schaden melden** im Portal.

**Eigene Gastherme**: Die regelmäßige **Wartung** ist Sache der Mieter:innen (§ 8 Abs 1 MRG); die **Reparatur oder der Tausch** einer defekten Therme ist im Vollanwendungsbereich des MRG Sache der Vermieterin (§ 3 Abs 2 Z 2a MRG). Bei **Gasgeruch**: Fenster auf, kein Licht schalten, Haus verlassen, Gas-Notruf [128](tel:128).`,
      ),
      en: t(
        ['The heating does not get warm', 'Heating is cold, what should I do?', 'When is the heating switched on?', 'Bleed the radiator', 'My boiler is broken', 'The radiator is gurgling', 'Who pays for repairing the gas boiler?'],
        `Please check first: is the **thermostatic valve** open? If the radiator gurgles, **bleed** it (radiator key). If your neighbours are affected too, it is usually the central system.

If it stays cold, report it via **Report damage** in the portal.

**Your own gas boiler**: regular **servicing** is the tenant's duty (§ 8(1) MRG); **repairing or replacing** a defective boiler is the landlord's duty where the MRG applies in full (§ 3(2)(2a) MRG). If you **smell gas**: open the windows, do not switch lights, leave the building, call the gas emergency number [128](tel:128).`,
      ),
    },
    DE: {
      de: t(
        ['Die Heizung wird nicht warm', 'Heizung kalt, was tun?', 'Wann beginnt die Heizperiode?', 'Heizkörper entlüften', 'Meine Gastherme ist kaputt', 'Heizung gluckert', 'Wie warm muss die Wohnung sein?'],
        `Bitte prüfen Sie zuerst: Ist das **Thermostatventil** aufgedreht? Gluckert der Heizkörper, **entlüften** Sie ihn. Sind auch die Nachbarn betroffen, liegt es meist an der zentralen Anlage.

Bleibt es kalt, melden Sie es über **Schaden melden** im Portal. In der **Heizperiode** (in der Regel 1. Oktober bis 30. April) muss die Heizung nach der Rechtsprechung tagsüber etwa **20–22 °C** in den Wohnräumen schaffen. Ein Mangel ist anzuzeigen (§ 536c BGB).

Bei **Gasgeruch**: Fenster auf, kein Licht schalten, Haus verlassen, [112](tel:112) bzw. den Gas-Notdienst anrufen.`,
      ),
      en: t(
        ['The heating does not get warm', 'Heating is cold, what should I do?', 'When does the heating season start?', 'Bleed the radiator', 'My gas boiler is broken', 'The radiator is gurgling', 'How warm must the flat be?'],
        `Please check first: is the **thermostatic valve** open? If the radiator gurgles, **bleed** it. If your neighbours are affected too, it is usually the central system.

If it stays cold, report it via **Report damage** in the portal. In the **heating season** (usually 1 October to 30 April) the heating must reach about **20–22 °C** in living rooms during the day, according to case law. Defects must be reported (§ 536c BGB).

If you **smell gas**: open the windows, do not switch lights, leave the building, call [112](tel:112) or the gas emergency service.`,
      ),
    },
  },
  {
    key: 'hot_water',
    category: 'technik',
    AT: {
      de: t(
        ['Ich habe kein Warmwasser', 'Warmwasser geht nicht', 'Das Wasser wird nicht warm', 'Boiler kaputt', 'Kein heißes Wasser in der Dusche', 'Warmwasser nur lauwarm'],
        `Haben Sie einen **eigenen Boiler oder eine Therme**, prüfen Sie die Sicherung bzw. den FI-Schalter und ob das Gerät eine Störung anzeigt (Neustart laut Anleitung).

Kommt das Warmwasser **zentral** oder sind Nachbarn betroffen, melden Sie es bitte über **Schaden melden** im Portal. Die Reparatur eines defekten Wärmebereitungsgeräts ist im Vollanwendungsbereich des MRG Sache der Vermieterin (§ 3 Abs 2 Z 2a MRG).`,
      ),
      en: t(
        ['I have no hot water', 'Hot water is not working', 'The water does not get warm', 'Water heater broken', 'No hot water in the shower', 'Hot water only lukewarm'],
        `If you have your **own water heater or boiler**, check the fuse or residual-current switch and whether the device shows a fault (restart as the manual says).

If hot water comes from a **central system** or your neighbours are affected, please report it via **Report damage** in the portal. Repairing a defective water heater is the landlord's duty where the MRG applies in full (§ 3(2)(2a) MRG).`,
      ),
    },
    DE: {
      de: t(
        ['Ich habe kein Warmwasser', 'Warmwasser geht nicht', 'Das Wasser wird nicht warm', 'Durchlauferhitzer kaputt', 'Kein heißes Wasser in der Dusche', 'Warmwasser nur lauwarm'],
        `Haben Sie einen **Durchlauferhitzer, Boiler oder eine Gastherme** in der Wohnung, prüfen Sie die Sicherung und ob das Gerät eine Störung anzeigt.

Kommt das Warmwasser **zentral** oder sind Nachbarn betroffen, melden Sie es bitte über **Schaden melden** im Portal. Die Reparatur ist Sache des Vermieters (§ 535 Abs. 1 BGB); ein Mangel ist unverzüglich anzuzeigen (§ 536c BGB).`,
      ),
      en: t(
        ['I have no hot water', 'Hot water is not working', 'The water does not get warm', 'Instantaneous water heater broken', 'No hot water in the shower', 'Hot water only lukewarm'],
        `If you have an **instantaneous water heater, boiler or gas boiler** in the flat, check the fuse and whether the device shows a fault.

If hot water comes from a **central system** or your neighbours are affected, please report it via **Report damage** in the portal. Repairs are the landlord's duty (§ 535(1) BGB); report a defect without delay (§ 536c BGB).`,
      ),
    },
  },
  {
    key: 'mould',
    category: 'schaeden',
    AT: {
      de: t(
        ['Ich habe Schimmel in der Wohnung', 'Schimmel an der Wand, was tun?', 'Wie lüfte ich richtig?', 'Feuchte Wände im Schlafzimmer', 'Schwarze Flecken im Bad', 'Wer ist schuld am Schimmel?'],
        `Melden Sie Schimmel bitte **bald** über **Schaden melden** im Portal, mit Fotos und Angabe des Raums. Nicht einfach überstreichen.

Bis zur Klärung hilft:

- **Stoßlüften** 3–4 mal täglich 5–10 Minuten (Fenster ganz auf, nicht gekippt), besonders nach Duschen und Kochen.
- Alle Räume heizen, auch das Schlafzimmer; Möbel einige Zentimeter von Außenwänden abrücken.

Ob die Ursache baulich ist, klärt die Verwaltung, wenn nötig mit einem Sachverständigen. Bei einem Mangel kann eine Mietzinsminderung zustehen (§ 1096 ABGB).`,
      ),
      en: t(
        ['I have mould in my flat', 'Mould on the wall, what should I do?', 'How do I air the flat properly?', 'Damp walls in the bedroom', 'Black spots in the bathroom', 'Who is to blame for the mould?'],
        `Please report mould **soon** via **Report damage** in the portal, with photos and the room. Do not simply paint over it.

Until it is clarified:

- **Air briefly and fully** 3–4 times a day for 5–10 minutes (windows wide open, not tilted), especially after showering and cooking.
- Heat all rooms, including the bedroom; move furniture a few centimetres away from outside walls.

The management clarifies whether the cause lies in the building, with an expert if needed. If it is a defect, a rent reduction may apply (§ 1096 ABGB).`,
      ),
    },
    DE: {
      de: t(
        ['Ich habe Schimmel in der Wohnung', 'Schimmel an der Wand, was tun?', 'Wie lüfte ich richtig?', 'Feuchte Wände im Schlafzimmer', 'Schwarze Flecken im Bad', 'Darf ich wegen Schimmel die Miete mindern?'],
        `Melden Sie Schimmel bitte **unverzüglich** über **Schaden melden** im Portal, mit Fotos und Angabe des Raums (Anzeigepflicht, § 536c BGB). Nicht einfach überstreichen.

Bis zur Klärung hilft:

- **Stoßlüften** 3–4 mal täglich 5–10 Minuten, besonders nach Duschen und Kochen.
- Alle Räume heizen; Möbel einige Zentimeter von Außenwänden abrücken.

Ob die Ursache baulich ist, klärt die Verwaltung, wenn nötig mit einem Gutachter. Liegt ein Mangel vor, kann die Miete gemindert sein (§ 536 BGB) — sprechen Sie das bitte mit der Verwaltung ab.`,
      ),
      en: t(
        ['I have mould in my flat', 'Mould on the wall, what should I do?', 'How do I air the flat properly?', 'Damp walls in the bedroom', 'Black spots in the bathroom', 'Can I reduce the rent because of mould?'],
        `Please report mould **without delay** via **Report damage** in the portal, with photos and the room (duty to report, § 536c BGB). Do not simply paint over it.

Until it is clarified:

- **Air briefly and fully** 3–4 times a day for 5–10 minutes, especially after showering and cooking.
- Heat all rooms; move furniture a few centimetres away from outside walls.

The management clarifies whether the cause lies in the building, with an expert if needed. If it is a defect, the rent may be reduced (§ 536 BGB) — please discuss this with the management.`,
      ),
    },
  },
  {
    key: 'noise',
    category: 'hausordnung',
    AT: {
      de: t(
        ['Mein Nachbar ist zu laut', 'Lärm in der Nacht, was tun?', 'Beschwerde über Nachbarn', 'Ruhestörung melden', 'Wann darf ich bohren?', 'Party beim Nachbarn bis spät'],
        `Am besten sprechen Sie zuerst **freundlich mit den Nachbarn** — oft wissen sie nicht, wie hellhörig das Haus ist.

Hilft das nicht, schreiben Sie ein **Lärmprotokoll** (Datum, Uhrzeit, Art des Lärms) und wenden Sie sich über das Portal an die Verwaltung. Die **Nachtruhe** gilt in der Regel von 22 bis 6 Uhr; laute Arbeiten wie Bohren bitte nur werktags tagsüber.

Bei akuter nächtlicher Ruhestörung können Sie die Polizei rufen ([133](tel:133)).`,
      ),
      en: t(
        ['My neighbour is too loud', 'Noise at night, what can I do?', 'Complaint about neighbours', 'Report a noise disturbance', 'When may I drill?', 'Party next door until late'],
        `It is best to **talk to your neighbours kindly** first — they often do not know how thin the walls are.

If that does not help, keep a **noise log** (date, time, kind of noise) and contact the management through the portal. **Quiet hours** usually run from 10 pm to 6 am; noisy work such as drilling only on working days during the day, please.

For acute disturbance at night you can call the police ([133](tel:133)).`,
      ),
    },
    DE: {
      de: t(
        ['Mein Nachbar ist zu laut', 'Lärm in der Nacht, was tun?', 'Beschwerde über Nachbarn', 'Ruhestörung melden', 'Wann darf ich bohren?', 'Party beim Nachbarn bis spät'],
        `Am besten sprechen Sie zuerst **freundlich mit den Nachbarn**.

Hilft das nicht, führen Sie ein **Lärmprotokoll** (Datum, Uhrzeit, Art und Dauer des Lärms) und wenden Sie sich über das Portal an die Verwaltung. Die **Nachtruhe** gilt von 22 bis 6 Uhr; laute Arbeiten wie Bohren bitte nur werktags tagsüber und wie die Hausordnung es regelt.

Bei akuter nächtlicher Ruhestörung können Sie die Polizei rufen ([110](tel:110)).`,
      ),
      en: t(
        ['My neighbour is too loud', 'Noise at night, what can I do?', 'Complaint about neighbours', 'Report a noise disturbance', 'When may I drill?', 'Party next door until late'],
        `It is best to **talk to your neighbours kindly** first.

If that does not help, keep a **noise log** (date, time, kind and length of the noise) and contact the management through the portal. **Night quiet** runs from 10 pm to 6 am; noisy work such as drilling only on working days during the day and as the house rules say.

For acute disturbance at night you can call the police ([110](tel:110)).`,
      ),
    },
  },
  {
    key: 'bicycles',
    category: 'hausordnung',
    AT: {
      de: t(
        ['Wo kann ich mein Fahrrad abstellen?', 'Gibt es einen Fahrradraum?', 'Darf das Radl im Stiegenhaus stehen?', 'Kinderwagen im Gang abstellen?', 'Fahrradabstellraum Schlüssel', 'Altes Fahrrad im Radraum entsorgen'],
        `Fahrräder gehören in den **Fahrradabstellraum** bzw. in die Radständer im Hof. Im **Stiegenhaus** und in den Gängen dürfen keine Fahrräder stehen — das sind Fluchtwege (Brandschutz). Das gilt auch für Kinderwägen, soweit die Hausordnung nichts anderes erlaubt.

Einen Schlüssel zum Radraum bekommen Sie über die Verwaltung. Herrenlose Räder werden nach Aushang von der Verwaltung entfernt.`,
      ),
      en: t(
        ['Where can I park my bike?', 'Is there a bicycle room?', 'Can my bike stay in the staircase?', 'Can I leave the pram in the corridor?', 'Key for the bicycle room', 'Old bike left in the bike room'],
        `Bicycles belong in the **bicycle room** or the racks in the courtyard. No bikes in the **staircase** or corridors — these are escape routes (fire safety). The same applies to prams unless the house rules allow it.

The management provides a key to the bicycle room. Abandoned bikes are removed by the management after a notice.`,
      ),
    },
    DE: {
      de: t(
        ['Wo kann ich mein Fahrrad abstellen?', 'Gibt es einen Fahrradkeller?', 'Darf das Fahrrad im Treppenhaus stehen?', 'Kinderwagen im Flur abstellen?', 'Schlüssel für den Fahrradkeller', 'Schrottrad im Fahrradkeller'],
        `Fahrräder gehören in den **Fahrradkeller** bzw. in die Fahrradständer im Hof. Im **Treppenhaus** dürfen keine Fahrräder stehen — es ist Rettungsweg. Kinderwagen und Rollatoren dürfen dort stehen, wenn sie nicht behindern und die Hausordnung es zulässt.

Einen Schlüssel zum Fahrradkeller bekommen Sie über die Verwaltung. Herrenlose Räder werden nach Aushang entfernt.`,
      ),
      en: t(
        ['Where can I park my bike?', 'Is there a bike cellar?', 'Can my bike stay in the stairwell?', 'Can I leave the pram in the hallway?', 'Key for the bike cellar', 'Abandoned bike in the bike cellar'],
        `Bicycles belong in the **bike cellar** or the racks in the courtyard. No bikes in the **stairwell** — it is an escape route. Prams and walkers may stay there if they are not in the way and the house rules allow it.

The management provides a key to the bike cellar. Abandoned bikes are removed after a notice.`,
      ),
    },
  },
  {
    key: 'laundry',
    category: 'hausordnung',
    AT: {
      de: t(
        ['Wie benutze ich die Waschküche?', 'Gibt es eine Waschküche im Haus?', 'Waschküche reservieren', 'Wo kann ich Wäsche trocknen?', 'Darf ich auf dem Balkon Wäsche aufhängen?', 'Waschmaschine in der Waschküche kaputt'],
        `Die **Waschküche** und den Trockenraum benutzen Sie nach dem **Waschplan** bzw. der Reservierung, die im Haus aushängt. Bitte reinigen Sie Maschinen und Flusensieb nach dem Waschen und nehmen Sie die Wäsche zeitnah ab.

Wäsche am Balkon trocknen ist erlaubt, solange sie nicht über die Brüstung hängt. Eine defekte Gemeinschaftsmaschine melden Sie bitte über **Schaden melden**.`,
      ),
      en: t(
        ['How do I use the laundry room?', 'Is there a laundry room in the building?', 'Book the laundry room', 'Where can I dry my laundry?', 'Can I hang laundry on the balcony?', 'Washing machine in the laundry room broken'],
        `Use the **laundry room** and drying room according to the **schedule** or booking posted in the building. Please clean the machines and lint filter after use and take your laundry down promptly.

Drying laundry on the balcony is fine as long as it does not hang over the railing. Please report a broken shared machine via **Report damage**.`,
      ),
    },
    DE: {
      de: t(
        ['Wie benutze ich die Waschküche?', 'Gibt es einen Waschkeller?', 'Waschküche reservieren', 'Wo kann ich Wäsche trocknen?', 'Darf ich auf dem Balkon Wäsche aufhängen?', 'Gemeinschaftswaschmaschine kaputt'],
        `**Waschkeller** und Trockenraum benutzen Sie nach dem **Waschplan**, der im Haus aushängt. Bitte reinigen Sie Maschinen und Flusensieb nach dem Waschen und nehmen Sie die Wäsche zeitnah ab. Die Kosten gemeinschaftlicher Waschmaschinen sind Betriebskosten (§ 2 Nr. 16 BetrKV).

Wäsche auf dem Balkon trocknen ist erlaubt, solange sie nicht über die Brüstung hängt. Eine defekte Maschine melden Sie bitte über **Schaden melden**.`,
      ),
      en: t(
        ['How do I use the laundry room?', 'Is there a laundry cellar?', 'Book the laundry room', 'Where can I dry my laundry?', 'Can I hang laundry on the balcony?', 'Shared washing machine broken'],
        `Use the **laundry cellar** and drying room according to the **schedule** posted in the building. Please clean the machines and lint filter after use and take your laundry down promptly. Costs of shared washing machines are operating costs (§ 2 no. 16 BetrKV).

Drying laundry on the balcony is fine as long as it does not hang over the railing. Please report a broken machine via **Report damage**.`,
      ),
    },
  },
  {
    key: 'cellar',
    category: 'hausordnung',
    AT: {
      de: t(
        ['Welches Kellerabteil gehört zu meiner Wohnung?', 'Darf ich im Keller Sachen lagern?', 'Kellerabteil Schlüssel', 'Der Keller ist feucht', 'Brauche ich ein Kellerabteil?', 'Was darf ich im Keller nicht lagern?'],
        `Welches **Kellerabteil** zu Ihrem Top gehört, steht im Miet- bzw. Kaufvertrag; im Zweifel fragen Sie die Verwaltung.

Im Kellerabteil dürfen Sie Ihre Sachen lagern, aber **keine** brennbaren Flüssigkeiten, Gasflaschen oder Lebensmittel, die Ungeziefer anziehen. Gänge und Allgemeinflächen im Keller bleiben frei. Keller sind oft feucht — lagern Sie Empfindliches in dichten Kisten. Feuchtigkeitsschäden melden Sie bitte über **Schaden melden**.`,
      ),
      en: t(
        ['Which cellar compartment belongs to my flat?', 'Can I store things in the cellar?', 'Key for the cellar compartment', 'The cellar is damp', 'Do I have a storage room?', 'What may I not store in the cellar?'],
        `Which **cellar compartment** belongs to your unit is in your lease or purchase contract; if in doubt, ask the management.

You may store your things there, but **no** flammable liquids, gas bottles or food that attracts pests. Corridors and common areas in the cellar stay clear. Cellars are often damp — keep sensitive things in sealed boxes. Please report damp damage via **Report damage**.`,
      ),
    },
    DE: {
      de: t(
        ['Welcher Kellerraum gehört zu meiner Wohnung?', 'Darf ich im Keller Sachen lagern?', 'Kellerschlüssel', 'Der Keller ist feucht', 'Habe ich einen Kellerverschlag?', 'Was darf ich im Keller nicht lagern?'],
        `Welcher **Kellerraum** zu Ihrer Wohnung gehört, steht im Mietvertrag bzw. in der Teilungserklärung; im Zweifel fragen Sie die Verwaltung.

Im Keller dürfen Sie Ihre Sachen lagern, aber **keine** brennbaren Flüssigkeiten, Gasflaschen oder Lebensmittel, die Ungeziefer anziehen. Gänge und Gemeinschaftsflächen bleiben frei. Keller sind oft feucht — lagern Sie Empfindliches in dichten Kisten. Feuchtigkeitsschäden melden Sie bitte über **Schaden melden**.`,
      ),
      en: t(
        ['Which cellar room belongs to my flat?', 'Can I store things in the cellar?', 'Cellar key', 'The cellar is damp', 'Do I have a storage compartment?', 'What may I not store in the cellar?'],
        `Which **cellar room** belongs to your flat is in your lease or the declaration of division; if in doubt, ask the management.

You may store your things there, but **no** flammable liquids, gas bottles or food that attracts pests. Corridors and common areas stay clear. Cellars are often damp — keep sensitive things in sealed boxes. Please report damp damage via **Report damage**.`,
      ),
    },
  },
  {
    key: 'name_plate',
    category: 'hausordnung',
    AT: {
      de: t(
        ['Wie bekomme ich ein Namensschild?', 'Namensschild an der Gegensprechanlage ändern', 'Mein Name steht nicht am Postkasten', 'Türschild bestellen', 'Neues Schild für das Brieffach', 'Name an der Klingel falsch'],
        `Die **Namensschilder** an Gegensprechanlage, Brieffach und Wohnungstür sind im Haus einheitlich. Bestellen Sie sie bitte über eine **Anfrage** im Portal an die Verwaltung (welche Schilder, welcher Name, Top). Eigene Aufkleber bitte nicht anbringen.

Sie müssen nicht Ihren vollen Namen angeben; ein Nachname genügt, damit Post und Zustellungen ankommen.`,
      ),
      en: t(
        ['How do I get a name plate?', 'Change the name on the intercom', 'My name is not on the letterbox', 'Order a door plate', 'New label for the mailbox', 'Wrong name on the doorbell'],
        `The **name plates** on the intercom, letterbox and flat door are uniform in the building. Please order them through a **request** in the portal (which plates, which name, unit). Please do not put up your own stickers.

You do not have to give your full name; a surname is enough for post and deliveries to arrive.`,
      ),
    },
    DE: {
      de: t(
        ['Wie bekomme ich ein Namensschild?', 'Klingelschild ändern', 'Mein Name steht nicht am Briefkasten', 'Türschild bestellen', 'Neues Schild für den Briefkasten', 'Name an der Klingel falsch'],
        `Die **Klingel- und Briefkastenschilder** sind im Haus einheitlich. Bestellen Sie sie bitte über eine **Anfrage** im Portal an die Verwaltung (welche Schilder, welcher Name, Wohnung). Eigene Aufkleber bitte nicht anbringen.

Sie müssen nicht Ihren vollen Namen angeben; ein Nachname genügt, damit Post und Pakete ankommen.`,
      ),
      en: t(
        ['How do I get a name plate?', 'Change the doorbell label', 'My name is not on the mailbox', 'Order a door plate', 'New label for the mailbox', 'Wrong name on the doorbell'],
        `The **doorbell and mailbox labels** are uniform in the building. Please order them through a **request** in the portal (which labels, which name, flat). Please do not put up your own stickers.

You do not have to give your full name; a surname is enough for post and parcels to arrive.`,
      ),
    },
  },
  {
    key: 'moving_out',
    category: 'vertrag',
    AT: {
      de: t(
        ['Was muss ich beim Auszug beachten?', 'Wie läuft die Wohnungsübergabe?', 'Muss ich beim Auszug ausmalen?', 'Auszug Checkliste', 'Wohin mit den Schlüsseln beim Auszug?', 'Meldezettel beim Auszug'],
        `Vereinbaren Sie mit der Verwaltung einen **Übergabetermin**; dabei wird ein **Protokoll** mit Zählerständen erstellt.

- Geben Sie **alle Schlüssel** zurück (auch Keller, Postkasten, Garage).
- Die Wohnung ist geräumt und besenrein zu übergeben; eigene Einbauten bauen Sie zurück, sofern nichts anderes vereinbart ist. Ob ausgemalt werden muss, hängt vom Vertrag und der Abnutzung ab — fragen Sie die Verwaltung.
- Melden Sie Strom und Gas um und **melden Sie sich ab** — innerhalb von drei Tagen vor oder nach dem Auszug (§ 4 MeldeG).`,
      ),
      en: t(
        ['What do I need to do when moving out?', 'How does the flat handover work?', 'Do I have to repaint when moving out?', 'Moving out checklist', 'Where do I leave the keys when I move out?', 'Deregistering my residence when moving out'],
        `Arrange a **handover appointment** with the management; a **record** with meter readings is made.

- Return **all keys** (including cellar, letterbox, garage).
- Hand the flat over empty and swept; remove your own installations unless agreed otherwise. Whether you must repaint depends on the contract and wear — ask the management.
- Switch electricity and gas and **deregister** your residence within three days before or after moving out (§ 4 MeldeG).`,
      ),
    },
    DE: {
      de: t(
        ['Was muss ich beim Auszug beachten?', 'Wie läuft die Wohnungsübergabe?', 'Muss ich beim Auszug renovieren?', 'Auszug Checkliste', 'Wohin mit den Schlüsseln beim Auszug?', 'Schönheitsreparaturen beim Auszug'],
        `Vereinbaren Sie mit der Verwaltung einen **Übergabetermin**; dabei wird ein **Protokoll** mit Zählerständen erstellt.

- Geben Sie **alle Schlüssel** zurück (§ 546 BGB), auch Keller und Briefkasten.
- Die Wohnung ist geräumt und besenrein zu übergeben; eigene Einbauten bauen Sie zurück, sofern nichts anderes vereinbart ist. Ob Sie **Schönheitsreparaturen** schulden, hängt von Ihrem Vertrag ab — viele Klauseln sind unwirksam; fragen Sie die Verwaltung.
- Melden Sie Strom und Gas um; am neuen Wohnort melden Sie sich binnen **zwei Wochen** an (§ 17 BMG).`,
      ),
      en: t(
        ['What do I need to do when moving out?', 'How does the flat handover work?', 'Do I have to redecorate when moving out?', 'Moving out checklist', 'Where do I leave the keys when I move out?', 'Cosmetic repairs when moving out'],
        `Arrange a **handover appointment** with the management; a **record** with meter readings is made.

- Return **all keys** (§ 546 BGB), including cellar and mailbox.
- Hand the flat over empty and swept; remove your own installations unless agreed otherwise. Whether you owe **cosmetic repairs** depends on your contract — many clauses are void; ask the management.
- Switch electricity and gas; register at your new address within **two weeks** (§ 17 BMG).`,
      ),
    },
  },
  {
    key: 'deposit',
    category: 'vertrag',
    roles: tenantOnly,
    AT: {
      de: t(
        ['Wann bekomme ich meine Kaution zurück?', 'Wie hoch ist die Kaution?', 'Kaution zurückfordern', 'Wird meine Kaution verzinst?', 'Darf die Verwaltung etwas von der Kaution abziehen?', 'Kaution nach dem Auszug'],
        `Die **Kaution** wird nach der Rückgabe der Wohnung **unverzüglich** zurückgezahlt, samt den Zinsen, abzüglich berechtigter Forderungen (z. B. offene Zahlungen, Schäden über die normale Abnutzung hinaus). Die Vermieterin muss sie fruchtbringend veranlagen (§ 16b MRG).

Die Höhe steht in Ihrem Mietvertrag. Für die Rückzahlung brauchen wir Ihre aktuelle Bankverbindung — bitte geben Sie sie bei der Übergabe an.`,
      ),
      en: t(
        ['When do I get my deposit back?', 'How much is the deposit?', 'Claim back my deposit', 'Does my deposit earn interest?', 'Can the management deduct from the deposit?', 'Deposit after moving out'],
        `The **deposit** is repaid **without delay** after you return the flat, with interest, less justified claims (e.g. unpaid amounts, damage beyond normal wear). The landlord must invest it at interest (§ 16b MRG).

The amount is in your lease. For the repayment we need your current bank details — please give them at the handover.`,
      ),
    },
    DE: {
      de: t(
        ['Wann bekomme ich meine Kaution zurück?', 'Wie hoch darf die Kaution sein?', 'Kaution zurückfordern', 'Wird meine Mietkaution verzinst?', 'Darf die Verwaltung etwas von der Kaution einbehalten?', 'Kann ich die Kaution in Raten zahlen?'],
        `Die **Mietkaution** beträgt höchstens **drei Nettokaltmieten**; Sie dürfen sie in drei Monatsraten zahlen. Der Vermieter legt sie getrennt von seinem Vermögen verzinslich an (§ 551 BGB).

Nach dem Auszug wird sie mit Zinsen zurückgezahlt, sobald feststeht, dass keine Forderungen mehr offen sind. Für eine noch ausstehende Nebenkostenabrechnung darf ein angemessener Teil bis zur Abrechnung einbehalten werden. Bitte geben Sie bei der Übergabe Ihre Bankverbindung an.`,
      ),
      en: t(
        ['When do I get my deposit back?', 'How high can the deposit be?', 'Claim back my deposit', 'Does my rental deposit earn interest?', 'Can the management keep part of the deposit?', 'Can I pay the deposit in instalments?'],
        `The **rental deposit** is at most **three months' net rent**; you may pay it in three monthly instalments. The landlord keeps it separate from their own assets and at interest (§ 551 BGB).

After you move out, it is repaid with interest once it is clear that no claims are open. A reasonable part may be held back until a pending service charge statement is settled. Please give your bank details at the handover.`,
      ),
    },
  },
  {
    key: 'direct_debit',
    category: 'zahlungen',
    AT: {
      de: t(
        ['Kann ich per Lastschrift zahlen?', 'Einziehungsauftrag erteilen', 'SEPA-Mandat für die Miete', 'Abbuchung einrichten', 'Lastschrift widerrufen', 'Wie richte ich den Bankeinzug ein?'],
        `Ja. Erteilen Sie uns ein **SEPA-Lastschriftmandat** (Einziehungsauftrag) — das Formular finden Sie im Portal bzw. bekommen Sie von der Verwaltung. Ab dem nächsten möglichen Termin buchen wir die Vorschreibung dann ab.

Eine Lastschrift können Sie bei Ihrer Bank binnen **8 Wochen** zurückbuchen lassen; bitte sprechen Sie vorher mit der Verwaltung, damit keine Mahnspesen entstehen. Ein Mandat widerrufen Sie schriftlich.`,
      ),
      en: t(
        ['Can I pay by direct debit?', 'Set up a direct debit', 'SEPA mandate for the rent', 'Set up automatic payment', 'Cancel a direct debit', 'How do I set up a direct debit?'],
        `Yes. Give us a **SEPA direct debit mandate** — the form is in the portal or available from the management. From the next possible date we then collect your monthly charge.

You can have a debit reversed by your bank within **8 weeks**; please talk to the management first so that no reminder fees arise. You revoke a mandate in writing.`,
      ),
    },
    DE: {
      de: t(
        ['Kann ich per Lastschrift zahlen?', 'Einzugsermächtigung erteilen', 'SEPA-Mandat für die Miete', 'Abbuchung einrichten', 'Lastschrift widerrufen', 'Hausgeld per Bankeinzug zahlen'],
        `Ja. Erteilen Sie uns ein **SEPA-Lastschriftmandat** — das Formular finden Sie im Portal bzw. bekommen Sie von der Verwaltung. Ab dem nächsten möglichen Termin ziehen wir Miete bzw. Hausgeld dann ein.

Eine Lastschrift können Sie bei Ihrer Bank binnen **8 Wochen** zurückgeben; bitte sprechen Sie vorher mit der Verwaltung, damit keine Rücklastschriftgebühren entstehen. Ein Mandat widerrufen Sie schriftlich.`,
      ),
      en: t(
        ['Can I pay by direct debit?', 'Authorise a direct debit', 'SEPA mandate for the rent', 'Set up automatic payment', 'Cancel a direct debit', 'Pay the house money by direct debit'],
        `Yes. Give us a **SEPA direct debit mandate** — the form is in the portal or available from the management. From the next possible date we then collect your rent or house money.

You can have a debit reversed by your bank within **8 weeks**; please talk to the management first so that no return debit fees arise. You revoke a mandate in writing.`,
      ),
    },
  },
  {
    key: 'bank_details_change',
    category: 'zahlungen',
    AT: {
      de: t(
        ['Ich habe ein neues Konto', 'Bankverbindung ändern', 'Neue IBAN für den Einziehungsauftrag', 'Bank gewechselt, was muss ich tun?', 'Kontowechsel melden', 'Abbuchung von neuem Konto'],
        `Für ein neues Konto brauchen wir ein **neues SEPA-Lastschriftmandat** mit der neuen IBAN — das alte Mandat gilt nur für das alte Konto. Schicken Sie es uns unterschrieben über eine **Anfrage** im Portal, rechtzeitig vor dem nächsten Abbuchungstermin.

Zahlen Sie per Dauerauftrag, richten Sie ihn bei der neuen Bank mit unserer Bankverbindung und Ihrer Zahlungsreferenz neu ein.`,
      ),
      en: t(
        ['I have a new bank account', 'Change my bank details', 'New IBAN for the direct debit', 'Changed banks, what do I need to do?', 'Report a new account', 'Collect from my new account'],
        `For a new account we need a **new SEPA direct debit mandate** with the new IBAN — the old mandate only covers the old account. Send it signed through a **request** in the portal, in good time before the next collection date.

If you pay by standing order, set it up again at the new bank with our bank details and your payment reference.`,
      ),
    },
    DE: {
      de: t(
        ['Ich habe ein neues Konto', 'Bankverbindung ändern', 'Neue IBAN für die Lastschrift', 'Bank gewechselt, was muss ich tun?', 'Kontowechsel melden', 'Einzug vom neuen Konto'],
        `Für ein neues Konto brauchen wir ein **neues SEPA-Lastschriftmandat** mit der neuen IBAN. Schicken Sie es uns unterschrieben über eine **Anfrage** im Portal, rechtzeitig vor dem nächsten Einzugstermin.

Zahlen Sie per Dauerauftrag, richten Sie ihn bei der neuen Bank mit unserer Bankverbindung und Ihrem Verwendungszweck neu ein.`,
      ),
      en: t(
        ['I have a new bank account', 'Change my bank details', 'New IBAN for the direct debit', 'Changed banks, what do I need to do?', 'Report a new account', 'Collect from my new account'],
        `For a new account we need a **new SEPA direct debit mandate** with the new IBAN. Send it signed through a **request** in the portal, in good time before the next collection date.

If you pay by standing order, set it up again at the new bank with our bank details and your payment reference.`,
      ),
    },
  },
  {
    key: 'contact_details_change',
    category: 'portal',
    AT: {
      de: t(
        ['Wie ändere ich meine Telefonnummer?', 'Neue E-Mail-Adresse eintragen', 'Meine Adresse hat sich geändert', 'Ich habe geheiratet, Namensänderung', 'Kontaktdaten aktualisieren', 'Zustelladresse ändern'],
        `**Telefonnummer und E-Mail-Adresse** ändern Sie selbst im Portal unter **Profil**; eine neue E-Mail-Adresse bestätigen Sie über den Link, den wir Ihnen schicken.

Eine **Namensänderung** (z. B. nach der Hochzeit) oder eine neue **Zustelladresse** teilen Sie bitte über eine **Anfrage** im Portal mit, bei einer Namensänderung mit einem Nachweis (Heiratsurkunde).`,
      ),
      en: contactDetailsEn,
    },
    DE: {
      de: t(
        ['Wie ändere ich meine Telefonnummer?', 'Neue E-Mail-Adresse eintragen', 'Meine Anschrift hat sich geändert', 'Ich habe geheiratet, Namensänderung', 'Kontaktdaten aktualisieren', 'Postanschrift ändern'],
        `**Telefonnummer und E-Mail-Adresse** ändern Sie selbst im Portal unter **Profil**; eine neue E-Mail-Adresse bestätigen Sie über den Link, den wir Ihnen schicken.

Eine **Namensänderung** (z. B. nach der Heirat) oder eine neue **Postanschrift** teilen Sie bitte über eine **Anfrage** im Portal mit, bei einer Namensänderung mit einem Nachweis (Heiratsurkunde).`,
      ),
      en: contactDetailsEn,
    },
  },
  {
    key: 'alterations',
    category: 'umbau',
    AT: {
      de: t(
        ['Darf ich in meiner Wohnung umbauen?', 'Darf ich eine Wand durchbrechen?', 'Bad renovieren erlaubt?', 'Brauche ich eine Genehmigung für Umbauarbeiten?', 'Neue Fenster einbauen', 'Darf ich den Boden tauschen?'],
        `**Kleine Arbeiten** wie Ausmalen, Dübel setzen oder Lampen montieren dürfen Sie ohne Zustimmung.

- **Mieter:innen**: Eine **wesentliche Veränderung** (z. B. Bad, Wände, Leitungen) müssen Sie der Vermieterin vorher anzeigen; lehnt sie nicht binnen **zwei Monaten** ab, gilt die Zustimmung als erteilt (§ 9 Abs 1 MRG).
- **Eigentümer:innen**: Änderungen im eigenen Objekt sind erlaubt, wenn sie weder das Haus schädigen noch andere beeinträchtigen; sind allgemeine Teile betroffen (Fassade, tragende Wände, Leitungen), brauchen Sie die Zustimmung der anderen Eigentümer (§ 16 Abs 2 WEG).

Schicken Sie Ihr Vorhaben mit Plan bzw. Beschreibung über eine **Anfrage** im Portal.`,
      ),
      en: t(
        ['Can I renovate my flat?', 'Can I remove a wall?', 'Am I allowed to renovate the bathroom?', 'Do I need permission for building work?', 'Install new windows', 'Can I replace the flooring?'],
        `**Small jobs** such as painting, drilling or fitting lamps need no consent.

- **Tenants**: you must notify the landlord of an **essential alteration** (e.g. bathroom, walls, pipes) beforehand; if the landlord does not refuse within **two months**, consent is deemed given (§ 9(1) MRG).
- **Owners**: changes within your own unit are allowed if they neither damage the building nor impair others; if common parts are affected (façade, load-bearing walls, pipes), you need the other owners' consent (§ 16(2) WEG).

Send your plan or a description through a **request** in the portal.`,
      ),
    },
    DE: {
      de: t(
        ['Darf ich in meiner Wohnung umbauen?', 'Darf ich eine Wand entfernen?', 'Bad renovieren erlaubt?', 'Brauche ich eine Genehmigung für bauliche Veränderungen?', 'Neue Fenster einbauen', 'Darf ich den Bodenbelag tauschen?'],
        `**Kleine Arbeiten** wie Streichen, Dübel setzen oder Lampen montieren dürfen Sie ohne Erlaubnis.

- **Mieter:innen**: Bauliche Veränderungen brauchen die **Erlaubnis** des Vermieters. Einen Anspruch darauf haben Sie für Maßnahmen zur Barrierereduzierung, zum Laden von Elektrofahrzeugen, zum Einbruchschutz und für Steckersolargeräte (§ 554 BGB).
- **Eigentümer:innen**: Bauliche Veränderungen des gemeinschaftlichen Eigentums beschließt die Eigentümerversammlung (§ 20 WEG); Änderungen im Sondereigentum sind erlaubt, soweit niemand über das unvermeidliche Maß hinaus beeinträchtigt wird.

Schicken Sie Ihr Vorhaben mit Beschreibung über eine **Anfrage** im Portal.`,
      ),
      en: t(
        ['Can I renovate my flat?', 'Can I remove a wall?', 'Am I allowed to renovate the bathroom?', 'Do I need permission for structural changes?', 'Install new windows', 'Can I replace the flooring?'],
        `**Small jobs** such as painting, drilling or fitting lamps need no permission.

- **Tenants**: structural changes need the landlord's **permission**. You are entitled to it for measures that reduce barriers, charge electric vehicles, protect against burglary, and for plug-in solar devices (§ 554 BGB).
- **Owners**: structural changes to common property are resolved by the owners' meeting (§ 20 WEG); changes within your own unit are allowed as long as nobody is affected beyond the unavoidable.

Send your plan with a description through a **request** in the portal.`,
      ),
    },
  },
  {
    key: 'balcony',
    category: 'hausordnung',
    AT: {
      de: t(
        ['Darf ich am Balkon grillen?', 'Sichtschutz am Balkon erlaubt?', 'Blumenkisten am Balkongeländer', 'Balkonkraftwerk montieren', 'Markise anbringen', 'Darf ich auf der Terrasse rauchen?'],
        `- **Grillen**: Elektrogrill meist erlaubt; Holzkohle- und Gasgrill nur, wenn die Hausordnung es zulässt — Rauch darf die Nachbarn nicht belästigen.
- **Blumenkisten** bitte an der Innenseite des Geländers sichern; beim Gießen nichts auf den Balkon darunter tropfen lassen.
- **Sichtschutz, Markise, Balkonkraftwerk** verändern das Aussehen des Hauses: Mieter:innen zeigen das der Vermieterin vorher an (§ 9 MRG), Eigentümer:innen brauchen die Zustimmung der Miteigentümer (§ 16 WEG).

Wenden Sie sich vorab an die Verwaltung.`,
      ),
      en: t(
        ['Can I barbecue on the balcony?', 'Is a privacy screen on the balcony allowed?', 'Flower boxes on the balcony railing', 'Install a balcony solar panel', 'Put up an awning', 'Can I smoke on the terrace?'],
        `- **Barbecues**: electric grills are usually fine; charcoal and gas grills only if the house rules allow — smoke must not bother the neighbours.
- **Flower boxes**: please secure them on the inside of the railing; do not let water drip onto the balcony below.
- **Privacy screens, awnings, balcony solar panels** change the building's appearance: tenants notify the landlord beforehand (§ 9 MRG), owners need the co-owners' consent (§ 16 WEG).

Please contact the management first.`,
      ),
    },
    DE: {
      de: t(
        ['Darf ich auf dem Balkon grillen?', 'Sichtschutz am Balkon erlaubt?', 'Blumenkästen am Balkongeländer', 'Balkonkraftwerk anbringen', 'Markise anbringen', 'Darf ich auf dem Balkon rauchen?'],
        `- **Grillen**: Elektrogrill meist erlaubt; Holzkohle nur, wenn die Hausordnung es zulässt und der Rauch die Nachbarn nicht belästigt.
- **Blumenkästen** bitte an der Innenseite des Geländers sichern.
- **Balkonkraftwerk (Steckersolargerät)**: Mieter:innen haben einen Anspruch auf Erlaubnis (§ 554 BGB), Eigentümer:innen auf Gestattung durch Beschluss (§ 20 Abs. 2 WEG) — über das Wie entscheidet die Verwaltung bzw. die Gemeinschaft. Vorher anfragen!
- **Sichtschutz, Markise** verändern das Aussehen des Hauses und brauchen eine Erlaubnis.

Wenden Sie sich vorab an die Verwaltung.`,
      ),
      en: t(
        ['Can I barbecue on the balcony?', 'Is a privacy screen on the balcony allowed?', 'Flower boxes on the balcony railing', 'Install a balcony power plant', 'Put up an awning', 'Can I smoke on the balcony?'],
        `- **Barbecues**: electric grills are usually fine; charcoal only if the house rules allow and the smoke does not bother the neighbours.
- **Flower boxes**: please secure them on the inside of the railing.
- **Plug-in solar device (balcony power plant)**: tenants are entitled to permission (§ 554 BGB), owners to approval by resolution (§ 20(2) WEG) — the management or the owners decide how. Ask first!
- **Privacy screens, awnings** change the building's appearance and need permission.

Please contact the management first.`,
      ),
    },
  },
  {
    key: 'satellite_dish',
    category: 'umbau',
    AT: {
      de: t(
        ['Darf ich eine Satellitenschüssel montieren?', 'SAT-Schüssel am Balkon erlaubt?', 'Antenne an der Fassade anbringen', 'Parabolantenne aufstellen', 'Wie bekomme ich ausländische Sender?', 'Satellitenanlage genehmigen lassen'],
        `Eine **Satellitenschüssel** an Fassade, Balkon oder Dach verändert das Haus und braucht eine Zustimmung: Mieter:innen zeigen sie der Vermieterin vorher an (§ 9 MRG), Eigentümer:innen brauchen die Zustimmung der Miteigentümer (§ 16 Abs 2 WEG). Abgelehnt wird sie vor allem, wenn ein Anschluss an eine vorhandene Gemeinschaftsanlage, Kabel oder Internet-TV möglich ist.

Eine Schüssel, die frei auf dem Balkonboden steht und nicht über das Geländer ragt, ist meist unproblematisch. Fragen Sie vorher bei der Verwaltung an.`,
      ),
      en: t(
        ['Can I install a satellite dish?', 'Is a satellite dish on the balcony allowed?', 'Put an antenna on the façade', 'Set up a dish antenna', 'How do I get foreign TV channels?', 'Get approval for a satellite system'],
        `A **satellite dish** on the façade, balcony or roof changes the building and needs consent: tenants notify the landlord beforehand (§ 9 MRG), owners need the co-owners' consent (§ 16(2) WEG). It is mostly refused where a connection to an existing shared system, cable or internet TV is possible.

A dish standing freely on the balcony floor that does not stick out over the railing is usually no problem. Please ask the management first.`,
      ),
    },
    DE: {
      de: t(
        ['Darf ich eine Satellitenschüssel montieren?', 'SAT-Schüssel am Balkon erlaubt?', 'Antenne an der Fassade anbringen', 'Parabolantenne aufstellen', 'Wie bekomme ich Sender aus meiner Heimat?', 'Satellitenanlage genehmigen lassen'],
        `Eine **Parabolantenne** an Fassade, Balkon oder Dach braucht die Erlaubnis des Vermieters bzw. einen Beschluss der Eigentümer. Die Gerichte wägen ab: Gibt es Kabel- oder Internetempfang, wird sie meist abgelehnt; ein besonderes Informationsinteresse (z. B. Sender des Heimatlandes, die anders nicht zu empfangen sind) kann für die Erlaubnis sprechen.

Eine Schüssel, die frei auf dem Balkon steht und nicht über die Brüstung ragt, ist meist unproblematisch. Fragen Sie vorher bei der Verwaltung an.`,
      ),
      en: t(
        ['Can I install a satellite dish?', 'Is a satellite dish on the balcony allowed?', 'Put an antenna on the façade', 'Set up a dish antenna', 'How do I get TV channels from my home country?', 'Get approval for a satellite system'],
        `A **satellite dish** on the façade, balcony or roof needs the landlord's permission or an owners' resolution. Courts weigh the interests: where cable or internet reception exists, it is usually refused; a special interest in information (e.g. channels from your home country that are not available otherwise) can speak for it.

A dish standing freely on the balcony that does not stick out over the railing is usually no problem. Please ask the management first.`,
      ),
    },
  },
  {
    key: 'smoke_detector',
    category: 'technik',
    AT: {
      de: t(
        ['Brauche ich einen Rauchmelder?', 'Rauchmelder piepst', 'Sind Rauchwarnmelder Pflicht?', 'Rauchmelder Batterie wechseln', 'Wer montiert die Rauchmelder?', 'Rauchmelder Fehlalarm'],
        `Wo **Rauchwarnmelder** vorgeschrieben sind, regelt die **Bauordnung Ihres Bundeslandes** — meist in Aufenthaltsräumen (außer Küche) und Gängen, die als Fluchtweg dienen, vor allem bei Neubau und Umbau. Wir empfehlen sie in jeder Wohnung.

**Piepst** der Melder in Abständen, ist meist die Batterie leer: Tauschen Sie sie bzw. melden Sie es, wenn das Gerät von der Verwaltung gewartet wird. Bei echtem Rauch oder Feuer: [122](tel:122).`,
      ),
      en: t(
        ['Do I need a smoke detector?', 'The smoke alarm keeps beeping', 'Are smoke alarms mandatory?', 'Change the smoke detector battery', 'Who installs the smoke detectors?', 'Smoke alarm false alarm'],
        `Where **smoke alarms** are required is set by the **building code of your federal state** — usually in living and sleeping rooms (not the kitchen) and corridors used as escape routes, mainly in new or converted buildings. We recommend them in every flat.

If the alarm **chirps** at intervals, the battery is usually flat: replace it, or report it if the management services the device. For real smoke or fire: [122](tel:122).`,
      ),
    },
    DE: {
      de: t(
        ['Brauche ich einen Rauchmelder?', 'Rauchmelder piept', 'Sind Rauchwarnmelder Pflicht?', 'Rauchmelder Batterie wechseln', 'Wer wartet die Rauchmelder?', 'Rauchmelder Fehlalarm'],
        `**Rauchwarnmelder sind in allen Bundesländern Pflicht** (Landesbauordnungen): in Schlafräumen, Kinderzimmern und Fluren, die zu Aufenthaltsräumen führen. Der Eigentümer baut sie ein; wer sie wartet, regelt die jeweilige Landesbauordnung — oft beauftragt die Verwaltung eine Fachfirma für die jährliche Prüfung.

**Piept** der Melder in Abständen, ist meist die Batterie leer: Melden Sie es bitte über **Schaden melden**. Bei echtem Rauch oder Feuer: [112](tel:112).`,
      ),
      en: t(
        ['Do I need a smoke detector?', 'The smoke alarm keeps beeping', 'Are smoke alarms mandatory?', 'Change the smoke detector battery', 'Who maintains the smoke detectors?', 'Smoke alarm false alarm'],
        `**Smoke alarms are mandatory in every German state** (state building codes): in bedrooms, children's rooms and hallways leading to living rooms. The owner installs them; who maintains them is set by the state's building code — the management often has a specialist firm check them yearly.

If the alarm **beeps** at intervals, the battery is usually flat: please report it via **Report damage**. For real smoke or fire: [112](tel:112).`,
      ),
    },
  },
  {
    key: 'insurance_damage',
    category: 'schaeden',
    AT: {
      de: t(
        ['Wasserschaden, zahlt die Versicherung?', 'Wie melde ich einen Versicherungsschaden?', 'Sturmschaden am Haus', 'Glasbruch am Fenster', 'Zahlt die Gebäudeversicherung meine Möbel?', 'Wasser tropft von der Decke'],
        `Melden Sie den Schaden **sofort** über **Schaden melden** im Portal, mit Fotos, Datum und Ursache (soweit bekannt). Die Verwaltung meldet ihn der **Gebäudeversicherung** des Hauses.

- Die Gebäudeversicherung deckt das Gebäude (Leitungen, Wände, Böden, Fenster).
- Ihre **Möbel und Ihr Hausrat** sind nur über Ihre eigene **Haushaltsversicherung** versichert — melden Sie den Schaden dort selbst.

Beschädigte Sachen bitte aufbewahren, bis die Versicherung sie gesehen hat. Bei austretendem Wasser: Hauptventil schließen und den Installateur-Notdienst rufen.`,
      ),
      en: t(
        ['Water damage, does insurance pay?', 'How do I report an insurance claim?', 'Storm damage to the building', 'Broken window glass', 'Does the building insurance pay for my furniture?', 'Water is dripping from the ceiling'],
        `Report the damage **immediately** via **Report damage** in the portal, with photos, date and cause (if known). The management reports it to the building's **buildings insurance**.

- Buildings insurance covers the building (pipes, walls, floors, windows).
- Your **furniture and belongings** are only covered by your own **household insurance** — report the damage there yourself.

Keep damaged items until the insurer has seen them. If water is escaping: close the main valve and call the plumbing emergency service.`,
      ),
    },
    DE: {
      de: t(
        ['Wasserschaden, zahlt die Versicherung?', 'Wie melde ich einen Versicherungsschaden?', 'Sturmschaden am Haus', 'Glasbruch am Fenster', 'Zahlt die Gebäudeversicherung meine Möbel?', 'Wasser tropft von der Decke'],
        `Melden Sie den Schaden **sofort** über **Schaden melden** im Portal, mit Fotos, Datum und Ursache (soweit bekannt). Die Verwaltung meldet ihn der **Wohngebäudeversicherung**.

- Die Wohngebäudeversicherung deckt das Gebäude (Leitungen, Wände, Böden, Fenster).
- Ihre **Möbel und Ihr Hausrat** sind nur über Ihre eigene **Hausratversicherung** versichert — melden Sie den Schaden dort selbst.

Beschädigte Sachen bitte aufbewahren, bis die Versicherung sie gesehen hat. Bei austretendem Wasser: Hauptabsperrhahn schließen und den Notdienst rufen.`,
      ),
      en: t(
        ['Water damage, does insurance pay?', 'How do I report an insurance claim?', 'Storm damage to the building', 'Broken window glass', 'Does the building insurance pay for my furniture?', 'Water is dripping from the ceiling'],
        `Report the damage **immediately** via **Report damage** in the portal, with photos, date and cause (if known). The management reports it to the **residential buildings insurance**.

- Buildings insurance covers the building (pipes, walls, floors, windows).
- Your **furniture and belongings** are only covered by your own **contents insurance** — report the damage there yourself.

Keep damaged items until the insurer has seen them. If water is escaping: close the main stopcock and call the emergency service.`,
      ),
    },
  },
  {
    key: 'owners_meeting',
    category: 'eigentum',
    roles: ownerOnly,
    AT: {
      de: t(
        ['Wann ist die nächste Eigentümerversammlung?', 'Wie oft gibt es eine Eigentümerversammlung?', 'Wie werden Beschlüsse gefasst?', 'Kann ich einen Beschluss anfechten?', 'Tagesordnung der Eigentümerversammlung', 'Kann ich schriftlich abstimmen?'],
        `Die **Eigentümerversammlung** beruft die Verwaltung mindestens **alle zwei Jahre** ein, mit einer Einladung spätestens **zwei Wochen** vorher (§ 25 WEG). Termin und Tagesordnung finden Sie in den Aushängen und Dokumenten des Portals.

Beschlüsse fasst die Mehrheit, gerechnet nach Miteigentumsanteilen (§ 24 Abs 4 WEG); sie können auch schriftlich (im Umlauf) gefasst werden. Ein Beschluss wird angeschlagen; jede:r Eigentümer:in kann ihn binnen **eines Monats** ab Anschlag bei Gericht anfechten (§ 24 Abs 6 WEG).`,
      ),
      en: t(
        ["When is the next owners' meeting?", "How often is there an owners' meeting?", 'How are resolutions passed?', 'Can I challenge a resolution?', "Agenda of the owners' meeting", 'Can I vote in writing?'],
        `The management calls the **owners' meeting** at least **every two years**, with an invitation at least **two weeks** ahead (§ 25 WEG). You find the date and agenda in the notices and documents of the portal.

Resolutions are passed by majority, counted by co-ownership shares (§ 24(4) WEG); they can also be passed in writing (by circulation). A resolution is posted; every owner can challenge it in court within **one month** of posting (§ 24(6) WEG).`,
      ),
    },
    DE: {
      de: t(
        ['Wann ist die nächste Eigentümerversammlung?', 'Wie oft gibt es eine Eigentümerversammlung?', 'Wie werden Beschlüsse gefasst?', 'Kann ich einen Beschluss anfechten?', 'Tagesordnung der ETV', 'Kann ich online an der Versammlung teilnehmen?'],
        `Die **Eigentümerversammlung** beruft die Verwaltung mindestens **einmal im Jahr** ein, mit einer Frist von mindestens **drei Wochen** (§ 24 Abs. 1 und 4 WEG). Termin und Tagesordnung finden Sie in den Aushängen und Dokumenten des Portals. Die Gemeinschaft kann die Online-Teilnahme beschließen (§ 23 Abs. 1a WEG).

Beschlüsse werden mit der Mehrheit der abgegebenen Stimmen gefasst (§ 25 Abs. 1 WEG). Eine **Anfechtungsklage** muss binnen **eines Monats** nach der Beschlussfassung erhoben werden (§ 45 WEG).`,
      ),
      en: t(
        ["When is the next owners' meeting?", "How often is there an owners' meeting?", 'How are resolutions passed?', 'Can I challenge a resolution?', "Agenda of the owners' meeting", 'Can I attend the meeting online?'],
        `The management calls the **owners' meeting** at least **once a year**, with at least **three weeks'** notice (§ 24(1) and (4) WEG). You find the date and agenda in the notices and documents of the portal. The owners can resolve to allow online participation (§ 23(1a) WEG).

Resolutions are passed by a majority of the votes cast (§ 25(1) WEG). An **action to challenge** a resolution must be filed within **one month** of the resolution (§ 45 WEG).`,
      ),
    },
  },
  {
    key: 'reserve_fund',
    category: 'eigentum',
    roles: ownerOnly,
    AT: {
      de: t(
        ['Wie hoch ist die Rücklage?', 'Was ist die Reparaturrücklage?', 'Wofür wird die Rücklage verwendet?', 'Warum wird die Rücklage erhöht?', 'Stand der Rücklage', 'Mindestrücklage pro Quadratmeter'],
        `Die **Rücklage** ist das gemeinsame Polster der Eigentümergemeinschaft für Erhaltung und Verbesserung des Hauses (§ 31 WEG). Sie ist angemessen zu bilden; seit 2022 beträgt der **Mindestbeitrag 0,90 € je m² Nutzfläche und Monat**, wertgesichert (§ 31 Abs 1 WEG).

Den Stand der Rücklage finden Sie in der jährlichen Abrechnung; Ihr monatlicher Beitrag steht auf Ihrer Vorschreibung. Über größere Vorhaben und eine Erhöhung entscheidet die Eigentümergemeinschaft — wenden Sie sich bei Fragen an die Verwaltung.`,
      ),
      en: t(
        ['How much is in the reserve fund?', 'What is the repair reserve?', 'What is the reserve used for?', 'Why is the reserve contribution going up?', 'Balance of the reserve fund', 'Minimum reserve per square metre'],
        `The **reserve fund (Rücklage)** is the owners' joint cushion for maintaining and improving the building (§ 31 WEG). It must be adequate; since 2022 the **minimum contribution is €0.90 per m² of floor area per month**, index-linked (§ 31(1) WEG).

The reserve balance is in the annual statement; your monthly contribution is on your monthly charge. The owners decide on larger projects and increases — please contact the management with questions.`,
      ),
    },
    DE: {
      de: t(
        ['Wie hoch ist die Erhaltungsrücklage?', 'Was ist die Instandhaltungsrücklage?', 'Wofür wird die Rücklage verwendet?', 'Warum wird die Rücklage erhöht?', 'Stand der Rücklage', 'Sonderumlage statt Rücklage?'],
        `Die **Erhaltungsrücklage** (früher Instandhaltungsrücklage) ist das gemeinsame Polster der Gemeinschaft für Erhaltung und Reparaturen (§ 19 Abs. 2 Nr. 4 WEG). Ihre Höhe und Ihre Zuführung beschließt die Eigentümerversammlung mit dem **Wirtschaftsplan** (§ 28 Abs. 1 WEG).

Den Stand finden Sie im jährlichen **Vermögensbericht** (§ 28 Abs. 4 WEG). Reicht die Rücklage für ein Vorhaben nicht, kann eine Sonderumlage beschlossen werden. Bei Fragen wenden Sie sich an die Verwaltung.`,
      ),
      en: t(
        ['How much is in the maintenance reserve?', 'What is the repair reserve?', 'What is the reserve used for?', 'Why is the reserve contribution going up?', 'Balance of the reserve', 'Special levy instead of the reserve?'],
        `The **maintenance reserve (Erhaltungsrücklage)** is the owners' joint cushion for upkeep and repairs (§ 19(2)(4) WEG). The owners' meeting resolves its amount and your contribution with the **business plan** (§ 28(1) WEG).

You find the balance in the annual **asset report** (§ 28(4) WEG). If the reserve does not cover a project, a special levy can be resolved. For questions, please contact the management.`,
      ),
    },
  },
  {
    key: 'house_money',
    category: 'eigentum',
    roles: ownerOnly,
    AT: {
      de: t(
        ['Was ist in meiner Vorschreibung als Eigentümer enthalten?', 'Wie setzt sich die Vorschreibung zusammen?', 'Warum ist meine Vorschreibung gestiegen?', 'Wie werden die Kosten auf die Eigentümer aufgeteilt?', 'Hausgeld Wohnungseigentum', 'Akonto für Betriebskosten als Eigentümer'],
        `Ihre monatliche **Vorschreibung** als Wohnungseigentümer:in besteht aus dem **Akonto für die Betriebskosten**, dem Beitrag zur **Rücklage** (§ 31 WEG) und gegebenenfalls dem Akonto für **Heizkosten**, jeweils mit Umsatzsteuer, soweit sie anfällt.

Die Kosten werden nach **Miteigentumsanteilen** aufgeteilt, wenn nichts anderes vereinbart ist (§ 32 Abs 1 WEG). Die Vorschreibung wird nach der Abrechnung bzw. nach Beschlüssen angepasst. Ihre Vorschreibungen sehen Sie im Portal bei Ihrem Konto.`,
      ),
      en: t(
        ['What is in my monthly charge as an owner?', 'How is my monthly charge made up?', 'Why has my monthly charge gone up?', 'How are costs split between owners?', 'House money for owners', 'Advance for operating costs as an owner'],
        `Your monthly **charge (Vorschreibung)** as an owner consists of the **advance for operating costs**, the **reserve fund** contribution (§ 31 WEG) and, where applicable, the advance for **heating costs**, each with VAT where it applies.

Costs are split by **co-ownership shares** unless agreed otherwise (§ 32(1) WEG). The charge is adjusted after the annual statement or by resolution. You can see your charges in the portal under your account.`,
      ),
    },
    DE: {
      de: t(
        ['Was ist im Hausgeld enthalten?', 'Wie setzt sich das Hausgeld zusammen?', 'Warum ist mein Hausgeld gestiegen?', 'Wie wird das Hausgeld verteilt?', 'Kann ich das Hausgeld auf den Mieter umlegen?', 'Wohngeld Eigentümer'],
        `Das **Hausgeld** sind Ihre monatlichen Vorschüsse nach dem **Wirtschaftsplan** (§ 28 Abs. 1 WEG): Betriebs- und Heizkosten, Verwaltervergütung, Instandhaltung und die Zuführung zur **Erhaltungsrücklage**. Verteilt wird nach **Miteigentumsanteilen**, sofern nichts anderes vereinbart oder beschlossen ist (§ 16 Abs. 2 WEG).

Vermieten Sie, dürfen Sie nur die **umlagefähigen Betriebskosten** (§ 2 BetrKV) an Ihre Mieter weitergeben, nicht Verwaltervergütung, Instandhaltung oder Rücklage. Ihr Hausgeld sehen Sie im Portal bei Ihrem Konto.`,
      ),
      en: t(
        ['What is included in the house money?', 'How is the house money made up?', 'Why has my house money gone up?', 'How is the house money split?', 'Can I pass the house money on to my tenant?', 'Monthly owner payment'],
        `**House money (Hausgeld)** is your monthly advance under the **business plan** (§ 28(1) WEG): operating and heating costs, the manager's fee, maintenance and the contribution to the **maintenance reserve**. It is split by **co-ownership shares** unless agreed or resolved otherwise (§ 16(2) WEG).

If you let your flat, you may only pass on the **operating costs that can be apportioned** (§ 2 BetrKV) to your tenants, not the manager's fee, maintenance or the reserve. You can see your house money in the portal under your account.`,
      ),
    },
  },
  {
    key: 'staircase_cleaning',
    category: 'hausordnung',
    AT: {
      de: t(
        ['Wann wird das Stiegenhaus geputzt?', 'Die Stiege ist schmutzig', 'Wer reinigt das Stiegenhaus?', 'Hausbetreuung kommt nicht', 'Beschwerde über die Reinigung', 'Reinigungsplan für die Stiege'],
        `Das **Stiegenhaus** reinigt die **Hausbetreuung** bzw. eine Reinigungsfirma nach einem festen Plan; der Reinigungsplan hängt meist im Haus aus. Die Kosten sind Betriebskosten (§ 23 MRG).

Ist die Stiege trotzdem schmutzig oder wurde ein Termin ausgelassen, melden Sie es bitte über eine **Anfrage** im Portal mit Stiege und Datum. Grobe Verschmutzungen, die jemand verursacht hat, beseitigt bitte der oder die Verursacher:in.`,
      ),
      en: t(
        ['When is the staircase cleaned?', 'The staircase is dirty', 'Who cleans the staircase?', 'The caretaker does not come', 'Complaint about the cleaning', 'Cleaning schedule for the staircase'],
        `The **staircase** is cleaned by the **caretaking service (Hausbetreuung)** or a cleaning company on a fixed schedule, usually posted in the building. The costs are operating costs (§ 23 MRG).

If the staircase is still dirty or a date was missed, please report it through a **request** in the portal with the staircase and date. Heavy soiling should be cleaned up by whoever caused it.`,
      ),
    },
    DE: {
      de: t(
        ['Wann wird das Treppenhaus geputzt?', 'Das Treppenhaus ist schmutzig', 'Wer reinigt das Treppenhaus?', 'Muss ich die Treppe selbst putzen?', 'Beschwerde über die Reinigungsfirma', 'Kehrwoche im Haus'],
        `Das **Treppenhaus** reinigt der **Hausmeister** bzw. eine Reinigungsfirma — oder, wenn Mietvertrag und Hausordnung es so regeln, die Bewohner:innen im Wechsel (Treppenhausreinigung bzw. Kehrwoche). Die Kosten einer Firma sind Betriebskosten (§ 2 Nr. 9 BetrKV).

Ist das Treppenhaus trotzdem schmutzig oder wurde ein Termin ausgelassen, melden Sie es bitte über eine **Anfrage** im Portal mit Haus und Datum.`,
      ),
      en: t(
        ['When is the stairwell cleaned?', 'The stairwell is dirty', 'Who cleans the stairwell?', 'Do I have to clean the stairs myself?', 'Complaint about the cleaning company', 'Cleaning rota in the building'],
        `The **stairwell** is cleaned by the **caretaker (Hausmeister)** or a cleaning company — or, where the lease and house rules say so, by the residents in turn. A company's costs are operating costs (§ 2 no. 9 BetrKV).

If the stairwell is still dirty or a date was missed, please report it through a **request** in the portal with the building and date.`,
      ),
    },
  },
  {
    key: 'winter_service',
    category: 'hausordnung',
    AT: {
      de: t(
        ['Wer räumt den Schnee?', 'Der Gehsteig ist nicht gestreut', 'Winterdienst vor dem Haus', 'Glatteis am Eingang', 'Muss ich Schnee schaufeln?', 'Schneeräumung Hof'],
        `Den **Gehsteig** vor dem Haus muss der Eigentümer von **6 bis 22 Uhr** von Schnee und Eis befreien und bestreuen (§ 93 StVO). Das erledigt bei uns die **Hausbetreuung** bzw. ein beauftragter Winterdienst — Mieter:innen müssen nicht selbst schaufeln, sofern der Vertrag nichts anderes sagt.

Ist der Gehsteig oder der Eingang trotzdem glatt, melden Sie es bitte sofort über eine **Anfrage** im Portal.`,
      ),
      en: t(
        ['Who clears the snow?', 'The pavement has not been gritted', 'Winter service in front of the building', 'Black ice at the entrance', 'Do I have to shovel snow?', 'Snow clearing in the courtyard'],
        `The owner must keep the **pavement** in front of the building clear of snow and ice and gritted from **6 am to 10 pm** (§ 93 StVO). We have the **caretaking service** or a winter service do this — tenants need not shovel themselves unless their lease says otherwise.

If the pavement or entrance is still slippery, please report it right away through a **request** in the portal.`,
      ),
    },
    DE: {
      de: t(
        ['Wer räumt den Schnee?', 'Der Gehweg ist nicht gestreut', 'Winterdienst vor dem Haus', 'Glatteis am Eingang', 'Muss ich Schnee schippen?', 'Räum- und Streupflicht'],
        `Die **Räum- und Streupflicht** für den Gehweg regelt die Satzung Ihrer Gemeinde (meist werktags ab 7 Uhr, sonn- und feiertags ab 8 oder 9 Uhr, bis 20 Uhr). Sie liegt beim Eigentümer, der sie einem **Winterdienst** oder dem **Hausmeister** überträgt; Mieter:innen räumen nur, wenn Mietvertrag oder Hausordnung das wirksam vorsehen.

Ist der Gehweg oder der Eingang trotzdem glatt, melden Sie es bitte sofort über eine **Anfrage** im Portal.`,
      ),
      en: t(
        ['Who clears the snow?', 'The pavement has not been gritted', 'Winter service in front of the building', 'Black ice at the entrance', 'Do I have to shovel snow?', 'Snow clearing duty'],
        `The **duty to clear and grit** the pavement is set by your municipality's bylaw (usually from 7 am on working days, from 8 or 9 am on Sundays and holidays, until 8 pm). It lies with the owner, who hands it to a **winter service** or the **caretaker**; tenants only clear snow if their lease or the house rules validly say so.

If the pavement or entrance is still slippery, please report it right away through a **request** in the portal.`,
      ),
    },
  },
  {
    key: 'pests',
    category: 'schaeden',
    AT: {
      de: t(
        ['Ich habe Kakerlaken in der Wohnung', 'Mäuse im Keller', 'Ratten im Hof', 'Bettwanzen, was tun?', 'Wespennest am Balkon', 'Schädlingsbekämpfung bestellen', 'Ungeziefer melden'],
        `Melden Sie **Ungeziefer** (Schaben, Bettwanzen, Mäuse, Ratten) bitte **bald** über **Schaden melden** im Portal, mit Fotos und Ort. Je früher, desto leichter ist es zu bekämpfen — oft sind mehrere Wohnungen betroffen.

Die Verwaltung beauftragt einen **Schädlingsbekämpfer**; die laufende Schädlingsbekämpfung im Haus ist Teil der Betriebskosten (§ 21 MRG). Bitte nicht selbst mit Gift arbeiten und Wespennester nicht selbst entfernen.`,
      ),
      en: t(
        ['I have cockroaches in my flat', 'Mice in the cellar', 'Rats in the courtyard', 'Bed bugs, what should I do?', 'Wasp nest on the balcony', 'Order pest control', 'Report vermin'],
        `Please report **pests** (cockroaches, bed bugs, mice, rats) **soon** via **Report damage** in the portal, with photos and location. The earlier, the easier — often several flats are affected.

The management commissions **pest control**; regular pest control in the building is part of the operating costs (§ 21 MRG). Please do not use poison yourself and do not remove wasp nests yourself.`,
      ),
    },
    DE: {
      de: t(
        ['Ich habe Kakerlaken in der Wohnung', 'Mäuse im Keller', 'Ratten im Hof', 'Bettwanzen, was tun?', 'Wespennest am Balkon', 'Kammerjäger bestellen', 'Ungeziefer melden'],
        `Melden Sie **Ungeziefer** (Schaben, Bettwanzen, Mäuse, Ratten) bitte **unverzüglich** über **Schaden melden** im Portal, mit Fotos und Ort (§ 536c BGB).

Die Verwaltung beauftragt einen **Schädlingsbekämpfer** (Kammerjäger); die laufende Ungezieferbekämpfung ist umlagefähig (§ 2 Nr. 9 BetrKV). Bitte nicht selbst mit Gift arbeiten und Wespennester nicht selbst entfernen.`,
      ),
      en: t(
        ['I have cockroaches in my flat', 'Mice in the cellar', 'Rats in the courtyard', 'Bed bugs, what should I do?', 'Wasp nest on the balcony', 'Call an exterminator', 'Report vermin'],
        `Please report **pests** (cockroaches, bed bugs, mice, rats) **without delay** via **Report damage** in the portal, with photos and location (§ 536c BGB).

The management commissions **pest control**; regular pest control is an operating cost that can be passed on (§ 2 no. 9 BetrKV). Please do not use poison yourself and do not remove wasp nests yourself.`,
      ),
    },
  },
  {
    key: 'internet_tv',
    category: 'technik',
    AT: {
      de: t(
        ['Wie bekomme ich Internet in der Wohnung?', 'Gibt es Glasfaser im Haus?', 'Kabelfernsehen anmelden', 'Welcher Internetanbieter ist im Haus?', 'TV-Anschluss funktioniert nicht', 'Darf der Techniker in den Keller?'],
        `**Internet und Fernsehen** bestellen Sie direkt bei einem Anbieter Ihrer Wahl; welche Anschlüsse (Kabel, Glasfaser, Telefonleitung) im Haus liegen, zeigt die Verfügbarkeitsabfrage der Anbieter.

Braucht der Techniker Zutritt zum Keller oder zum Hausanschluss, oder soll eine neue Leitung verlegt werden, wenden Sie sich bitte vorher über eine **Anfrage** im Portal an die Verwaltung. Störungen Ihres Anschlusses meldet Ihr Anbieter.`,
      ),
      en: t(
        ['How do I get internet in my flat?', 'Is there fibre in the building?', 'Sign up for cable TV', 'Which internet provider is in the building?', 'TV connection not working', 'Can the technician access the cellar?'],
        `You order **internet and TV** directly from a provider of your choice; the providers' availability checks show which connections (cable, fibre, phone line) the building has.

If the technician needs access to the cellar or the building connection, or a new line is to be laid, please ask the management first through a **request** in the portal. Faults of your connection are handled by your provider.`,
      ),
    },
    DE: {
      de: t(
        ['Wie bekomme ich Internet in der Wohnung?', 'Gibt es Glasfaser im Haus?', 'Kabelfernsehen nicht mehr in den Nebenkosten?', 'Welcher Internetanbieter ist im Haus?', 'TV-Anschluss funktioniert nicht', 'Darf der Techniker in den Keller?'],
        `**Internet und Fernsehen** bestellen Sie direkt bei einem Anbieter Ihrer Wahl. Seit dem **1. Juli 2024** dürfen die Kosten des Kabelanschlusses nicht mehr über die Nebenkosten umgelegt werden (Ende des Nebenkostenprivilegs, TKG) — Sie schließen einen eigenen Vertrag ab.

Braucht der Techniker Zutritt zum Keller oder zum Hausanschluss, wenden Sie sich bitte vorher über eine **Anfrage** im Portal an die Verwaltung. Störungen Ihres Anschlusses meldet Ihr Anbieter.`,
      ),
      en: t(
        ['How do I get internet in my flat?', 'Is there fibre in the building?', 'Cable TV no longer in the service charges?', 'Which internet provider is in the building?', 'TV connection not working', 'Can the technician access the cellar?'],
        `You order **internet and TV** directly from a provider of your choice. Since **1 July 2024** cable TV costs may no longer be passed on through the service charges (end of the service charge privilege, TKG) — you take out your own contract.

If the technician needs access to the cellar or the building connection, please ask the management first through a **request** in the portal. Faults of your connection are handled by your provider.`,
      ),
    },
  },
  { key: 'portal_access', category: 'portal', AT: portalAccess, DE: portalAccess },
  {
    key: 'rent_adjustment',
    category: 'vertrag',
    roles: tenantOnly,
    AT: {
      de: t(
        ['Warum wurde meine Miete erhöht?', 'Wie oft darf die Miete steigen?', 'Indexanpassung der Miete', 'Was ist die Wertsicherung?', 'Richtwertmiete Erhöhung', 'Mieterhöhung ungerechtfertigt?'],
        `Die meisten Mietverträge sind **wertgesichert**: Die Miete folgt dem Verbraucherpreisindex nach der Klausel in Ihrem Vertrag. **Richtwert- und Kategoriemieten** ändern sich nach dem MRG, wenn die Beträge gesetzlich angepasst werden; der Gesetzgeber hat diese Erhöhungen in den letzten Jahren mehrfach begrenzt.

Eine Erhöhung wird Ihnen schriftlich mitgeteilt, bevor sie gilt; steigen die Betriebskosten, ändert sich zusätzlich das Akonto. Ob und wie viel bei Ihnen zulässig ist, hängt vom Vertrag ab — wenden Sie sich an die Verwaltung.`,
      ),
      en: t(
        ['Why was my rent increased?', 'How often can the rent go up?', 'Index adjustment of the rent', 'What is the value protection clause?', 'Reference rent increase', 'Is my rent increase justified?'],
        `Most leases are **index-linked**: the rent follows the consumer price index as the clause in your lease says. **Reference (Richtwert) and category rents** change under the MRG when the amounts are adjusted by law; the legislator has capped these increases several times in recent years.

You are told about an increase in writing before it applies; if operating costs rise, the advance changes too. Whether and by how much an increase is allowed depends on your lease — please contact the management.`,
      ),
    },
    DE: {
      de: t(
        ['Warum wurde meine Miete erhöht?', 'Wie oft darf die Miete steigen?', 'Indexmiete Erhöhung', 'Muss ich der Mieterhöhung zustimmen?', 'Mieterhöhung Vergleichsmiete', 'Mieterhöhung nach Modernisierung'],
        `Das hängt von Ihrem Vertrag ab:

- **Indexmiete**: folgt dem Verbraucherpreisindex; eine Änderung muss in Textform erklärt werden, frühestens ein Jahr nach der letzten, und gilt ab dem übernächsten Monat (§ 557b BGB).
- **Staffelmiete**: die Erhöhungen stehen im Vertrag (§ 557a BGB).
- Sonst **Erhöhung auf die ortsübliche Vergleichsmiete** mit Ihrer Zustimmung: höchstens 20 % in drei Jahren (in vielen Städten 15 %), Überlegungsfrist bis Ende des zweiten Monats nach Zugang (§§ 558, 558b BGB).
- Nach einer **Modernisierung** bis zu 8 % der Kosten jährlich (§ 559 BGB).

Bei Fragen zur Berechnung wenden Sie sich an die Verwaltung.`,
      ),
      en: t(
        ['Why was my rent increased?', 'How often can the rent go up?', 'Index rent increase', 'Do I have to agree to a rent increase?', 'Rent increase to local comparable rent', 'Rent increase after modernisation'],
        `That depends on your lease:

- **Index rent**: follows the consumer price index; a change must be declared in text form, at the earliest one year after the last one, and applies from the month after next (§ 557b BGB).
- **Graduated rent**: the increases are in the lease (§ 557a BGB).
- Otherwise an **increase to the local comparable rent** with your consent: at most 20 % in three years (15 % in many cities), time to consider until the end of the second month after receipt (§§ 558, 558b BGB).
- After **modernisation**, up to 8 % of the costs per year (§ 559 BGB).

For questions about the calculation, please contact the management.`,
      ),
    },
  },
  {
    key: 'energy_certificate',
    category: 'dokumente',
    AT: {
      de: t(
        ['Wo finde ich den Energieausweis?', 'Gibt es einen Energieausweis für das Haus?', 'HWB Wert meiner Wohnung', 'Energieausweis für den Verkauf', 'Wie lange gilt ein Energieausweis?', 'Energieausweis anfordern'],
        `Den **Energieausweis** des Hauses finden Sie, sofern vorhanden, im Portal unter **Dokumente**. Er zeigt u. a. den Heizwärmebedarf (HWB) und den Gesamtenergieeffizienz-Faktor (fGEE) und gilt **zehn Jahre**.

Bei Verkauf oder Vermietung muss er vorgelegt und binnen 14 Tagen nach Vertragsabschluss ausgehändigt werden (Energieausweis-Vorlage-Gesetz 2012). Eigentümer:innen, die verkaufen oder vermieten wollen, wenden sich an die Verwaltung.`,
      ),
      en: t(
        ['Where is the energy certificate?', 'Is there an energy performance certificate for the building?', 'Heating demand value of my flat', 'Energy certificate for selling', 'How long is an energy certificate valid?', 'Request the energy certificate'],
        `The building's **energy performance certificate**, where available, is in the portal under **Documents**. It shows the heating demand (HWB) and the overall energy efficiency factor (fGEE), among others, and is valid for **ten years**.

When selling or letting, it must be shown and handed over within 14 days after the contract is signed (Energy Certificate Presentation Act 2012). Owners who want to sell or let should contact the management.`,
      ),
    },
    DE: {
      de: t(
        ['Wo finde ich den Energieausweis?', 'Gibt es einen Energieausweis für das Haus?', 'Verbrauchsausweis oder Bedarfsausweis?', 'Energieausweis für den Verkauf', 'Wie lange gilt ein Energieausweis?', 'Energieausweis anfordern'],
        `Den **Energieausweis** des Hauses finden Sie, sofern vorhanden, im Portal unter **Dokumente**. Es gibt ihn als Bedarfs- oder Verbrauchsausweis; er gilt **zehn Jahre** (§ 79 GEG).

Bei Verkauf oder Vermietung muss er spätestens bei der Besichtigung vorgelegt und nach Vertragsschluss unverzüglich übergeben werden (§ 80 GEG). Eigentümer:innen, die verkaufen oder vermieten wollen, wenden sich an die Verwaltung.`,
      ),
      en: t(
        ['Where is the energy certificate?', 'Is there an energy performance certificate for the building?', 'Consumption or demand certificate?', 'Energy certificate for selling', 'How long is an energy certificate valid?', 'Request the energy certificate'],
        `The building's **energy performance certificate**, where available, is in the portal under **Documents**. It is either a demand or a consumption certificate and is valid for **ten years** (§ 79 GEG).

When selling or letting, it must be shown at the viewing at the latest and handed over without delay after signing (§ 80 GEG). Owners who want to sell or let should contact the management.`,
      ),
    },
  },
  {
    key: 'ev_charging',
    category: 'umbau',
    AT: {
      de: t(
        ['Darf ich eine Wallbox in der Garage installieren?', 'E-Auto laden im Haus', 'Ladestation für Elektroauto', 'Gibt es Ladesäulen in der Garage?', 'Wallbox Genehmigung', 'Steckdose für E-Auto am Stellplatz'],
        `- **Eigentümer:innen**: Eine Ladestation zum **Langsamladen** am eigenen Abstellplatz gilt als genehmigt, wenn die anderen Eigentümer nach Verständigung nicht binnen **zwei Monaten** widersprechen (§ 16 Abs 5 WEG).
- **Mieter:innen**: Zeigen Sie die Wallbox als Veränderung der Vermieterin vorher an (§ 9 MRG).

In jedem Fall muss ein Elektriker prüfen, ob der Hausanschluss reicht; oft plant die Gemeinschaft eine gemeinsame Lösung. Schicken Sie Ihr Vorhaben über eine **Anfrage** im Portal.`,
      ),
      en: t(
        ['Can I install a wallbox in the garage?', 'Charging an electric car at the building', 'Charging station for my EV', 'Are there chargers in the garage?', 'Wallbox approval', 'Socket for my electric car at my parking space'],
        `- **Owners**: a **slow-charging** point at your own parking space counts as approved if the other owners, once informed, do not object within **two months** (§ 16(5) WEG).
- **Tenants**: notify the landlord of the wallbox as an alteration beforehand (§ 9 MRG).

Either way an electrician must check that the building's supply is sufficient; often the owners plan a shared solution. Send your plan through a **request** in the portal.`,
      ),
    },
    DE: {
      de: t(
        ['Darf ich eine Wallbox in der Tiefgarage installieren?', 'E-Auto laden im Haus', 'Ladestation für Elektroauto', 'Gibt es Ladesäulen in der Garage?', 'Wallbox Genehmigung', 'Steckdose für E-Auto am Stellplatz'],
        `- **Mieter:innen** haben einen Anspruch auf Erlaubnis für eine Ladestation (§ 554 BGB); die Kosten tragen Sie.
- **Eigentümer:innen** können verlangen, dass die Gemeinschaft die Ladestation gestattet (§ 20 Abs. 2 Nr. 2 WEG); über die Durchführung beschließt die Versammlung, die Kosten tragen Sie (§ 21 WEG).

Ein Elektriker muss prüfen, ob der Hausanschluss reicht. Schicken Sie Ihr Vorhaben über eine **Anfrage** im Portal.`,
      ),
      en: t(
        ['Can I install a wallbox in the underground car park?', 'Charging an electric car at the building', 'Charging station for my EV', 'Are there chargers in the garage?', 'Wallbox approval', 'Socket for my electric car at my parking space'],
        `- **Tenants** are entitled to permission for a charging point (§ 554 BGB); you bear the costs.
- **Owners** can require the community to allow a charging point (§ 20(2)(2) WEG); the meeting decides how it is done, and you bear the costs (§ 21 WEG).

An electrician must check that the building's supply is sufficient. Send your plan through a **request** in the portal.`,
      ),
    },
  },
];

/** The keys of the starter set, in their order. */
export const starterFaqKeys: readonly string[] = defs.map((d) => d.key);

/**
 * The starter FAQ for an organization in Austria (`AT`) or Germany (`DE`): one entry per key and language (de, en),
 * {@link starterFaqKeys} in order, German first. Fresh arrays on every call (callers may change them).
 */
export function starterFaq(country: 'AT' | 'DE'): StarterFaqEntry[] {
  return defs.flatMap((d) =>
    (['de', 'en'] as const).map((lang) => ({
      key: d.key,
      lang,
      category: d.category,
      questions: [...d[country][lang].q],
      answer: d[country][lang].a,
      ...(d.roles ? { roles: [...d.roles] } : {}),
    })),
  );
}
