// End to end: the WordPress plugin in examples/cms/wordpress-plugin/ with WordPress's own PHP (Debian's `wordpress`
// package and php-cli, which .ci/run installs) and the real server in the system Chromium (issue 15, "CMS").
//
// tests/render.php loads the whole of WordPress without a database server and does what a site does: an author's text
// is saved (kses without unfiltered_html), then a visitor's page runs the_content (do_blocks, wptexturize, wpautop,
// shortcode_unautop, do_shortcode, …) and wp_footer. The output must hold the session and widgets on one line, with
// hausportal.js once as a module; served next to the real server, the widgets sign in. It also shows why the plugin
// exists: the plain snippet pasted by an author loses its script and elements to kses, and wpautop splits it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { serverAndBrowser, type EndToEnd } from './browser.ts';
import { hostPage, moduleScripts, seeStatement, servePage, signIn } from './cms-pages.ts';
import { demoLogin, repoRoot } from './server.ts';

const wordpressDir = process.env.HP_WORDPRESS_DIR ?? '/usr/share/wordpress';
const harness = join(repoRoot, 'examples/cms/wordpress-plugin/tests/render.php');
const missing = spawnSync('php', ['-v']).status !== 0 ? 'php (php-cli)' : !existsSync(join(wordpressDir, 'wp-settings.php')) ? `WordPress in ${wordpressDir}` : '';
const skip = missing ? `${missing} is missing: apt-get install wordpress php-cli (.ci/run installs them)` : false;
const e2e: EndToEnd | undefined = skip ? undefined : serverAndBrowser({});
const katharina = demoLogin('katharina.huber@example.com');

interface RenderedPage {
  name: string;
  role: string;
  unfilteredHtml: boolean;
  saved: string;
  html: string;
  footer: string;
}
interface Rendered {
  wordpress: string;
  theContent: string[];
  pages: RenderedPage[];
  settings?: { input: Record<string, string>; saved: Record<string, string>; errors: string[] }[];
  admin?: { menu: string[] | null; page: string; pageForAuthor: string };
  warnings: string[];
  unanswered: string[];
}
interface PageRequest {
  name: string;
  role: 'author' | 'editor' | 'administrator';
  content: string;
  via?: 'post' | 'text-widget';
  ksesOutput?: boolean;
  continues?: boolean;
}

/** Runs render.php with `request` (see its header) and returns its result; fails on a PHP error. */
function render(request: { portal: string; plugin?: boolean; html5?: boolean; pages: PageRequest[]; settings?: object[] }): Promise<Rendered> {
  return new Promise((resolve, reject) => {
    const php = spawn('php', [harness], { env: { ...process.env, HP_WORDPRESS_DIR: wordpressDir } });
    let out = '';
    let err = '';
    php.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    php.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    php.on('error', reject);
    php.on('close', (code) => {
      if (code !== 0) reject(new Error(`render.php exited ${code}:\n${err}\n${out.slice(0, 2000)}`));
      else resolve(JSON.parse(out) as Rendered);
    });
    php.stdin.end(JSON.stringify(request));
  });
}

const named = (result: Rendered, name: string): RenderedPage => {
  const page = result.pages.find((p) => p.name === name);
  assert.ok(page, `no page ${name}`);
  return page;
};

/** The session elements of `html`, each as written. */
const sessions = (html: string): string[] => html.match(/<hp-session\b[\s\S]*?<\/hp-session>/g) ?? [];

/** The hausportal script tags of `html`. */
const scriptTags = (html: string): string[] => html.match(/<script\b[^>]*hausportal[^>]*><\/script>/g) ?? [];

/** The plain snippet an author would paste: module script and session, with a blank line as editors leave them. */
const snippet = (portal: string) => `<script type="module" src="${portal}/dist/hausportal.js"></script>
<hp-session api="${portal}/api" org="immopro" lang="de">
  <hp-login></hp-login>

  <hp-statement></hp-statement>
</hp-session>`;

/** The pages the plugin's site renders (see the checks below for what each shows). */
function sitePages(portal: string): PageRequest[] {
  return [
    { name: 'classic', role: 'author', content: 'Hier melden Sie sich an.\n\n[hausportal widgets="login,profile"]\n\nIhr Konto:\n\n[hausportal widgets="unit-list,statement" org="immopro"]\n\nFragen? Schreiben Sie uns.' },
    { name: 'inline', role: 'author', content: 'Melden Sie sich hier an: [hausportal widgets="login"] – danach sehen Sie "Ihr Konto".\n[hausportal widgets="statement" lang="en"]' },
    {
      name: 'block',
      role: 'author',
      content:
        '<!-- wp:paragraph -->\n<p>Ihr Konto</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:hausportal/portal {"widgets":["login","statement"],"org":"immopro"} /-->\n\n' +
        '<!-- wp:shortcode -->\n[hausportal widgets="unit-list"]\n<!-- /wp:shortcode -->',
    },
    { name: 'text-widget', role: 'author', via: 'text-widget', content: 'Kundenportal\n\n[hausportal widgets="login,statement"]' },
    { name: 'hostile', role: 'author', content: `[hausportal widgets="login, <script>, statement, evil, hp-profile, LOGIN" org='x" onmouseover="alert(1)' lang="fr"]` },
    { name: 'kses-output', role: 'author', ksesOutput: true, content: '[hausportal widgets="login,statement"]' },
    { name: 'list-1', role: 'author', content: '<!-- wp:hausportal/portal {"widgets":["login"]} /-->' },
    { name: 'list-2', role: 'author', continues: true, content: '[hausportal widgets="statement"]' },
    { name: 'raw-author', role: 'author', content: snippet(portal) },
    { name: 'raw-admin', role: 'administrator', content: snippet(portal) },
    { name: 'html-block-admin', role: 'administrator', content: `<!-- wp:html -->\n${snippet(portal)}\n<!-- /wp:html -->` },
    { name: 'html-block-author', role: 'author', content: `<!-- wp:html -->\n${snippet(portal)}\n<!-- /wp:html -->` },
    { name: 'foreign-api', role: 'author', content: '<hp-session api="https://evil.example/api" org="immopro" lang="xx"><hp-login onclick="steal()"></hp-login></hp-session>' },
  ];
}

const settingsInput = [
  { portal_url: 'https://portal.immopro-hv.at/', org: 'ImmoPro', lang: 'en' },
  { portal_url: 'javascript:alert(1)', org: 'immo pro!', lang: 'fr' },
  { portal_url: 'https://portal.example.com/?x=1', org: '', lang: 'de' },
];

let site: Rendered;
let plain: Rendered;
let html5: Rendered;

/** One `<hp-session>` as the plugin prints it for this server. */
const printed = (widgets: string[], lang = 'de') =>
  `<hp-session api="${e2e!.server.url}/api" org="immopro" lang="${lang}">${widgets.map((w) => `<hp-${w}></hp-${w}>`).join('')}</hp-session>`;

test('WordPress with the plugin: the author’s text saved, then the_content and wp_footer', { skip }, async (t) => {
  const portal = e2e!.server.url;
  [site, plain, html5] = await Promise.all([
    render({ portal, pages: sitePages(portal), settings: settingsInput }),
    render({ portal, plugin: false, pages: sitePages(portal).filter((p) => ['classic', 'raw-author', 'html-block-author'].includes(p.name)) }),
    render({ portal, html5: true, pages: sitePages(portal).filter((p) => p.name === 'classic') }),
  ]);
  const script = `${portal}/dist/hausportal.js`;
  /** The footer holds hausportal.js once, as a module, at the URL the portal documents (no ?ver). */
  const oneModule = (page: RenderedPage, footer = page.footer) => {
    const tags = scriptTags(footer);
    assert.equal(tags.length, 1, `${page.name}: ${footer}`);
    assert.match(tags[0]!, new RegExp(`^<script type="module" data-cookieconsent="ignore" src='${script}' id='hausportal-js'></script>$`));
  };

  await t.test(`WordPress ${site.wordpress}: the_content runs do_blocks, wptexturize, wpautop and shortcode_unautop before do_shortcode`, () => {
    const at = (name: string) => site.theContent.indexOf(name);
    assert.ok(at('do_blocks@9') >= 0 && at('do_shortcode@11') >= 0, site.theContent.join(', '));
    assert.ok(at('do_blocks@9') < at('wptexturize@10') && at('wptexturize@10') < at('wpautop@10'));
    assert.ok(at('wpautop@10') < at('shortcode_unautop@10') && at('shortcode_unautop@10') < at('do_shortcode@11'));
  });

  await t.test('classic editor: kses keeps the shortcode; each session stands on its own line; one module script', () => {
    const page = named(site, 'classic');
    assert.equal(page.unfilteredHtml, false, 'the author has no unfiltered_html');
    assert.equal(page.saved, sitePages(portal)[0]!.content);
    assert.deepEqual(sessions(page.html), [printed(['login', 'profile']), printed(['unit-list', 'statement'])]);
    for (const session of sessions(page.html)) assert.ok(page.html.includes(`\n${session}\n`), 'not wrapped in <p>');
    oneModule(page);
  });

  await t.test('shortcodes within a paragraph: the markup is untouched by wptexturize and wpautop', () => {
    const page = named(site, 'inline');
    assert.deepEqual(sessions(page.html), [printed(['login']), printed(['statement'], 'en')]);
    assert.match(page.html, /^<p>Melden Sie sich hier an: <hp-session/);
    assert.match(page.html, /&#8220;Ihr Konto&#8221;/, 'wptexturize did run on the text');
    oneModule(page);
  });

  await t.test('block editor: the block "Hausportal" and the Shortcode block print the same markup', () => {
    const page = named(site, 'block');
    assert.deepEqual(sessions(page.html), [printed(['login', 'statement']), printed(['unit-list'])]);
    assert.doesNotMatch(page.html, /<p>\s*<hp-session/);
    oneModule(page);
  });

  await t.test('Text widget: saved through its kses, rendered through widget_text_content', () => {
    const page = named(site, 'text-widget');
    assert.equal(page.saved, 'Kundenportal\n\n[hausportal widgets="login,statement"]');
    assert.deepEqual(sessions(page.html), [printed(['login', 'statement'])]);
    oneModule(page);
  });

  await t.test('unknown widget names are left out, an organization or language that is none falls back to the settings', () => {
    const page = named(site, 'hostile');
    assert.deepEqual(sessions(page.html), [printed(['login', 'statement', 'profile'])]);
    assert.doesNotMatch(page.html, /onmouseover|<script/);
  });

  await t.test('the output survives wp_kses_post run over the rendered page (themes and page builders)', () => {
    assert.deepEqual(sessions(named(site, 'kses-output').html), [printed(['login', 'statement'])]);
  });

  await t.test('after a block post in a post list, wpautop runs after shortcode_unautop: the one line stays whole in <p>', () => {
    const [first, second] = [named(site, 'list-1'), named(site, 'list-2')];
    assert.equal(first.html, printed(['login']));
    assert.equal(second.html, `<p>${printed(['statement'])}</p>\n`);
    oneModule(first, first.footer + second.footer);
  });

  await t.test('the plain snippet by an author without unfiltered_html: kses keeps nothing of it (without the plugin)', () => {
    for (const name of ['raw-author', 'html-block-author']) {
      const page = named(plain, name);
      assert.equal(page.unfilteredHtml, false);
      assert.doesNotMatch(page.saved, /<script|<hp-/, `${name}: ${page.saved}`);
      assert.doesNotMatch(page.html, /<script|<hp-/);
    }
    // Without the plugin the shortcode stays text, and wptexturize, which skips registered shortcodes, curls its quotes.
    assert.match(named(plain, 'classic').html, /<p>\[hausportal widgets=&#8221;login,profile&#8221;\]<\/p>/);
  });

  await t.test('with the plugin, kses keeps none of an author’s own Hausportal markup on save (the shortcode is the way), never a script', () => {
    assert.equal(named(site, 'foreign-api').saved, '');
    const raw = named(site, 'raw-author');
    assert.doesNotMatch(raw.saved, /<script|<hp-/);
  });

  await t.test('the plain snippet in the classic editor (administrator): wpautop adds <br> and splits it into paragraphs', () => {
    const page = named(site, 'raw-admin');
    assert.equal(page.unfilteredHtml, true);
    assert.equal(page.saved, snippet(portal), 'no kses with unfiltered_html');
    assert.match(page.html, /^<p><script type="module"[^>]*><\/script><br \/>\n<hp-session[^>]*><br \/>/);
    assert.match(page.html, /<hp-login><\/hp-login><\/p>\n<p>\s*<hp-statement>/, 'the blank line starts a new paragraph inside the session');
  });

  await t.test('the Custom HTML block (administrator) comes out unchanged; an author’s loses the script', () => {
    assert.equal(named(site, 'html-block-admin').html.trim(), snippet(portal));
    assert.doesNotMatch(named(site, 'html-block-author').saved, /<script/);
  });

  await t.test('a theme with html5 script support: still exactly one type, "module"', () => {
    oneModule(named(html5, 'classic'));
  });

  await t.test('settings: sanitized, a value that is none keeps the saved one and shows an error', () => {
    assert.deepEqual(
      site.settings!.map((s) => [s.saved, s.errors]),
      [
        [{ portal_url: 'https://portal.immopro-hv.at', org: 'immopro', lang: 'en' }, []],
        [{ portal_url: 'https://portal.immopro-hv.at', org: 'immopro', lang: '' }, ['hausportal-portal_url', 'hausportal-org']],
        [{ portal_url: 'https://portal.immopro-hv.at', org: '', lang: 'de' }, ['hausportal-portal_url']],
      ],
    );
  });

  await t.test('Settings → Hausportal: capability manage_options; the form posts to options.php; nothing for an author', () => {
    const admin = site.admin!;
    assert.deepEqual(admin.menu, ['Hausportal', 'manage_options', 'hausportal', 'Hausportal']);
    for (const field of ['portal_url', 'org', 'lang']) assert.match(admin.page, new RegExp(`name="hausportal_settings\\[${field}\\]"`));
    assert.match(admin.page, /<form action="options\.php" method="post"><input type='hidden' name='option_page' value='hausportal' \/>/);
    assert.equal(admin.pageForAuthor, '');
  });

  await t.test('no PHP warning or notice; the database drop-in answered every statement about the plugin', () => {
    for (const result of [site, plain, html5]) {
      assert.deepEqual(result.warnings, []);
      assert.deepEqual(result.unanswered.filter((sql) => sql.includes('hausportal')), []);
    }
  });
});

/** A WordPress page around rendered content: the entry content, a sidebar, and what wp_footer printed. */
function wordpressDocument(content: string, footer: string, sidebar = ''): string {
  return `<!doctype html><html lang="de-AT"><head><meta charset="utf-8"><title>Kundenportal – ImmoPro</title></head>
<body class="page-template-default page"><main class="entry-content">${content}</main>
<aside class="widget-area"><section class="widget widget_text">${sidebar}</section></aside>
${footer}</body></html>`;
}

test('the rendered pages in Chromium: the widgets sign in and show the account', { skip }, async (t) => {
  const pages: { name: string; html: () => string; extra?: string }[] = [
    { name: 'classic editor, two shortcodes', html: () => wordpressDocument(named(site, 'classic').html, named(site, 'classic').footer), extra: 'hp-unit-list [data-unit]' },
    { name: 'block editor, block and Shortcode block', html: () => wordpressDocument(named(site, 'block').html, named(site, 'block').footer), extra: 'hp-unit-list [data-unit]' },
    { name: 'Text widget in the sidebar', html: () => wordpressDocument('<p>Willkommen</p>', named(site, 'text-widget').footer, named(site, 'text-widget').html) },
    { name: 'after wp_kses_post over the page', html: () => wordpressDocument(named(site, 'kses-output').html, named(site, 'kses-output').footer) },
    {
      name: 'a post list: block post, then a classic post with <p> around the session',
      html: () => wordpressDocument(named(site, 'list-1').html + named(site, 'list-2').html, named(site, 'list-1').footer + named(site, 'list-2').footer),
    },
    { name: 'Custom HTML block of an administrator', html: () => wordpressDocument(named(site, 'html-block-admin').html, named(site, 'html-block-admin').footer) },
  ];
  for (const [index, { name, html, extra }] of pages.entries()) {
    await t.test(name, async () => {
      const host = await hostPage(e2e!.browser);
      await host.page.goto(await servePage(host.page, `${e2e!.server.url}/wordpress/page-${index}/`, html()));
      await signIn(host.page, katharina);
      await seeStatement(host.page);
      if (extra) await host.page.locator(extra).first().waitFor();
      assert.deepEqual(await moduleScripts(host.page), [`${e2e!.server.url}/dist/hausportal.js`]);
      assert.deepEqual(host.pageErrors, []);
      assert.deepEqual(host.consoleErrors, []);
      await host.context.close();
    });
  }
});

/** A node of the element tree the block's editor script builds with a stand-in for wp.element.createElement. */
interface Node {
  type: string;
  props: Record<string, unknown>;
  children: Node[];
}

test('the block editor script registers hausportal/portal and edits its widgets, organization and language', () => {
  const plugin = join(repoRoot, 'examples/cms/wordpress-plugin/hausportal');
  const registered: { name: string; settings: { edit: (props: object) => Node; save: () => unknown } }[] = [];
  const createElement = (type: string, props: Record<string, unknown> | null, ...children: unknown[]): Node => ({
    type,
    props: props ?? {},
    children: children.flat().filter((c): c is Node => typeof c === 'object' && c !== null),
  });
  // The editor's globals, each component standing for itself by name.
  const wp = {
    element: { createElement },
    i18n: { __: (text: string) => text },
    components: new Proxy({}, { get: (_, name) => String(name) }),
    blockEditor: { InspectorControls: 'InspectorControls', useBlockProps: () => ({ className: 'wp-block-hausportal-portal' }) },
    blocks: { registerBlockType: (name: string, settings: (typeof registered)[number]['settings']) => registered.push({ name, settings }) },
  };
  runInNewContext(readFileSync(join(plugin, 'block/editor.js'), 'utf8'), { window: { wp } });
  const metadata = JSON.parse(readFileSync(join(plugin, 'block/block.json'), 'utf8')) as { name: string; attributes: Record<string, unknown> };
  assert.deepEqual(registered.map((r) => r.name), [metadata.name]);
  assert.equal(registered[0]!.settings.save(), null, 'a dynamic block saves only its attributes');

  let attributes = { widgets: ['login'], org: '', lang: '' };
  const edit = () => registered[0]!.settings.edit({ attributes, setAttributes: (a: object) => (attributes = { ...attributes, ...a }) });
  const nodes = (node: Node): Node[] => [node, ...node.children.flatMap(nodes)];
  const control = (type: string, label?: string) => nodes(edit()).find((n) => n.type === type && (!label || n.props.label === label))!;
  const change = (node: Node, value: unknown) => (node.props.onChange as (v: unknown) => void)(value);

  // The editor offers exactly the widgets the shortcode knows (hausportal_widget_tags() in includes/render.php).
  const known = [...readFileSync(join(plugin, 'includes/render.php'), 'utf8').matchAll(/'([a-z-]+)'\s*=>\s*'hp-/g)].map((m) => m[1]);
  assert.equal(nodes(edit()).filter((n) => n.type === 'CheckboxControl').length, known.length);
  change(control('CheckboxControl', 'Account statement'), true);
  change(control('CheckboxControl', 'Login'), false);
  change(control('CheckboxControl', 'Units'), true);
  change(control('TextControl'), 'krueger');
  change(control('SelectControl'), 'en');
  // (Arrays made in the script's own context: compared as JSON.)
  assert.deepEqual(JSON.parse(JSON.stringify(attributes)), { widgets: ['unit-list', 'statement'], org: 'krueger', lang: 'en' });
  assert.equal(control('Placeholder').props.instructions, 'Units, Account statement · krueger');
});
