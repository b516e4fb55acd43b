// Small helpers of the example homepages: mobile menu, the German/English switch and the counts of new notices,
// documents and requests on the portal's links. The switch sets `lang` on every <hp-session>; the portal widgets follow it at once.

const toggle = document.querySelector('.nav-toggle');
const nav = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
if (toggle && nav) {
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('is-open', open);
  });
  nav.addEventListener('click', (event) => {
    if (event.target instanceof HTMLAnchorElement) {
      toggle.setAttribute('aria-expanded', 'false');
      nav.classList.remove('is-open');
    }
  });
}

/**
 * What is new, as the widgets count it: notices (<hp-bulletin-board>'s `hp-posts-unread` event), documents
 * (<hp-documents>' `hp-documents-unread`) and requests (<hp-ticket-list>'s `hp-tickets-unread`); 0 until known and
 * signed out.
 */
const unread = { posts: 0, documents: 0, tickets: 0 };

/**
 * Shows the counts after the portal links (`[data-unread="posts"]`, `"documents"`, `"tickets"`): "2 neu" /
 * "2 new", read out with the link as "Dokumente, 2 neu"; hidden when nothing is new.
 */
function showUnread() {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'de';
  for (const badge of document.querySelectorAll('[data-unread]')) {
    const count = unread[badge.dataset.unread] ?? 0;
    const pause = Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ', ' });
    badge.replaceChildren(pause, `${count.toLocaleString(lang)} ${lang === 'en' ? 'new' : 'neu'}`);
    badge.hidden = count === 0;
  }
}

for (const [type, key] of [['hp-posts-unread', 'posts'], ['hp-documents-unread', 'documents'], ['hp-tickets-unread', 'tickets']]) {
  document.addEventListener(type, (event) => {
    unread[key] = event.detail.count;
    showUnread();
  });
}
// A request just sent, or a reported one just joined ("Ich bin auch betroffen"), appears in the list at once.
for (const type of ['hp-ticket-created', 'hp-ticket-joined']) {
  document.addEventListener(type, () => {
    for (const list of document.querySelectorAll('hp-ticket-list')) list.reload?.();
  });
}

/** Switches the page text (elements with data-en, labels with data-en-label) and every Hausportal session to `lang`. */
function setLanguage(lang) {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-en]')) {
    if (!('de' in el.dataset)) el.dataset.de = el.innerHTML;
    if (lang === 'en') el.textContent = el.dataset.en;
    else el.innerHTML = el.dataset.de;
  }
  for (const el of document.querySelectorAll('[data-en-label]')) {
    if (!('deLabel' in el.dataset)) el.dataset.deLabel = el.getAttribute('aria-label');
    el.setAttribute('aria-label', lang === 'en' ? el.dataset.enLabel : el.dataset.deLabel);
  }
  showUnread();
  for (const session of document.querySelectorAll('hp-session')) session.setAttribute('lang', lang);
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  const url = new URL(location.href);
  if (lang === 'de') url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  history.replaceState(history.state, '', url);
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.lang));
}

const initial = new URLSearchParams(location.search).get('lang');
if (initial === 'en' || initial === 'de') setLanguage(initial);
