// Import our graphology JSON export with graphology itself, the two ways its docs show, and print
// what the Python tests compare with the view, as one JSON object on stdout.
//   node tests/js/import_json.mjs FILE
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const Graph = require('graphology');

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: import_json.mjs FILE');
  process.exit(2);
}
const data = JSON.parse(readFileSync(file, 'utf8'));
// 1. Into a graph the reader made: a multigraph (mixed by default), as a Sigma.js app would.
const graph = new Graph({ multi: true });
graph.import(data);
// 2. Graph.from: the graph built with the options the file declares.
const declared = Graph.from(data);
const nodes = {};
graph.forEachNode((key, attrs) => { nodes[key] = attrs; });
const edges = {};
graph.forEachEdge((key, attrs, source, target, _sa, _ta, undirected) => {
  edges[key] = { source, target, undirected, ...attrs };
});
process.stdout.write(JSON.stringify({
  type: graph.type, multi: graph.multi, order: graph.order, size: graph.size,
  attributes: graph.getAttributes(),
  declared: { type: declared.type, multi: declared.multi, order: declared.order, size: declared.size,
              directedSize: declared.directedSize, undirectedSize: declared.undirectedSize },
  nodes, edges,
}));
