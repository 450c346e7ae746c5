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
  'dtd-entities': { zh: '工作簿的 XML 在文档类型声明里自定义了实体,ecsop 不按它读取(Excel 也打不开这样的文件)', en: 'the workbook\'s XML declares its own entities (<!ENTITY …>); ecsop does not read it by them (Excel does not open such a file either)' },
  'not-a-file': { zh: '这不是普通文件(是管道、套接字或设备),ecsop 不会打开它', en: 'not a regular file (a pipe, socket or device); ecsop does not open it' },
  'csv-quote': { zh: '第 {line} 行的引号 " 一直没有闭合,之后的内容都会被读成一个单元格', en: 'the quote " opened on line {line} never closes, so the rest of the file would become one cell' },
  'too-many-columns': { zh: '第 {row} 行有超过 {limit} 列,超出 Excel 的最大列数(XFD)', en: 'line {row} has more than {limit} columns, beyond what Excel holds (XFD)' },
  'not-a-workbook': { zh: '扩展名是 {detail},内容却不是 Excel 工作簿,也不是网页表格或 XML 表格', en: 'named {detail} but holds neither an Excel workbook nor an HTML or XML table' },
  'runtime-limit': { zh: '文件太大,读取时超出了运行环境的上限({detail})', en: 'the file is too large: reading it went past a limit of the runtime ({detail})' },
  'missing-part': { zh: '工作簿缺少部件 {detail}', en: 'the workbook lacks its part {detail}' },
} satisfies Record<string, Localized>;

export type ReadReason = keyof typeof READ_REASONS;

/** Which finding a reason comes with. */
export type ReasonRule = 'file/unreadable' | 'file/too-large' | 'file/unsafe' | 'file/timeout' | 'sheet/unreadable';

/**
 * What to do about each reason, for docs/errors.md (the message itself says what happened).
 * `rule`: the finding the reason comes with (a missing part of one sheet is sheet/unreadable).
 */
export const REASON_HELP: Record<ReadReason, { rules: readonly ReasonRule[]; zh: string; en: string }> = {
  'not-a-zip': { rules: ['file/unreadable'], zh: '看看它到底是什么文件(PDF、图片、文本?),从原系统重新导出 .xlsx 或 .csv', en: 'See what the file really is (a PDF, a picture, text?) and export .xlsx or .csv again' },
  empty: { rules: ['file/unreadable'], zh: '文件在下载或同步时没写完;重新导出或重新下载', en: 'The download or sync did not finish; export or download it again' },
  corrupt: { rules: ['file/unreadable', 'sheet/unreadable'], zh: '文件不完整或已损坏(常见于没下载完、U 盘拔出太快);用 Excel/WPS 打开,若能打开就另存一次,否则重新导出', en: 'Truncated or damaged (an unfinished download, a USB stick pulled out); open it in Excel/WPS and save it again, or export it again' },
  'legacy-xls': { rules: ['file/unreadable'], zh: '在 Excel/WPS 中「另存为」Excel 工作簿 (.xlsx)', en: 'In Excel/WPS, Save As an Excel workbook (.xlsx)' },
  encrypted: { rules: ['file/unreadable'], zh: '在 Excel/WPS 中打开,去掉「用密码进行加密」后保存', en: 'Open it in Excel/WPS, remove "Encrypt with password" and save' },
  ods: { rules: ['file/unreadable'], zh: '在 LibreOffice/WPS 中「另存为」.xlsx', en: 'In LibreOffice/WPS, Save As .xlsx' },
  'no-sheets': { rules: ['file/unreadable'], zh: '工作簿里没有普通工作表(只有图表或宏表);把数据放到工作表里', en: 'The workbook has no ordinary sheet (charts or macro sheets only); put the data in a sheet' },
  encoding: { rules: ['file/unreadable'], zh: '用 --encoding gbk 或 --encoding utf-8 指定编码,或在 Excel 中另存为「CSV UTF-8」', en: 'Give the encoding with --encoding gbk or --encoding utf-8, or save as "CSV UTF-8" in Excel' },
  'not-csv': { rules: ['file/unreadable'], zh: '把扩展名改回 .xlsx', en: 'Rename it back to .xlsx' },
  unsupported: { rules: ['file/unreadable'], zh: '另存为 .xlsx 或 .csv 再检查', en: 'Save it as .xlsx or .csv and check again' },
  'too-large': { rules: ['file/too-large'], zh: '按月份或店铺拆分导出;确需检查更大的文件时调高配置 limits.maxFileBytes', en: 'Export by month or shop; to check larger files, raise limits.maxFileBytes in the config' },
  'zip-entries': { rules: ['file/unsafe'], zh: '正常的工作簿不会有这么多部件;不要打开来源不明的文件;确属正常时调高 limits.maxEntries', en: 'A normal workbook has far fewer parts; do not open files of unknown origin; raise limits.maxEntries if it is genuine' },
  'zip-duplicate': { rules: ['file/unsafe'], zh: '同名部件是篡改过的文件的特征;向文件来源核实,用 Excel 重新保存', en: 'Two parts of one name are a sign of a tampered file; ask where it came from and save it again in Excel' },
  'zip-ratio': { rules: ['file/unsafe'], zh: '压缩比异常(压缩炸弹的特征);不要打开。确属正常(如大量空白)时调高 limits.maxRatio', en: 'An abnormal compression ratio (a zip bomb); do not open it. Raise limits.maxRatio if it is genuine (e.g. mostly blank)' },
  'zip-size': { rules: ['file/unsafe'], zh: '某个部件解压后过大;拆分文件,或调高 limits.maxEntryBytes', en: 'One part expands too far; split the file or raise limits.maxEntryBytes' },
  'zip-total': { rules: ['file/unsafe'], zh: '解压后总量过大;拆分文件,或调高 limits.maxTotalBytes', en: 'The parts expand too far in total; split the file or raise limits.maxTotalBytes' },
  'zip-lying': { rules: ['file/unsafe'], zh: 'zip 目录记录的大小是假的(压缩炸弹的特征);不要打开这个文件', en: 'The zip directory lies about a size (a zip bomb); do not open the file' },
  'merged-cells': { rules: ['file/unsafe'], zh: '取消整表范围的合并单元格(如 A1:XFD1048576);确需时调高 limits.maxMergedCells', en: 'Unmerge the sheet-wide merged range (such as A1:XFD1048576); raise limits.maxMergedCells if needed' },
  'defined-names': { rules: ['file/unsafe'], zh: '在「名称管理器」中删除多余的名称;确需时调高 limits.maxDefinedNames', en: 'Delete unused names in the Name Manager; raise limits.maxDefinedNames if needed' },
  permission: { rules: ['file/unreadable'], zh: '让管理员给运行 ecsop 的账户读取权限(共享盘的夜间任务常用单独账户)', en: 'Have the account running ecsop given read access (nightly jobs on shared drives often run as their own account)' },
  gone: { rules: ['file/unreadable'], zh: '文件在检查时被移走或删除(同步盘常见);稍后再运行一次', en: 'The file was moved or deleted during the check (common on synced drives); run again later' },
  internal: { rules: ['file/unreadable'], zh: 'ecsop 的缺陷,不是你的问题;把这个文件(或去掉敏感数据后的副本)和这条信息报告给维护者', en: 'A bug in ecsop, not your doing; report the file (or a copy without private data) and this message' },
  memory: { rules: ['file/too-large'], zh: '文件读取需要的内存过多;拆分文件,或调高 limits.workerHeapMB', en: 'Reading the file needs too much memory; split it or raise limits.workerHeapMB' },
  timeout: { rules: ['file/timeout'], zh: '读取太慢(网络盘很慢或文件异常);复制到本地再检查,或调高 limits.fileSeconds', en: 'Reading took too long (a slow network drive or an abnormal file); copy it locally, or raise limits.fileSeconds' },
  'part-too-large': { rules: ['file/too-large'], zh: '某个单元格的文字或某一行过长(常见于误粘贴整篇文本);删掉它,或调高消息里提到的 limits 配置', en: 'A cell\'s text or a row is too long (often a whole document pasted by mistake); delete it, or raise the limits setting the message names' },
  'too-many-columns': { rules: ['file/too-large'], zh: '一行超过 16384 列,Excel 也打不开;检查分隔符(--encoding、逗号/制表符)或重新导出', en: 'A line has more than 16,384 columns, more than Excel opens; check the delimiter or export again' },
  'dtd-entities': { rules: ['file/unreadable'], zh: '在 Excel/WPS 中重新保存,或从原系统重新导出;这样的文件常是被其他程序改过的', en: 'Save it again in Excel/WPS or export it again; such a file has usually been changed by another program' },
  'not-a-file': { rules: ['file/unreadable'], zh: '给出工作簿文件本身的路径;要从管道读取,先把内容存成 .xlsx 或 .csv 文件', en: 'Give the path of the workbook file itself; to check piped data, save it as an .xlsx or .csv file first' },
  'csv-quote': { rules: ['file/unreadable'], zh: '在消息所说的那一行补上闭合的引号,或去掉多余的引号(常见于备注里手打的 ");也可在 Excel/WPS 中打开后重新另存为 CSV', en: 'Close the quote on the line the message names, or remove the stray quote (often a " typed in a note); or open it in Excel/WPS and save it as CSV again' },
  'runtime-limit': { rules: ['file/too-large'], zh: '拆分文件(按月份或店铺导出)再检查', en: 'Split the file (export by month or shop) and check again' },
  'not-a-workbook': { rules: ['file/unreadable'], zh: '不是表格的文件被存成了 .xls;从原系统重新导出', en: 'Something other than a table was saved as .xls; export it again from the source system' },
  'missing-part': { rules: ['file/unreadable', 'sheet/unreadable'], zh: '工作簿缺少某个部件(被其他程序改坏);用 Excel/WPS 打开修复后另存', en: 'The workbook lacks a part (another program broke it); let Excel/WPS repair it and save' },
};
