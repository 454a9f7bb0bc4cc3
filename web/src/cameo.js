// CAMEO's four quad classes, coloured with the Okabe-Ito palette (safe for the common colour
// blindnesses): cooperation in blues, conflict in orange and vermillion.

export const CLASSES = [
  { key: 'vcoop', label: 'Verbal cooperation (01–05)', color: '#56B4E9', roots: [1, 5] },
  { key: 'mcoop', label: 'Material cooperation (06–09)', color: '#0072B2', roots: [6, 9] },
  { key: 'vconf', label: 'Verbal conflict (10–14)', color: '#E69F00', roots: [10, 14] },
  { key: 'mconf', label: 'Material conflict (15–20)', color: '#D55E00', roots: [15, 20] },
  { key: 'none', label: 'No CAMEO type', color: '#BBBBBB', roots: null },
];

export const ROOTS = [
  ['01', 'Make public statement'], ['02', 'Appeal'], ['03', 'Express intent to cooperate'], ['04', 'Consult'],
  ['05', 'Engage in diplomatic cooperation'], ['06', 'Engage in material cooperation'], ['07', 'Provide aid'],
  ['08', 'Yield'], ['09', 'Investigate'], ['10', 'Demand'], ['11', 'Disapprove'], ['12', 'Reject'],
  ['13', 'Threaten'], ['14', 'Protest'], ['15', 'Exhibit force posture'], ['16', 'Reduce relations'],
  ['17', 'Coerce'], ['18', 'Assault'], ['19', 'Fight'], ['20', 'Use unconventional mass violence'],
];

export function classOf(code) {
  const root = code ? parseInt(code.slice(0, 2), 10) : NaN;
  return CLASSES.find((c) => c.roots && root >= c.roots[0] && root <= c.roots[1]) || CLASSES[CLASSES.length - 1];
}

export const DATE_SOURCES = {
  timex: 'a date the sentence gives for this event',
  sentence: 'a date elsewhere in the sentence',
  article: 'the article\u2019s publication date (the text gives none)',
};

export function precisionOf(date) {
  if (!date) return 'unknown';
  return { 4: 'year', 7: 'month', 10: 'day' }[date.length] || 'day';
}
