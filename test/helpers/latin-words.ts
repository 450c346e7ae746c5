/**
 * The Latin words of a Chinese text that a Chinese screen would not show as they are: commands and
 * flags, file types, rule ids, config keys, units, names of programs and of the SOP's terms are
 * allowed (the catalog's test and every output's test share this list).
 */

/** Latin words a Chinese screen shows as they are. */
const ALLOWED = new Set([
  'ecsop', 'SOP', 'ROI', 'GMV', 'Excel', 'WPS', 'LibreOffice', 'OpenDocument', 'CSV', 'JSON', 'JUnit', 'XML', 'HTML', 'UTF', 'GBK', 'GB', 'BOM', 'ERP',
  'MB', 'KB', 'dpi', 'px', 'kg', 'g', 'mm', 'SKU', 'LOGO', 'TOP', 'NO', 'ID', 'R', 'SPF', 'PA', 'XFD', 'OLE', 'zip', 'Intl', 'CI', 'Node', 'npm', 'EXIF', 'BB',
  'xx', 'T', 'e', 'ECSOP', 'DEBUG', 'LANG', 'LC', 'ALL', 'MESSAGES', 'text', 'json', 'junit', 'github', 'html', 'zh', 'en', 'error', 'warning', 'info', 'utf', 'le', 'be',
  'gbk', 'gb', 'xlsx', 'xlsm', 'xls', 'csv', 'ods', 'bak', 'tmp', 'mp', 'mov', 'm', 'v', 'jpg', 'png', 'Windows', 'macOS', 'Tmall', 'JD', 'Taobao',
  'xml', 'CPU', 'SMART', 'PDF', 'U', 'A', 'YT', 'limits', 'suggestion', 'media',
  // the environment variable naming the system's temporary folder (as ECSOP_DEBUG, LC_ALL above)
  'TMPDIR',
  // network drives' protocols, and the key that stops a program
  'SMB', 'NFS', 'Ctrl', 'C',
  // JSON's values as a config file is written
  'true', 'false',
  // the key of the suppressions file, as it is written (ecsop-suppressions.json: {"rule": {"count": 2}})
  'count',
  // file formats by their names
  'JPG', 'PNG', 'WebP', 'GIF', 'BMP', 'MP', 'MOV',
]);

export function latinWords(zh: string): string[] {
  const stripped = zh
    .replace(/\becsop (?:init|score|lint|review|check|media|rules|demo|watch)\b/g, '') // command lines
    .replace(/--?[a-z][\w-]*/g, '') // flags
    .replace(/\b(?:sop|limits|rules)\.[\w.[\]]+/g, '') // config keys
    .replace(/\b[a-z]+(?:[-/][a-z0-9]+)+\b/g, '') // rule ids (title-banned-word, file/unsafe)
    .replace(/ecsop\.config\.json|\.?[\w-]+\.(?:xlsx|csv|json|xml)\b/g, '') // file names
    .replace(/\b\d+[A-Za-z]+\b/g, '') // 800px, 150kg, 2024-05-20T10
    .replace(/#[0-9A-Fa-f]{3,8}\b|#[A-Z]+\/?\d*!?/g, '') // colours, Excel's errors (#DIV/0!)
    .replace(/\{[^}]*\}/g, ''); // (placeholders are checked apart)
  return (stripped.match(/[A-Za-z]+/g) ?? []).filter((w) => !ALLOWED.has(w));
}
