/**
 * Whether a text has no lone surrogate, so that UTF-8 holds it exactly (String.prototype.isWellFormed:
 * node 20 has it; the compiler's ES2022 library does not name it).
 */
export const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();
