// Read a GraphML or GEXF file with graphology's parsers (what Gephi Lite uses) and print
// what the Python tests compare with the view, as one JSON object on stdout.
//   node tests/js/read_graph.mjs graphml|gexf FILE
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { MultiDirectedGraph } = require('graphology');
const parsers = { graphml: require('graphology-graphml'), gexf: require('graphology-gexf') };

const [format, file] = process.argv.slice(2);
if (!parsers[format] || !file) {
  console.error('usage: read_graph.mjs graphml|gexf FILE');
  process.exit(2);
}
// MultiDirectedGraph: a parser that silently merged parallel edges would show as a lower size.
const graph = parsers[format].parse(MultiDirectedGraph, readFileSync(file, 'utf8'));
const nodes = {};
graph.forEachNode((key, attrs) => { nodes[key] = attrs; });
const edges = {};
graph.forEachEdge((key, attrs, source, target) => { edges[key] = { source, target, ...attrs }; });
process.stdout.write(JSON.stringify({ type: graph.type, multi: graph.multi, order: graph.order, size: graph.size, nodes, edges }));
