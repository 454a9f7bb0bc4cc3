// The SPARQL editor: Yasgui (Zazuko's), bundled, pointed at this server's /sparql. It is made
// the first time its tab opens; `/?tab=sparql&query=...` opens it on that query.
// Offline: no prefix.cc, no LOV look-ups (the property and class completers), no endpoint
// catalogue but ours, nothing read from or written to the URL or localStorage behind our back.
// Built as its own bundle (/static/sparql.js, .css): main.js loads it when the tab first opens.
import '../../node_modules/@zazuko/yasgui/build/yasgui.min.css';

import Yasgui from '@zazuko/yasgui';

export const EXAMPLE = `PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?date ?event ?place WHERE {
  ?e a sem:Event ; rdfs:label ?event ; sem:hasTimeStamp ?date .
  OPTIONAL { ?e sem:hasPlace/rdfs:label ?place }
} ORDER BY DESC(?date) LIMIT 50`;

export function mountSparql(el, query) {
  const endpoint = `${window.location.origin}/sparql`;
  const yasgui = new Yasgui(el, {
    persistenceId: null,
    populateFromUrl: false,
    autofocus: false,
    copyEndpointOnNewTab: true,
    requestConfig: { ...Yasgui.defaults.requestConfig, endpoint, method: 'POST' },
    endpointCatalogueOptions: { ...Yasgui.defaults.endpointCatalogueOptions, getData: () => [{ endpoint }] },
    yasqe: { ...Yasgui.defaults.yasqe, autocompleters: ['variables', 'prefixes'], prefixCcApi: null },
  });
  const tab = yasgui.getTab();
  tab.setQuery(query || EXAMPLE);
  el.dataset.testid = 'sparql-editor';
  const yasqe = tab.getYasqe();
  const run = el.querySelector('.yasqe_queryButton');
  if (run) {
    run.dataset.testid = 'sparql-run';
    run.setAttribute('aria-label', 'Run the query');
  }
  const results = el.querySelector('.yasr');
  if (results) results.dataset.testid = 'sparql-results';
  return { yasgui, yasqe };
}

window.tkgSparql = { mountSparql };
