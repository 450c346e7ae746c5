import type { BuiltinRule } from './types.js';

/** Findings made by the engine itself; configurable like any rule (`"sheet/unknown-kind": "off"`). */
export const BUILTIN_RULES: readonly BuiltinRule[] = [
  {
    id: 'file/unreadable', defaultSeverity: 'error',
    description: { zh: '文件无法读取(不是 zip、加密、旧版 .xls、不完整、编码无法识别等)', en: 'The file cannot be read (not a zip, encrypted, legacy .xls, truncated, unknown encoding …)' },
    messages: { unreadable: { zh: '无法读取:{reason}', en: 'Cannot read: {reason}' } },
  },
  {
    id: 'file/too-large', defaultSeverity: 'error',
    description: { zh: '文件超过配置的大小上限', en: 'The file is larger than the configured limit' },
    messages: { tooLarge: { zh: '{reason}', en: '{reason}' } },
  },
  {
    id: 'file/unsafe', defaultSeverity: 'error',
    description: { zh: '文件结构可疑(压缩炸弹、超大合并区域等),为安全起见未读取', en: 'Suspicious structure (zip bomb, huge merged range …); not read, for safety' },
    messages: { unsafe: { zh: '{reason}', en: '{reason}' } },
  },
  {
    id: 'file/timeout', defaultSeverity: 'error',
    description: { zh: '读取文件超过时间上限,已停止(其他文件照常检查)', en: 'Reading the file took longer than the time limit and was stopped (the other files were checked)' },
    messages: { timeout: { zh: '{reason}', en: '{reason}' } },
  },
  {
    id: 'sheet/unreadable', defaultSeverity: 'error',
    description: { zh: '工作簿列出了这张工作表,但它无法读取(部件缺失或损坏);其他工作表照常检查', en: 'The workbook lists the sheet but it cannot be read (its part is missing or damaged); the other sheets were checked' },
    messages: { unreadable: { zh: '工作表「{sheet}」无法读取:{reason}', en: 'Sheet "{sheet}" cannot be read: {reason}' } },
  },
  {
    id: 'sheet/unknown-kind', defaultSeverity: 'info',
    description: { zh: '工作表的表头不属于任何 SOP 表格,未检查', en: 'The sheet header matches no SOP sheet kind; not checked' },
    messages: { unknown: { zh: '未识别的工作表(前 {rows} 行中没有 SOP 表头),未检查', en: 'Unrecognised sheet (no SOP header in the first {rows} rows); not checked' } },
  },
  {
    id: 'sheet/missing-column', defaultSeverity: 'error',
    description: { zh: '表头缺少必填列', en: 'A required column is missing from the header' },
    messages: { missing: { zh: '「{kind}」缺少必填列「{column}」', en: '"{kind}" lacks the required column "{column}"' } },
  },
  {
    id: 'schema/required', defaultSeverity: 'error',
    description: { zh: '必填单元格为空', en: 'A required cell is empty' },
    messages: { required: { zh: '「{field}」为必填项,不能为空', en: '"{field}" is required' } },
  },
  {
    id: 'schema/type', defaultSeverity: 'error',
    description: { zh: '单元格内容无法按该列类型读取(数字、日期、区间等)', en: 'The cell cannot be read as its column type (number, date, range …)' },
    messages: { type: { zh: '「{field}」的值“{value}”无法识别;应为:{expected}', en: '"{field}": cannot read "{value}"; expected: {expected}' } },
  },
  {
    id: 'schema/range', defaultSeverity: 'error',
    description: { zh: '数值超出该列允许的范围', en: 'A number is outside the range allowed for its column' },
    messages: { range: { zh: '「{field}」的值“{value}”超出范围;应为:{expected}', en: '"{field}": "{value}" is out of range; expected: {expected}' } },
  },
  {
    id: 'schema/enum', defaultSeverity: 'error',
    description: { zh: '值不在该列的下拉选项中', en: 'The value is not one of the column’s dropdown values' },
    messages: { enum: { zh: '「{field}」的值“{value}”不是可选值;应为:{expected}', en: '"{field}": "{value}" is not allowed; expected one of: {expected}' } },
  },
  {
    id: 'schema/date-ambiguous', defaultSeverity: 'warning',
    description: { zh: '日期列里的数字有两种读法(5.1 是五一还是 5月10日),不猜', en: 'A number in a date column reads two ways (5.1: May 1st or May 10th); not guessed' },
    messages: { ambiguous: { zh: '「{field}」填写为 {value},可能是 {readings};请写成完整日期,如 2024-05-01', en: '"{field}" says {value}, which may be {readings}; write the full date, e.g. 2024-05-01' } },
  },
  {
    id: 'schema/formula', defaultSeverity: 'warning',
    description: { zh: '公式出错(如 #DIV/0!)或没有保存计算结果', en: 'A formula has an error result (such as #DIV/0!) or no saved result' },
    messages: {
      error: { zh: '「{field}」的公式结果为错误 {value}', en: '"{field}": the formula results in {value}' },
      noResult: { zh: '「{field}」的公式没有保存计算结果(请在 Excel/WPS 中打开并保存一次)', en: '"{field}": the formula has no saved result (open and save the file in Excel/WPS once)' },
    },
  },
];
