/** Host side of iframe mode: `<hp-embed>` (see vite.embed.config.ts). */
export {};
