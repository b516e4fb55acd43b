// /portal.html?org=<slug> shows another organization's portal: a new one set up with `npm run admin`, Krüger's
// demo, or the organization of a manager's preview link. A classic script right after the <hp-session> it changes, so
// it runs before the deferred module defines the elements (the page's policy allows no inline code).
(function () {
  var org = new URLSearchParams(location.search).get('org');
  var session = document.currentScript && document.currentScript.previousElementSibling;
  if (org && session && session.localName === 'hp-session' && /^[a-z0-9][a-z0-9-]{0,62}$/.test(org)) session.setAttribute('org', org);
})();
