import { channel } from '../report/records.js';

/** One title checked without a workbook, as `lint --text --format json` reports it (`titles`). */
export interface TitleResult {
  line: number;
  title: string;
  platform: string;
  /** platform units (汉字 = 2) */
  length: number;
  min: number;
  max: number;
  findings: number;
  /** the suggested title; absent when nothing usable is left of the title */
  suggestion?: string;
}

/** a title's figures; the number of its findings is added by `lint` */
export const TITLES = channel<Omit<TitleResult, 'findings'>>('titles');
