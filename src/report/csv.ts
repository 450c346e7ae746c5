/** CSV cells and lines for the reports (the escaping lives with the cells: one rule for every CSV ecsop writes). */
export { csvCell, csvLine, looksLikeFormula } from '../encode/csv-line.js';
