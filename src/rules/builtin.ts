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
    id: 'schema/lost-digits', defaultSeverity: 'error',
    description: { zh: '订单号、物流单号或电话被表格存成了数字,超过 15 位的部分已经丢失', en: 'An order, tracking or phone number was stored as a number: the digits after the 15th are lost' },
    messages: {
      lost: { zh: '「{field}」被表格改成了 {value},原来的号码已经丢失位数、看不出是哪一个;把这一列设为“文本”后重新粘贴原始数据(或重新导出)', en: '"{field}" was turned into {value} by a spreadsheet: digits are lost and the number cannot be told; set the column to Text and paste the original data again (or export again)' },
      suspect: { zh: '「{field}」{value} 第 15 位以后全是 0,像是被 Excel 存成数字后丢了位数;请与平台的原始导出核对', en: '"{field}" {value}: every digit after the 15th is 0, as when Excel has rounded a number; check it against the platform’s original export' },
      stored: { zh: '「{field}」{value} 被存成了数字:这个文件里位数还在,但 Excel/WPS 只保留 15 位,编辑或另存后末几位会丢失;把这一列设为“文本”', en: '"{field}" {value} is stored as a number: whole in this file, but Excel/WPS keep 15 digits and the next edit or save loses the rest; set the column to Text' },
    },
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
    id: 'media/main-image', defaultSeverity: 'error',
    description: { zh: '主图不是 1:1,或小于 800×800px(SOP 三.1)', en: 'A main image is not 1:1, or smaller than 800×800 px (SOP 三.1)' },
    messages: {
      ratio: { zh: '主图 {size} 不是 1:1 正方形;应为 {expected}px', en: 'The main image is {size}, not square (1:1); {expected} px expected' },
      small: { zh: '主图 {size} 小于 {min}×{min}px', en: 'The main image is {size}, smaller than {min}×{min} px' },
    },
  },
  {
    id: 'media/main-count', defaultSeverity: 'warning',
    description: { zh: '一个商品的主图不是首图加 2-4 张(细节、场景、资质)', en: 'A product has not the first main image plus 2–4 more (detail, scene, certificates)' },
    messages: { count: { zh: '主图共 {count} 张;SOP 为首图加细节、场景、资质图,共 {min}-{max} 张', en: '{count} main {count|image|images}; the SOP has the first plus detail, scene and certificate images, {min}–{max} in all' } },
  },
  {
    id: 'media/detail-width', defaultSeverity: 'error',
    description: { zh: '详情图宽度超过 750px(SOP 三.1)', en: 'A detail image is wider than 750 px (SOP 三.1)' },
    messages: { wide: { zh: '详情图宽 {width}px,超过 {max}px', en: 'The detail image is {width} px wide, over {max} px' } },
  },
  {
    id: 'media/poster-size', defaultSeverity: 'error',
    description: { zh: '海报不是 1440×600px(SOP 四.2 天猫首页海报)', en: 'A poster is not 1440×600 px (SOP 四.2)' },
    messages: { size: { zh: '海报 {size},应为 {expected}px', en: 'The poster is {size}; {expected} px expected' } },
  },
  {
    id: 'media/video-ratio', defaultSeverity: 'error',
    description: { zh: '短视频不是 9:16 竖屏(SOP 四.2)', en: 'A short video is not 9:16 portrait (SOP 四.2)' },
    messages: { ratio: { zh: '视频 {size} 不是 {ratio} 竖屏', en: 'The video is {size}, not {ratio} portrait' } },
  },
  {
    id: 'media/unreadable', defaultSeverity: 'error',
    description: { zh: '图片或视频无法读取尺寸(损坏、不是它的扩展名所说的格式)', en: 'The size of an image or video cannot be read (damaged, or not what its extension says)' },
    messages: { unreadable: { zh: '无法读取尺寸:{reason}', en: 'Cannot read its size: {reason}' } },
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
