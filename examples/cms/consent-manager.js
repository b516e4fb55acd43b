// Stand-in for a consent manager on examples/cms/consent.html, working as Cookiebot's manual blocking does: a blocked
// script has type="text/plain" and data-cookieconsent="<categories>"; when the visitor's choice allows all of its
// categories, the script is replaced by a copy of type="text/javascript". "necessary" is allowed from the start and
// released once the page has loaded; the banner's buttons set the choice.
(function () {
  var allowed = ['necessary'];

  function release() {
    document.querySelectorAll('script[type="text/plain"][data-cookieconsent]').forEach(function (blocked) {
      var wanted = blocked.getAttribute('data-cookieconsent').split(',').map(function (c) { return c.trim(); });
      if (!wanted.every(function (c) { return allowed.indexOf(c) !== -1; })) return;
      var copy = document.createElement('script');
      Array.prototype.forEach.call(blocked.attributes, function (a) {
        if (a.name !== 'type') copy.setAttribute(a.name, a.value);
      });
      copy.type = 'text/javascript';
      copy.text = blocked.text;
      blocked.replaceWith(copy);
    });
  }

  function choose(categories) {
    allowed = categories;
    document.getElementById('consent-banner').hidden = true;
    release();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('consent-all').addEventListener('click', function () { choose(['necessary', 'preferences', 'statistics']); });
    document.getElementById('consent-necessary').addEventListener('click', function () { choose(['necessary']); });
    release();
  });
})();
