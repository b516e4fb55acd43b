/** Classic loader script hausportal-loader.js (see vite.loader.config.ts). */
export {};
