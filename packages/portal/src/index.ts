/**
 * Hausportal for script-tag embedding:
 *
 *   <script type="module" src="https://portal.example.at/dist/hausportal.js"></script>
 *   <hp-session api="/api" org="immopro" lang="de">
 *     <hp-login></hp-login>
 *     <hp-profile></hp-profile>
 *   </hp-session>
 *
 * Importing this module registers every Hausportal element.
 */
import '@hausportal/core/define.js';
import '@hausportal/login/define.js';

export * from '@hausportal/core';
export * from '@hausportal/login';
