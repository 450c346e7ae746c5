export const START_RULES: string[];
export function compileValues(source: string): string;
