// Build the analysts' page into api/static/ (or the folder given as --outdir DIR, which the test
// uses to check that the committed bundle is what this source builds).
// Reproducible: pinned esbuild, fixed file names, no source maps, no timestamps.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf('--outdir');
const outdir = resolve(at > 0 ? process.argv[at + 1] : join(here, '..', 'api', 'static'));

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  // the SPARQL editor (Yasgui, half of all the code) is its own bundle, fetched when its tab first opens
  entryPoints: { app: join(here, 'src', 'main.js'), sparql: join(here, 'src', 'sparql.js') },
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  charset: 'utf8',
  // Leaflet's and Yasgui's CSS name a few images and fonts: inlined, so nothing is fetched elsewhere.
  loader: { '.png': 'dataurl', '.svg': 'dataurl', '.gif': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl',
            '.ttf': 'dataurl', '.eot': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
copyFileSync(join(here, 'index.html'), join(outdir, 'index.html'));
