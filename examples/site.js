// Small helpers of the example homepages: mobile menu and the German/English switch.
// The switch sets `lang` on every <hp-session>; the portal widgets follow it at once.

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

/** Switches the page text (elements with data-en) and every Hausportal session to `lang`. */
function setLanguage(lang) {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-en]')) {
    if (!('de' in el.dataset)) el.dataset.de = el.innerHTML;
    if (lang === 'en') el.textContent = el.dataset.en;
    else el.innerHTML = el.dataset.de;
  }
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
