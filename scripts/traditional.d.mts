/** See traditional.mjs. */
export function traditionalTable(): string;
