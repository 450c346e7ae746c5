/** How serious a finding is; rules, word lists and reports share these three words. */
export type Severity = 'error' | 'warning' | 'info';
