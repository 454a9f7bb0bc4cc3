// Load web/src/lanes.js alone (it imports nothing) and print its lanes for the events given as JSON:
//   node tests/js/lanes.mjs EVENTS.json GROUP
import { readFileSync } from 'node:fs';

const [file, group] = process.argv.slice(2);
const src = readFileSync(new URL('../../web/src/lanes.js', import.meta.url), 'utf8');
const lanes = await import(`data:text/javascript,${encodeURIComponent(src)}`);
const events = JSON.parse(readFileSync(file, 'utf8'));
console.log(JSON.stringify({
  items: events.flatMap((ev) => lanes.lanesOf(ev, group)),
  groups: lanes.groupsOf(events, group),
  back: events.flatMap((ev) => lanes.lanesOf(ev, group).map((it) => lanes.eventOfItem(it.id))),
}));
