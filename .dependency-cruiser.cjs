/**
 * The layers of ecsop, lowest first. A module may import from its own layer and the layers
 * below it, never from a layer above; and no import circles. `npm test` runs this
 * (`npm run deps`); docs/architecture.md draws the same picture.
 */
const LAYERS = [
  ['i18n', '^src/i18n/'],
  ['cells', '^src/cells/'],
  // writers of text in a file's format (CSV lines, XML text): below every file writer, above the parsers
  ['encode', '^src/encode/'],
  ['settings', '^src/config/(settings|limits|worker-heap)\\.ts$'],
  ['domain', '^src/domain/'],
  ['sheets', '^src/sheets/'],
  ['rules', '^src/rules/'],
  ['config', '^src/config/'],
  ['workbook', '^src/workbook/'],
  ['report', '^src/report/'],
  ['annotate', '^src/annotate/'],
  // the one pass: it knows no command (the commands' collectors are registered with it by the CLI)
  ['check', '^src/check/'],
  // one folder per command (review, score, roi, freight, lint …): its records, collector, text, chart and copy edits.
  // Every folder of src/ that is no other layer's is a command's, so a new command is held to the layers from its first file.
  ['commands', '^src/(?!(?:i18n|cells|encode|config|domain|sheets|rules|workbook|report|annotate|check|docs|cli)/)[^/]+/'],
  ['docs', '^src/docs/'],
  ['cli', '^src/(cli/|bench\\.ts$)'],
];

// a path belongs to the first layer whose pattern matches it (settings before config)
const below = (i) => LAYERS.slice(i + 1).map(([, p]) => p);
const notIn = (i) => LAYERS.slice(0, i).map(([, p]) => p);

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'no import circles', from: {}, to: { circular: true } },
    ...LAYERS.slice(0, -1).map(([name, path], i) => ({
      name: `${name}-imports-no-layer-above`,
      severity: 'error',
      comment: `${name} may import only ${LAYERS.slice(0, i + 1).map(([n]) => n).join(', ')}`,
      from: { path, pathNot: notIn(i) },
      to: { path: below(i), pathNot: LAYERS.slice(0, i + 1).map(([, p]) => p) },
    })),
    { name: 'report-writes-streams-not-workbooks', severity: 'error', comment: 'formatters write streams, not workbooks', from: { path: '^src/report/' }, to: { path: '^src/workbook/' } },
    { name: 'only-workbook-imports-exceljs', severity: 'error', comment: 'exceljs is the writers\' business', from: { path: '^src/', pathNot: '^src/workbook/' }, to: { path: 'node_modules/exceljs' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
