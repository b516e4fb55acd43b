import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';

/**
 * Minifies the CSS of Lit's `css` templates with Lightning CSS (through minify-literals) in the widget sources
 * (packages/<name>/src/*.ts): Lit keeps template text as written, so without this every chunk carries the styles'
 * indentation and comments. A file that also calls `unsafeCSS` is left as it is (minify-literals cannot see into
 * those strings), which is why such rules live in files of their own (e.g. shell's hp-portal.rules.ts). HTML
 * templates are left alone: their whitespace between inline elements is text the widgets show.
 */
export function minifyTemplates(): Plugin {
  const widgetSource = /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].+\.ts$/;
  return {
    name: 'hausportal-minify-templates',
    enforce: 'pre',
    apply: 'build',
    async transform(code, id) {
      if (!widgetSource.test(id) || !code.includes('css`')) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id, html: false });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
