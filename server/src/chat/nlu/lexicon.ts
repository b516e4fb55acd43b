import { foldUmlauts } from './normalize.ts';

// Word lists of the retrieval (chat/nlu/match.ts), all in normalized spelling (normalize.ts: lower case, umlauts
// folded). German (Austrian and German usage) and English together: a person may write either in either session.

const list = (text: string): Set<string> => new Set(foldUmlauts(text.toLowerCase()).split(/\s+/).filter(Boolean));

/**
 * Words that say nothing about what is asked: articles, pronouns, auxiliaries, particles, most question words,
 * politeness ("bitte", "please"). Kept as words: negations ("nicht bezahlt" is not "bezahlt"), "wo"/"wann"/"wer"
 * and their English forms (weak words below), "kannst" ("Was kannst du?").
 */
export const stopWords: Set<string> = list(`
  der die das den dem des ein eine einen einem einer eines und oder aber sondern doch denn ja nein jo na eh halt
  ist sind bin bist war waren wird werden wurde wurden worden sein seid gewesen hat habe hab hast haben hatte hatten
  ich du er sie es wir ihr man mir mich dir dich uns euch sich ihm ihn ihnen
  mein meine meinen meinem meiner meines dein deine deinen deinem deiner unser unsere unseren unserem unserer
  euer eure euren eurem eurer ihre ihren ihrem ihrer ihres sein seine seinen seinem seiner
  im in ins am an auf aus bei beim mit nach von vom vor zu zum zur fuer ueber unter um durch bis ohne gegen seit
  bitte bittschoen bitteschoen gerne gern mal einmal noch schon auch nur sehr so soll sollen sollte kann koennen
  koennte koenntest koennten muss muessen musst darf duerfen darfst will wollen moechte moechten moechtest
  wuerde wuerden gibt gibts es dass ob wenn weil als wie was wen wem warum wieso weshalb welche welcher
  welches welchen welchem wieviel wieviele viel viele vielen hier da dort dann jetzt gerade bereits eigentlich etwa
  wobei womit wofuer bekomme bekommt bekommen kriege kriegt habt hin her kommt kommen komme irgendwie bzw usw etc
  dies diese dieser dieses diesen diesem jemand etwas denn nun top info infos auskunft
  a an the and or but is are am was were be been being do does did doing have has had having
  i you he she it we they me him her us them my your his its our their mine yours myself
  this that these those to of in on at for from with by about as into over under up out if then so than
  can could would should will shall may might must please pls plz hey just also too very really still already
  what whats whom why how hows which there theres here im ive id ill youre lot lots much many
  dont doesnt didnt cant cannot wont isnt arent wasnt any some anything something get got
`);

/**
 * Courtesy words: a greeting or thanks only decides when nothing else is asked ("Hallo, wie hoch ist mein
 * Kontostand?" asks for the balance).
 */
export const courtesyWords: Set<string> = list(`
  hallo hi hey hello hallihallo servus griass griassdi gruess gruezi gott guten gute morgen tag abend moin moinmoin di eich
  danke dankeschoen vielen dank merci thanks thank thx cheers tschuess tschau ciao baba pfiat bye goodbye
  wiedersehen wiederschauen
`);

/**
 * Words that tell intents apart but say little about the topic (where, when, next, last, new): they count at
 * `weakWordFactor` of their weight.
 */
export const weakWords: Set<string> = list(`
  wo wann wer where when who naechste naechsten naechster naechstes next letzte letzten letzter last neue neuen neues
  new alle all aktuell aktuelle current kannst helfen hilfe help
`);
export const weakWordFactor = 0.4;

/**
 * Everyday words of homes and households (rooms, parts of a building, family, time): they say where or when, not
 * what is asked, and count at `contextWordFactor` of their weight ("Kakerlaken in der Küche" is about pests).
 */
export const contextWords: Set<string> = list(`
  kueche bad badezimmer schlafzimmer wohnzimmer kinderzimmer vorzimmer gang flur diele zimmer raum decke wand waende
  boden fenster tuer tuere dusche wc klo toilette haus gebaeude hof garten dach stock stockwerk etage eingang
  nachbar nachbarn nachbarin mann frau sohn tochter kind kinder partner partnerin familie
  heute gestern woche wochen monat monate jahr jahre seit immer wieder oft staendig dauernd lange
  kitchen bathroom bedroom living room hall hallway ceiling wall walls floor window windows door shower toilet
  house building yard garden roof husband wife son daughter child children family
  today yesterday week weeks month months year years always again often
`);
export const contextWordFactor = 0.5;

/**
 * Synonym groups (Austrian, German, English). A word of a group also finds every other word of the group: the
 * index and the query both carry the group's name next to the word (match.ts).
 */
export const synonymGroups: string[][] = [
  'saldo kontostand kontosaldo rueckstand rueckstaende schulden guthaben balance owe owing',
  'vorschreibung vorschreibungen miete mietzins hausgeld wohngeld akonto akontozahlung betriebskosten nebenkosten bk rent charge charges',
  'rauchfangkehrer rauchfangkehra rauchfangkehrerin schornsteinfeger kaminkehrer kaminfeger chimney',
  'hausbetreuung hausbetreuer hausmeister hausbesorger hauswart caretaker janitor',
  'stiege stiegen treppenhaus stiegenhaus treppe stairwell staircase stairs',
  'lift aufzug fahrstuhl elevator',
  'muell mist abfall garbage rubbish trash',
  'muelltonne mistkuebel kuebel tonne tonnen bins',
  'fahrrad fahrraeder rad radl velo bike bikes bicycle bicycles',
  'keller kellerabteil kellerraum kellerverschlag basement cellar',
  'heizung heizkoerper thermostat radiator radiators heating',
  'schimmel schimmelbefall mould mold',
  'laerm krach noise noisy',
  'kaution deposit',
  'kuendigung kuendigen terminate termination',
  'schluessel nachschluessel key keys',
  'parkplatz stellplatz garagenplatz parkplaetze parking',
  'ablesung ablesen abgelesen zaehlerstand zaehler meter',
  'lastschrift einzug einziehungsauftrag abbuchungsauftrag bankeinzug lastschriftmandat sepa debit',
  'bankverbindung iban kontonummer bankkonto',
  'dokumente dokument unterlagen documents document files',
  'meldung meldungen ticket tickets anliegen anfrage anfragen schadensmeldung request requests report reports issue issues',
  'termin termine appointment appointments',
  'ansprechpartner ansprechperson kontaktperson kontakt contact',
  'hausverwaltung verwaltung hausverwalter verwalter management manager',
  'aushang aushaenge anschlagtafel',
  'passwort kennwort password',
  'eigentuemerversammlung eigentuemerversammlungen hausversammlung versammlung meeting',
  'ruecklage ruecklagen reparaturfonds erhaltungsruecklage instandhaltungsruecklage reserve',
  'ungeziefer schaedlinge kakerlaken kakerlake schaben maeuse maus ratten pests vermin mice rats cockroaches',
  'elektroauto elektroautos eauto wallbox ladestation ladesaeule charging',
  'waschkueche waschraum laundry',
  'namensschild tuerschild klingelschild',
  'satellitenschuessel satschuessel satellit antenne dish satellite',
  'haustier haustiere hund hunde katze katzen pet pets dog dogs cat cats',
  'untervermieten untervermietung sublet subletting airbnb',
  'winterdienst schneeraeumung schnee streuen gestreut snow',
  'internet wlan wifi kabelfernsehen fernsehen',
  'einloggen login anmelden zugang registrieren registrierung',
  'mieterhoehung indexanpassung wertsicherung indexierung',
  'ausziehen ziehe wohnungsuebergabe',
  'umbau umbauen renovieren renovierung sanierung renovate alterations',
  'versicherung versicherungen insurance',
  'kaputt defekt broken',
  'rechnung rechnungen bills bill invoice invoices',
  'zahlung zahlungen zahlen bezahlen bezahlt gezahlt einzahlung payment payments pay paid',
  'ueberweisung ueberweisungen ueberweisen ueberwiesen transfer',
  'letzte letzten letzter letztes zuletzt last',
  'naechste naechsten naechster naechstes kommende kommenden next upcoming',
  'kaputt defekt funktioniert geht broken working',
  'abholung abfuhr abholen abgeholt abholtag abholtage pickup collected collection',
  'sprechen reden talk speak',
  'mensch menschen person mitarbeiter mitarbeiterin human staff agent',
  'repariert reparieren reparatur behoben repaired repair fixed',
  'neuigkeiten neues news',
  'aendern aendere geaendert aenderung change changed update aktualisieren',
  'oeffnungszeiten geoeffnet sprechzeiten erreichbar erreichen erreiche reach',
  'schmutzig dreckig verschmutzt dirty',
  'erhoeht erhoehung gestiegen steigen steigt increased increase',
  'genehmigung genehmigen erlaubnis erlaubt permission approval allowed',
  'entfernen durchbrechen abreissen remove',
  'wohnung wohnungen einheit einheiten flat apartment apartments unit units',
].map((group) => [...list(group)]);

/** Each synonym's group name (the group's first word). */
export const synonymOf: Map<string, string> = new Map(
  synonymGroups.flatMap((group) => group.map((word): [string, string] => [word, group[0]!])),
);
