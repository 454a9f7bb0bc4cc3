// The SPARQL editor's example queries: the README's ("Querying with SPARQL" and the controls
// section), each with the prefixes it needs. tests/test_page_sparql.py checks that every one is
// in the README and answers rows on the seed.
const P = {
  sem: 'PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>',
  tkg: 'PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>',
  rdfs: 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>',
  xsd: 'PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>',
  prov: 'PREFIX prov: <http://www.w3.org/ns/prov#>',
  dcterms: 'PREFIX dcterms: <http://purl.org/dc/terms/>',
  schema: 'PREFIX schema: <https://schema.org/>',
};

const withPrefixes = (body) => `${Object.keys(P).filter((k) => body.includes(`${k}:`)).map((k) => P[k]).join('\n')}
${body}`;

export const EXAMPLES = [
  ['Who controlled Kidal on 1 November 2023', `SELECT DISTINCT ?holder ?name WHERE {
  VALUES (?place ?dayStart ?dayEnd) {
    (<https://w3id.org/timeline-kg/id/place/2455290> "2023-11-01T00:00:00"^^xsd:dateTime "2023-11-01T23:59:59"^^xsd:dateTime) }
  ?fact tkg:relation tkg:controls ; tkg:object ?place ; tkg:holder ?holder .
  ?holder rdfs:label ?name .
  OPTIONAL { ?fact sem:hasEarliestBeginTimeStamp ?begin }
  OPTIONAL { ?fact sem:hasLatestEndTimeStamp ?end }
  FILTER (!BOUND(?begin) || ?begin <= ?dayEnd)   # it had begun by the end of that day
  FILTER (!BOUND(?end) || ?end >= ?dayStart)     # and had not ended before the day began
  FILTER NOT EXISTS {                            # nor had another holder taken the place since it began
    ?later tkg:relation tkg:controls ; tkg:object ?place ; tkg:holder ?other ;
           sem:hasEarliestBeginTimeStamp ?laterBegin ; sem:hasLatestBeginTimeStamp ?laterBy .
    FILTER (?other != ?holder && ?laterBy < ?dayStart && (!BOUND(?begin) || ?laterBegin > ?begin))
  }
} ORDER BY ?name`],
  ["An actor's events in time order, with its role", `SELECT ?begin ?role ?event WHERE {
  ?actor a sem:Actor ; rdfs:label "MINUSMA" .
  ?e sem:hasActor ?actor ; rdfs:label ?event ; sem:hasEarliestBeginTimeStamp ?begin .
  BIND (IF(EXISTS { ?e tkg:agent ?actor }, "agent", IF(EXISTS { ?e tkg:target ?actor }, "target", "participant")) AS ?role)
} ORDER BY ?begin ?event`],
  ['Events of a CAMEO root (19, Fight) in a window (November 2023)', `SELECT ?begin ?type ?event WHERE {
  ?e sem:eventType ?type ; rdfs:label ?event ; sem:hasEarliestBeginTimeStamp ?begin .
  FILTER (STRSTARTS(STR(?type), "https://w3id.org/timeline-kg/cameo/19"))
  FILTER (?begin >= "2023-11-01T00:00:00"^^xsd:dateTime && ?begin < "2023-12-01T00:00:00"^^xsd:dateTime)
} ORDER BY ?begin ?event`],
  ['Events at a place, with its coordinates', `SELECT ?date ?event ?lat ?lon WHERE {
  ?place a sem:Place ; rdfs:label "Kidal" ; schema:latitude ?lat ; schema:longitude ?lon .
  ?e sem:hasPlace ?place ; rdfs:label ?event ; sem:hasTimeStamp ?date .
} ORDER BY ?date ?event`],
  ['Who did what to whom', `SELECT ?date ?who ?did ?whom WHERE {
  ?e tkg:trigger ?did ; sem:hasTimeStamp ?date .
  OPTIONAL { ?e tkg:agent/rdfs:label ?who }
  OPTIONAL { ?e tkg:target/rdfs:label ?whom }
  FILTER (BOUND(?who) || BOUND(?whom))
} ORDER BY ?date ?who ?did`],
  ['Where a statement comes from: the sentence and the article', `SELECT ?event ?sentence ?title ?issued WHERE {
  ?e rdfs:label ?event ; sem:hasPlace/rdfs:label "Kidal" ; prov:wasDerivedFrom ?s .
  ?s tkg:text ?sentence ; dcterms:isPartOf ?article .
  ?article dcterms:title ?title ; dcterms:issued ?issued .
} ORDER BY ?event LIMIT 3`],
].map(([label, body]) => ({ label, body, query: withPrefixes(body) }));
