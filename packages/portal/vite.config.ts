import { defaultClientConditions, defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { minifyTemplates } from './minify-templates.js';

/**
 * The modules of the `base` chunk: what every element needs before it can render (Lit, @lit/context and
 * @lit/localize, the API client with openapi-fetch, core's element base, states and form styles, and `<hp-session>`
 * with the page's shared session). Everything else of core (export, Excel, calendar day, balance, virtualizer, print,
 * paged lists…) goes with the chunks that use it.
 */
const base = [
  /[\\/]node_modules[\\/](lit-element|@lit[\\/]reactive-element|@lit[\\/]context|@lit[\\/]localize|openapi-fetch)[\\/]/,
  /[\\/]node_modules[\\/]lit[\\/](index|decorators)\.js$/,
  /[\\/]node_modules[\\/]lit-html[\\/](lit-html|is-server|directives[\\/]if-defined)\.js$/,
  /[\\/]node_modules[\\/]lit[\\/]directives[\\/]if-defined\.js$/,
  /[\\/]packages[\\/]api[\\/]src[\\/](?!theme|password-policy)/,
  /[\\/]packages[\\/]core[\\/]src[\\/](define|define-element|context|events|localization|locales[\\/]de|hp-session|hp-session\.styles|shared-session|page-session|org-theme|preview-banner|calendar|hp-element|states|page-notice|standalone|styles[\\/](tokens|form))\.ts$/,
  /[\\/]packages[\\/]portal[\\/]src[\\/]base\.ts$/,
  /rolldown[\\/:]runtime/,
];

/**
 * The `shared` chunk: the rest of core that several widgets use (formats, CSV and the Excel stub, export and print
 * controllers, balance, paged lists, blob URLs, the virtualizer's stub, frame and grid styles) with Lit's directives
 * and @lit/task, the chat bot's navigation event (the portal's overview fires it too). One file instead of a dozen small ones: fewer requests, better compression. The login does not
 * need it.
 */
const shared = [
  /[\\/]packages[\\/]core[\\/]src[\\/](?!xlsx-writer)[^\\/]+\.ts$/,
  /[\\/]packages[\\/]core[\\/]src[\\/]styles[\\/][^\\/]+\.ts$/,
  /[\\/]node_modules[\\/]lit-html[\\/](directives[\\/][^\\/]+|async-directive|directive|directive-helpers)\.js$/,
  /[\\/]node_modules[\\/]lit[\\/](directives[\\/][^\\/]+|async-directive|directive|directive-helpers)\.js$/,
  /[\\/]node_modules[\\/]@lit[\\/]task[\\/]/,
  /[\\/]packages[\\/]chat-bot[\\/]src[\\/]events\.ts$/,
];

/**
 * `<hp-login>`'s chunk: the login package without the profile's own modules and without its rarer steps.
 * `<hp-profile>` imports it for what the two share (texts, problems, the light-DOM form).
 */
const login = [/[\\/]packages[\\/]login[\\/]src[\\/](?!hp-profile|profile-|login-steps|password-checklist|locales[\\/]de-)/, /[\\/]packages[\\/]shell[\\/]src[\\/]elements[\\/]hp-login\.ts$/];
/**
 * `<hp-login>`'s rarer steps (forgot password, activation, terms, own password), loaded when a person first goes
 * there, with the password checklist and policy and their German texts; `<hp-profile>` imports it for the checklist.
 */
const loginSteps = [
  /[\\/]packages[\\/]login[\\/]src[\\/](login-steps|password-checklist|locales[\\/]de-steps)\.ts$/,
  /[\\/]packages[\\/]api[\\/]src[\\/]password-policy\.ts$/,
];
const matches = (patterns: RegExp[]) => (id: string) => patterns.some((re) => re.test(id));

/** Names a chunk after what it holds: `<package>` for a package's define.js, `<tag>` for a single element. */
function chunkName(facade: string | null | undefined, name: string): string {
  const define = facade && /packages[\\/]([^\\/]+)[\\/]src[\\/]define\.ts$/.exec(facade);
  return define ? define[1]! : name;
}

/**
 * Builds `dist/hausportal.js` for script-tag embedding: a small loader (src/index.ts, src/on-demand.ts) that knows
 * every `hp-*` tag and imports an element's chunk from `dist/chunks/` when the tag first appears on the page. Lit, core
 * and the session are the shared chunk `base` (once, never inside an element's chunk); what several elements share
 * is split by the bundler into common chunks; what only some uses need (the list virtualizer, the QR encoder, the
 * Excel writer with write-excel-file, the message form's filling part) is loaded when first used. All chunks load
 * relative to hausportal.js; hosts copy the whole `dist` folder.
 */
export default defineConfig({
  // The bundle is loaded from wherever the host page puts it; no absolute asset URLs.
  base: './',
  publicDir: false,
  plugins: [minifyTemplates()],
  resolve: {
    // Workspace packages publish dist/ builds; inside the repository the `source` export condition points at src/.
    conditions: ['source', ...defaultClientConditions],
    // Workspace packages each depend on lit; make sure the bundle carries one copy.
    dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', '@lit/localize', '@lit/task'],
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
    lib: {
      entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'hausportal.js',
    },
    rolldownOptions: {
      // hausportal.js exports only its own `load` and `tags`; no chunk imports from it, so it can be loaded under any
      // URL (a query string included) without a second copy of what the chunks share.
      preserveEntrySignatures: 'strict',
      output: {
        chunkFileNames: (chunk) => `chunks/${chunkName(chunk.facadeModuleId, chunk.name)}-[hash].js`,
        codeSplitting: {
          groups: [
            { name: 'base', test: matches(base), priority: 20 },
            { name: 'shared', test: matches(shared), priority: 15 },
            { name: 'hp-login', test: matches(login), priority: 10 },
            // After hp-login: a group takes the modules it imports along, and these are hp-login's already.
            { name: 'login-steps', test: matches(loginSteps), priority: 9 },
          ],
        },
        // Library mode keeps whitespace in ES output by default; the embed bundle is fully minified.
        minify: true,
        comments: { legal: false, annotation: false, jsdoc: false },
      },
    },
  },
});
