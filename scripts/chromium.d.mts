/** Path of the system Chromium, or undefined when none is installed. */
export function chromiumPath(): string | undefined;
/** Launch flags for Chromium in containers and CI. */
export const chromiumArgs: string[];
