import type { Localized } from '../i18n/format.js';

/** Why a file was not read: the reason code (in the finding's `value`) and what to tell the user. */
export const READ_REASONS = {
  'not-a-zip': { zh: '不是 .xlsx 文件(不是 zip 格式),可能是改了扩展名的其他文件', en: 'not an .xlsx file (not a zip); perhaps another file renamed' },
  empty: { zh: '文件为空(0 字节)', en: 'the file is empty (0 bytes)' },
  corrupt: { zh: '无法解析 .xlsx,文件可能不完整或已损坏({detail})', en: 'cannot parse the .xlsx; it may be truncated or damaged ({detail})' },
  'legacy-xls': { zh: '这是旧版 Excel 97-2003 (.xls) 文件;请在 Excel/WPS 中另存为 .xlsx', en: 'a legacy Excel 97-2003 (.xls) file; save it as .xlsx in Excel/WPS' },
  encrypted: { zh: '文件有密码保护(加密);请去掉密码后另存为 .xlsx', en: 'the file is password-protected (encrypted); remove the password and save as .xlsx' },
  ods: { zh: '这是 OpenDocument (.ods) 文件;请另存为 .xlsx', en: 'an OpenDocument (.ods) file; save it as .xlsx' },
  'no-sheets': { zh: '工作簿中没有工作表', en: 'the workbook has no worksheets' },
  encoding: { zh: '文本不是有效的 UTF-8 或 GBK/GB18030 编码;可用 --encoding 指定', en: 'the text is neither valid UTF-8 nor GBK/GB18030; use --encoding' },
  'not-csv': { zh: '扩展名是 .csv,内容却是 Excel 工作簿;请改回 .xlsx', en: 'named .csv but holds an Excel workbook; rename it to .xlsx' },
  unsupported: { zh: '不支持的文件类型 {detail};ecsop 读取 .xlsx 和 .csv', en: 'unsupported file type {detail}; ecsop reads .xlsx and .csv' },
  'too-large': { zh: '文件 {size} MB,超过上限 {limit} MB(配置 limits.maxFileBytes)', en: 'the file is {size} MB, over the {limit} MB limit (limits.maxFileBytes)' },
  'zip-entries': { zh: 'zip 中有 {count} 个条目,超过上限 {limit}', en: 'the zip holds {count} entries, over the limit of {limit}' },
  'zip-duplicate': { zh: 'zip 中有重名条目 {detail}', en: 'the zip holds two entries named {detail}' },
  'zip-ratio': { zh: '条目 {detail} 压缩比 {ratio}:1,超过上限 {limit}:1(疑似压缩炸弹)', en: 'entry {detail} expands {ratio}:1, over the {limit}:1 limit (a zip bomb?)' },
  'zip-size': { zh: '条目 {detail} 解压后超过 {limit} MB', en: 'entry {detail} expands beyond {limit} MB' },
  'zip-total': { zh: '解压后总大小超过 {limit} MB', en: 'the entries expand beyond {limit} MB in total' },
  'zip-lying': { zh: '条目 {detail} 解压后的大小与 zip 目录所记录的不符', en: 'entry {detail} expands to more than the zip directory says' },
  'merged-cells': { zh: '工作表「{detail}」的合并单元格覆盖 {count} 个单元格,超过上限 {limit}', en: 'merged ranges in sheet "{detail}" cover {count} cells, over the limit of {limit}' },
  'defined-names': { zh: '工作簿有 {count} 个定义名称,超过上限 {limit}', en: 'the workbook has {count} defined names, over the limit of {limit}' },
  permission: { zh: '没有读取权限({detail});请检查文件或文件夹的权限', en: 'no permission to read it ({detail}); check the file or folder permissions' },
  gone: { zh: '读取时文件已不存在或无法打开({detail})', en: 'the file vanished or could not be opened while reading ({detail})' },
  internal: { zh: 'ecsop 读取时出错({detail});其他文件照常检查。请把这个文件报告给 ecsop 的维护者', en: 'ecsop failed while reading it ({detail}); the other files were checked. Please report this file to ecsop' },
  memory: { zh: '读取需要的内存超过上限 {limit} MB(配置 limits.workerHeapMB)', en: 'reading it needed more memory than the {limit} MB limit (limits.workerHeapMB)' },
  timeout: { zh: '读取超过 {limit} 秒仍未完成,已停止(配置 limits.fileSeconds)', en: 'reading it took longer than {limit} seconds and was stopped (limits.fileSeconds)' },
  'part-too-large': { zh: '{detail}超过上限 {limit}(配置 limits.{key})', en: '{detail} is over the limit of {limit} (limits.{key})' },
  'too-many-columns': { zh: '第 {row} 行有超过 {limit} 列,超出 Excel 的最大列数(XFD)', en: 'line {row} has more than {limit} columns, beyond what Excel holds (XFD)' },
  'not-a-workbook': { zh: '扩展名是 {detail},内容却不是 Excel 工作簿,也不是网页表格或 XML 表格', en: 'named {detail} but holds neither an Excel workbook nor an HTML or XML table' },
  'missing-part': { zh: '工作簿缺少部件 {detail}', en: 'the workbook lacks its part {detail}' },
} satisfies Record<string, Localized>;

export type ReadReason = keyof typeof READ_REASONS;
