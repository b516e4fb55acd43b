// What every element's chunk needs: Lit, core's element base and styles, the API client and the session. A group of
// its own in the build (vite.config.ts, `base`); the loader imports this module together with the first element's
// chunk, so the two download side by side rather than one after the other.
export { HpElement, HpSession } from '@hausportal/core';
