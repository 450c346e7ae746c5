/** ecsop's version, as `--version` and the HTML report's header show it (package.json's, checked by a test). */
export const VERSION = '0.1.0';
