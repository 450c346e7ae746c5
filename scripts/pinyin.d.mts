/** See pinyin.mjs. */
export function pinyinTable(): string;
