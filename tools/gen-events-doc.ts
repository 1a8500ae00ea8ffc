/** Writes docs/events.md from the event catalog's declarations (`npm run docs:events`). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderEventsMarkdown } from '../analyzer/src/events/doc.js';

const target = resolve(import.meta.dirname, '../docs/events.md');
writeFileSync(target, renderEventsMarkdown());
console.log(`wrote ${target}`);
