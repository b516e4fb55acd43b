// The merged Custom Elements Manifest of all widget packages, served by the plugin in main.ts.
declare module 'virtual:hausportal/custom-elements' {
  import type { CustomElementsManifest } from '../scripts/manifest.mjs';
  const manifest: CustomElementsManifest;
  export default manifest;
}
