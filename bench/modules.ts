// The bench modules, run in this order by bench/run.ts. A new measurement (render timings in Chromium, server
// throughput on loopback) is one more file exporting a BenchModule, added to this list.
import { chat } from './chat.js';
import { explain } from './explain.js';
import { firstRender } from './first-render.js';
import { portal } from './portal.js';
import { profile } from './profile.js';
import { render } from './render.js';
import { server } from './server.js';
import { sizes } from './sizes.js';
import type { BenchModule } from './lib/types.js';

export const modules: BenchModule[] = [sizes, render, server, profile, explain, chat, portal, firstRender];
