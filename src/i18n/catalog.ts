import { format, type Lang, type Localized } from './format.js';

/**
 * Every string of the command line a person sees that is not a finding (those are the rules',
 * the readers' and the writers' own tables, which the catalog test renders too): help texts,
 * usage errors, confirmations, table headers, report words, progress. Each in both languages;
 * one output is always one language.
 */
export const CATALOG = {
  // ── the program and its help ───────────────────────────────────────────────
  'program.description': { zh: '电商运营 SOP 表格工具:生成模板、检查填写、审核订单、检查标题', en: 'Templates and checks for the e-commerce operations SOP' },
  'help.option': { zh: '显示帮助', en: 'display help for command' },
  'help.command': { zh: '显示某个命令的帮助', en: 'display help for command' },
  'help.after-error': { zh: '(加 --help 查看用法)', en: '(add --help for additional information)' },
  'version.option': { zh: '显示版本号', en: 'output the version number' },
  'help.usage': { zh: '用法:', en: 'Usage:' },
  'help.options': { zh: '选项:', en: 'Options:' },
  'help.arguments': { zh: '参数:', en: 'Arguments:' },
  'help.commands': { zh: '命令:', en: 'Commands:' },
  'help.global-options': { zh: '全局选项:', en: 'Global Options:' },
  'help.default': { zh: '默认:{value}', en: 'default: {value}' },
  'help.choices': { zh: '可选:{value}', en: 'choices: {value}' },

  // commands
  'cmd.init': { zh: '生成 SOP 的 Excel 表格模板(5 个工作簿,带下拉、公式、说明页)', en: 'write the SOP workbooks (5 workbooks with dropdowns, formulas and an instructions sheet)' },
  'cmd.check': { zh: '用全部规则检查工作簿、文件夹或共享盘', en: 'run every rule over workbooks, folders and shared drives' },
  'cmd.score': { zh: '计算选品综合得分和建议,并指出填错的地方', en: 'product-selection scores, verdicts and ranking' },
  'cmd.lint': { zh: '检查商品标题:各平台长度、广告法禁用词、化妆品用语、关键词位置', en: 'listing titles: length per platform, banned words, cosmetics claims, keywords' },
  'cmd.review': { zh: '订单审核:分为自动通过和待人工审核,并说明原因', en: 'sort orders into auto-approve and manual review, with the reasons' },
  'cmd.freight': { zh: '按 SOP 运费模板计算运费', en: 'freight from the SOP template' },
  'cmd.roi': { zh: '营销活动的 ROI、预算分配和渠道占比', en: 'campaign ROI, budget split and channel shares' },
  'cmd.media': { zh: '按 SOP 检查商品图片和视频的实际尺寸', en: 'check the real sizes of product images and videos against the SOP' },
  'cmd.rules': { zh: '列出全部规则', en: 'list the rules' },

  // arguments
  'arg.dir': { zh: '写入的文件夹', en: 'folder to write into' },
  'arg.paths': { zh: '文件、文件夹或通配符(如 "共享盘/**/*.xlsx")', en: 'files, folders and globs ("共享盘/**/*.xlsx")' },
  'arg.selection-files': { zh: '含选品评估矩阵表的工作簿', en: 'workbooks with a 选品评估矩阵表' },
  'arg.listing-files': { zh: '含商品信息表的工作簿', en: 'workbooks with a 商品信息 sheet' },
  'arg.order-files': { zh: '订单、发货工作簿或平台导出的 CSV', en: 'orders and shipments workbooks or CSV exports' },
  'arg.freight-files': { zh: '含重量和地址的订单或发货表', en: 'orders or shipments with 重量 and an address' },
  'arg.campaign-files': { zh: '含营销活动方案表的工作簿', en: 'workbooks with a 营销活动方案表' },
  'arg.media-paths': { zh: '商品图片视频的文件夹或文件,或列出它们的商品信息表', en: 'folders or files of product images and videos, or listing workbooks that name them' },

  // options
  'opt.format': { zh: '报告格式:text | json | junit | github(默认 text;--output 以 .json/.xml 结尾时为 json/junit)', en: 'text | json | junit | github (default: text, or json/junit when --output ends in .json/.xml)' },
  'opt.output': { zh: '把报告写入文件而不是屏幕', en: 'write the report to a file instead of stdout' },
  'opt.fail-on': { zh: '发现达到此级别时退出码为 1:error | warning | info', en: 'exit 1 when a finding is at or above: error | warning | info' },
  'opt.max-warnings': { zh: '警告多于此数时退出码为 1', en: 'exit 1 when there are more warnings than this' },
  'opt.config': { zh: '配置文件(默认向上查找 ecsop.config.json)', en: 'config file (default: ecsop.config.json found upward)' },
  'opt.lang': { zh: '输出语言:zh | en(默认按 ECSOP_LANG、配置、系统语言)', en: 'output language: zh | en (default: ECSOP_LANG, the config, the system locale)' },
  'opt.encoding': { zh: 'CSV 编码:utf-8 | gbk | gb18030 | utf-16le | utf-16be(默认自动识别)', en: 'CSV encoding: utf-8 | gbk | gb18030 | utf-16le | utf-16be (default: detected)' },
  'opt.now': { zh: '时间类检查所用的“现在”,如 2024-05-20T10:00', en: 'the time for time-based checks, e.g. 2024-05-20T10:00' },
  'opt.jobs': { zh: '同时检查的文件数(默认为 CPU 核数)', en: 'files checked at once (default: number of cores)' },
  'opt.no-progress': { zh: '不在屏幕上显示进度', en: 'no progress bar on stderr' },
  'opt.max-findings': { zh: '文本报告:每张工作表显示的发现条数,其余按规则计数', en: 'text: findings shown per sheet; the rest are counted per rule' },
  'opt.all': { zh: '文本报告:显示全部发现', en: 'text: show every finding' },
  'opt.quiet': { zh: '文本报告:只列错误', en: 'text: list errors only' },
  'opt.price-band': { zh: '我方价格带,用于竞品价格重叠检查,如 89-159', en: 'our own price band for competitor-price-overlap, e.g. 89-159' },
  'opt.sheet': { zh: '只检查这个名称的工作表', en: 'only check the sheet with this name' },
  'opt.examples': { zh: '填入 SOP 自带的示例行', en: "fill the SOP's own example rows" },
  'opt.init-lang': { zh: '说明页和提示的语言:zh | en', en: 'language of the instructions and hints: zh | en' },
  'opt.headers': { zh: '表头:zh(中文)| zh-en(中文加英文第二行)', en: 'headers: zh (Chinese) | zh-en (Chinese with an English second line)' },
  'opt.init-force': { zh: '替换已有的工作簿(原文件保留为编号备份 .bak)', en: 'replace existing workbooks (the old ones are kept as numbered .bak files)' },
  'opt.init-config': { zh: '配置文件(权重和阈值写入公式)', en: 'config file (weights and thresholds go into the formulas)' },
  'opt.score-sheet': { zh: '只看这个名称的选品评估矩阵表', en: 'only the selection sheet with this name' },
  'opt.score-write': { zh: '另存一份副本,填好综合得分和选品建议(原文件不改)', en: 'write a copy with the computed 综合得分 and 选品建议 filled in (the input is not changed)' },
  'opt.force-write': { zh: '允许替换已有文件或正在被 Excel/WPS 打开的文件(原文件保留为编号备份 .bak)', en: 'let the write replace an existing file or one open in Excel/WPS (kept as a numbered .bak)' },
  'opt.review-write': { zh: '另存一份副本,加上 审核结果/审核原因/优先打单 列并标出待人工审核的行(只接受一个输入文件)', en: 'write a copy with 审核结果 / 审核原因 / 优先打单 added, manual rows highlighted (one input file)' },
  'opt.queue': { zh: '把待人工审核队列写成 CSV(UTF-8 带 BOM,Excel 可直接打开)', en: 'write the manual-review queue as CSV (UTF-8 with BOM)' },
  'opt.max-rows': { zh: '文本报告中显示的待审核订单行数', en: 'rows of the manual queue shown in the text report' },
  'opt.text': { zh: '不用工作簿,直接检查这些标题(也可从标准输入每行一个)', en: 'check these titles without a workbook (or give titles on stdin, one per line)' },
  'opt.platform': { zh: '平台:{platforms}', en: 'platform: {platforms}' },
  'opt.category': { zh: '与 --text 一起用:类目,如 美妆护肤/面膜/修护面膜(决定是否按化妆品检查)', en: 'with --text: the category, e.g. 美妆护肤/面膜/修护面膜 (cosmetics rules apply)' },
  'opt.keyword': { zh: '与 --text 一起用:应在标题前10个字内的核心关键词', en: 'with --text: the core keyword that belongs in the first 10 characters' },
  'opt.to': { zh: '计算一单运费:收件地址,如 新疆乌鲁木齐市', en: 'compute one fee: the destination, e.g. 新疆乌鲁木齐市' },
  'opt.weight': { zh: '与 --to 一起用:重量,如 2.3 或 2300g', en: 'with --to: the weight, e.g. 2.3 or 2300g' },
  'opt.rules-format': { zh: '输出格式:text | json', en: 'text | json' },

  // ── usage errors (one line, exit 2) ────────────────────────────────────────
  'error.prefix': { zh: 'ecsop:', en: 'ecsop:' },
  'error.lang': { zh: '--lang 只能是 zh 或 en,不能是 {value}', en: '--lang must be zh or en, not {value}' },
  'error.headers': { zh: '--headers 只能是 zh 或 zh-en,不能是 {value}', en: '--headers must be zh or zh-en, not {value}' },
  'error.format': { zh: '--format 只能是 {allowed} 之一,不能是 {value}', en: '--format must be one of {allowed}, not {value}' },
  'error.now': { zh: '--now 应为日期或日期时间,如 2024-05-20T10:00,不能是 {value}', en: '--now must be an ISO date or date-time such as 2024-05-20T10:00, not {value}' },
  'error.severity': { zh: '{flag} 只能是 error、warning 或 info,不能是 {value}', en: '{flag} must be error, warning or info, not {value}' },
  'error.whole-number': { zh: '{flag} 应为 ≥0 的整数,不能是 {value}', en: '{flag} must be a whole number ≥ 0, not {value}' },
  'error.encoding': { zh: '--encoding 只能是 utf-8、gbk、gb18030、utf-16le 或 utf-16be,不能是 {value}', en: '--encoding must be utf-8, gbk, gb18030, utf-16le or utf-16be, not {value}' },
  'error.price-band': { zh: '--price-band 应写成 89-159 这样,不能是 {value}', en: '--price-band must read like 89-159, not {value}' },
  'error.platform': { zh: '--platform 只能是 {allowed} 之一,不能是 {value}{guess}', en: '--platform must be one of {allowed}, not {value}{guess}' },
  'error.did-you-mean': { zh: ';你是不是想写 {value}?', en: '; did you mean {value}?' },

  // the config file's problems (each names the key and what is allowed)
  'config.moved': { zh: '{key}:已移到 {value}', en: '{key}: moved to {value}' },
  'config.unknown-key': { zh: '{key}:未知的配置项{guess}(可用:{allowed})', en: '{key}: unknown key{guess} (allowed: {allowed})' },
  'config.bad-value': { zh: '{key}:{value} 不是可用的值{guess}(可用:{allowed})', en: '{key}: {value} is not allowed{guess} (allowed: {allowed})' },
  'config.issue': { zh: '{key}:{value}', en: '{key}: {value}' },
  'config.unknown-platform': { zh: '{key}:未知平台 {value}{guess}(可用:{allowed})', en: '{key}: unknown platform {value}{guess} (allowed: {allowed})' },
  'config.unknown-rule': { zh: '{key}:未知的规则{guess}(全部规则见 ecsop rules)', en: '{key}: unknown rule id{guess} (see `ecsop rules`)' },
  'list.and': { zh: '、', en: ', ' },

  // pieces that findings and reasons put into their messages
  'piece.minutes': { zh: '{m}分钟', en: '{m} min' },
  'piece.hours': { zh: '{h}小时', en: '{h} h' },
  'piece.hours-minutes': { zh: '{h}小时{m}分钟', en: '{h} h {m} min' },
  'piece.days': { zh: '{days}天', en: '{days} days' },
  'piece.presale-promise': { zh: '预售承诺的{days}天', en: 'the presale promise of {days} days' },
  'piece.promo-hours': { zh: '{promo}大促的{hours}小时', en: '{hours} h during {promo}' },
  'piece.unstated-shares': { zh: '(未写占比:{names})', en: ' (no share: {names})' },
  'piece.use-instead': { zh: ';可改为“{word}”', en: '; use "{word}" instead' },
  'piece.remove-it': { zh: ';建议删除', en: '; remove it' },
  'piece.chars': { zh: '{n} 个字符', en: '{n} characters' },
  'piece.csv-field': { zh: '第 {row} 行的一个字段', en: 'a field in line {row}' },
  'piece.csv-line': { zh: '第 {row} 行', en: 'line {row}' },
  'piece.cell-in-row': { zh: '第 {row} 行的一个单元格', en: 'a cell in row {row}' },
  'piece.row': { zh: '第 {row} 行', en: 'row {row}' },
  'piece.one-row': { zh: '一行', en: 'one row' },
  'piece.shared-string': { zh: '共享字符串表中的一个字符串', en: 'a string of the shared-string table' },
  'piece.cell-string': { zh: '一个单元格中的字符串', en: 'a string in a cell' },
  'piece.sheet-start': { zh: '工作表开头(XML 根元素之前)', en: 'the start of the sheet (before its worksheet element)' },
  'address.no-province': { zh: '找不到省份', en: 'no province' },
  'address.no-city': { zh: '找不到城市', en: 'no city' },
  'address.no-district': { zh: '找不到区县', en: 'no district' },
  'address.two-provinces': { zh: '出现两个省份:{first}、{second}', en: 'two provinces: {first}, {second}' },
  'address.no-street': { zh: '缺少街道门牌', en: 'no street-level detail' },
  'list.problems': { zh: ';', en: '; ' },
  'error.files-or-text': { zh: '请给文件或 --text,不要同时给', en: 'give files or --text, not both' },
  'error.nothing-to-lint': { zh: '没有可检查的标题:请给文件、--text "标题",或从标准输入每行一个标题', en: 'nothing to lint: give files, --text "标题", or titles on stdin' },
  'error.to-weight': { zh: '--to 地址 和 --weight 重量 要一起给,如 --to 新疆乌鲁木齐市 --weight 2.3', en: '--to ADDRESS and --weight KG go together, e.g. --to 新疆乌鲁木齐市 --weight 2.3' },
  'error.no-province': { zh: '“{value}”中找不到省份', en: 'no province found in "{value}"' },
  'error.freight-input': { zh: '请给文件,或 --to 地址 --weight 重量', en: 'give files, or --to ADDRESS --weight KG' },
  'error.annotate-one-input': { zh: '--annotate 只接受一个输入文件(现在是 {count} 个);多个文件请用 --annotate-dir 文件夹', en: '--annotate takes one input file (got {count}); for several, use --annotate-dir DIR' },
  'error.annotate-both': { zh: '--annotate 和 --annotate-dir 只能用一个', en: 'use --annotate or --annotate-dir, not both' },
  'error.annotate-no-workbook': { zh: '--annotate 需要工作簿文件;直接检查的标题(--text 或标准输入)没有可以标注的副本', en: '--annotate needs workbook files; titles given with --text or on stdin have no copy to annotate' },
  'error.write-one-input': { zh: '--write 只接受一个输入文件(现在是 {count} 个)', en: '--write takes exactly one input file (got {count})' },
  'error.init-exists': { zh: '文件已存在,未写入任何文件(加 --force 替换,原文件保留为编号备份 .bak):{paths}', en: 'files exist, nothing written (add --force to replace them; the old ones are kept as numbered .bak files): {paths}' },
  'error.no-path': { zh: '路径不存在:{value}', en: 'no such file or folder: {value}' },
  'error.no-match': { zh: '没有文件匹配:{value}', en: 'no files match: {value}' },
  'error.config': { zh: '配置错误:{detail}', en: 'config error: {detail}' },
  'error.internal': { zh: '内部错误:{detail}。请把这行信息报告给 ecsop 的维护者(设置 ECSOP_DEBUG=1 可看到详细信息)', en: 'internal error: {detail}. Please report this line to the ecsop maintainers (set ECSOP_DEBUG=1 for details)' },
  'error.stopped': { zh: '已停止({signal});没有留下不完整的文件', en: 'stopped ({signal}); no partial file was left' },
  // commander's own errors, said in the user's language
  'commander.unknown-option': { zh: '错误:未知选项 {value}', en: "error: unknown option {value}" },
  'commander.unknown-command': { zh: '错误:未知命令 {value}', en: 'error: unknown command {value}' },
  'commander.missing-argument': { zh: '错误:缺少参数 {value}', en: 'error: missing required argument {value}' },
  'commander.option-missing-value': { zh: '错误:选项 {value} 缺少值', en: 'error: option {value} argument missing' },
  'commander.too-many': { zh: '错误:参数太多', en: 'error: too many arguments' },
  'commander.did-you-mean': { zh: '(你是不是想用 {value}?)', en: '(Did you mean {value}?)' },

  // ── confirmations ─────────────────────────────────────────────────────────
  'wrote': { zh: '已写入 {path}', en: 'wrote {path}' },
  'wrote.backup': { zh: '已写入 {path}(原文件备份为 {backup})', en: 'wrote {path} (the old file kept as {backup})' },
  'wrote.workbook': { zh: '已写入 {path}({sheets})', en: 'wrote {path} ({sheets})' },
  'wrote.workbook-backup': { zh: '已写入 {path}({sheets});原文件备份为 {backup}', en: 'wrote {path} ({sheets}); the old file kept as {backup}' },

  'demo.exit': { zh: '(ecsop check 的退出码是 {code}:0 = 没有问题,1 = 有达到 --fail-on 级别的问题,2 = 用法错误或无法完成)', en: '(ecsop check exited {code}: 0 = clean, 1 = findings at or above --fail-on, 2 = usage or fatal error)' },

  // ── the annotated copy (its first sheet, 检查结果, and the notes on cells) ─────
  'opt.annotate': { zh: '另存一份标注副本:出问题的单元格按级别着色并加批注,第一张表“检查结果”列出全部问题(原文件不改)', en: 'write an annotated copy: cells with findings coloured by level with a note, a first sheet 检查结果 listing every finding (the input is not changed)' },
  'opt.annotate-dir': { zh: '为每个输入文件在此文件夹写一份标注副本(保持相对路径)', en: 'write an annotated copy of each input into this folder (relative paths kept)' },
  'annotate.title': { zh: 'ecsop 检查结果', en: 'ecsop check results' },
  'annotate.file': { zh: '文件:{file}', en: 'File: {file}' },
  'annotate.summary': { zh: '共 {count} 条问题:{errors} 个错误、{warnings} 个警告、{infos} 个提示', en: '{count} findings: {errors} errors, {warnings} warnings, {infos} infos' },
  'annotate.legend': { zh: '出问题的单元格已按级别着色(红 = 错误,黄 = 警告,蓝 = 提示),鼠标指向单元格可看批注;点下表“单元格”一列可跳到该单元格。', en: 'Cells with findings are coloured by level (red = error, amber = warning, blue = info) and carry a note; click a cell address below to go to it.' },
  'annotate.clean': { zh: '没有发现问题。', en: 'No findings.' },
  'annotate.by-rule': { zh: '规则|级别|条数|说明', en: 'Rule|Level|Count|Description' },
  'annotate.columns': { zh: '工作表|单元格|级别|问题|应为|值|规则', en: 'Sheet|Cell|Level|Problem|Expected|Value|Rule' },
  'annotate.more': { zh: '另有 {count} 条未逐条列出(单元格颜色标出了全部问题;完整清单请用 --format json)', en: '{count} more findings not listed (the colours mark every one; --format json lists them all)' },
  'annotate.notes-capped': { zh: '批注只加在前 {count} 个单元格上', en: 'notes are on the first {count} cells only' },
  'annotate.row': { zh: '第 {row} 行', en: 'row {row}' },
  'annotate.whole-sheet': { zh: '整张表', en: 'whole sheet' },
  'annotate.note-expected': { zh: '应为:{value}', en: 'Expected: {value}' },
  'annotate.note-rule': { zh: '规则:{value}', en: 'Rule: {value}' },
  'annotate.note-more': { zh: '……另有 {count} 条', en: '… {count} more' },
  'annotate.skipped': { zh: '未写标注副本 {file}:{reason}', en: 'no annotated copy of {file}: {reason}' },

  // ── report words ─────────────────────────────────────────────────────────
  'level.error': { zh: '错误', en: 'error' },
  'level.warning': { zh: '警告', en: 'warning' },
  'level.info': { zh: '提示', en: 'info' },
  'text.cell': { zh: '单元格', en: 'cell' },
  'text.level': { zh: '级别', en: 'level' },
  'text.field': { zh: '列', en: 'column' },
  'text.value': { zh: '值', en: 'value' },
  'text.expected': { zh: '应为', en: 'expected' },
  'text.message': { zh: '问题', en: 'problem' },
  'text.rule': { zh: '规则', en: 'rule' },
  'text.count': { zh: '数量', en: 'count' },
  'text.files': { zh: '文件', en: 'files' },
  'text.rows': { zh: '行', en: 'rows' },
  'text.unknown': { zh: '未识别', en: 'unknown' },
  'text.ok': { zh: '没有发现问题', en: 'no problems found' },
  'text.late': { zh: '跨文件检查', en: 'Checks across files' },
  'text.summary': { zh: '共检查 {files} 个文件、{sheets} 张工作表、{rows} 行:{errors} 个错误,{warnings} 个警告,{infos} 个提示', en: 'Checked {files} file(s), {sheets} sheet(s), {rows} row(s): {errors} error(s), {warnings} warning(s), {infos} info' },
  'progress.files': { zh: '{done}/{total} 个文件', en: '{done}/{total} files' },
  'report.more': { zh: '……另有 {count} 条 {rule}', en: '… {count} more {rule}' },
  'report.suggested-titles': { zh: '建议标题', en: 'Suggested titles' },
  'report.row-of': { zh: '第 {row} 行', en: 'row {row}' },
  'report.more-suggestions': { zh: '……另有 {count} 个(--format json 中每条发现的 suggestion 字段)', en: '… {count} more (each finding\'s suggestion field in --format json)' },
  'lint.length': { zh: '{platform}:{length}/{max} 字符(约 {hanzi} 个汉字)', en: '{platform}: {length}/{max} units (~{hanzi} hanzi)' },
  'lint.suggested': { zh: '建议标题', en: 'suggested' },
  'lint.summary': { zh: '共 {titles} 个标题:{errors} 个错误,{warnings} 个警告', en: '{titles} title(s): {errors} error(s), {warnings} warning(s)' },
  'review.queue': { zh: '待人工审核队列', en: 'Manual review queue' },
  'review.more': { zh: '……另有 {count} 单未显示;用 --queue 文件 导出全部', en: '… {count} more not shown; --queue FILE writes them all' },
  'review.print-first': { zh: '优先打单', en: 'print first' },
  'review.head': { zh: '文件|工作表|行|订单号|省份|优先|原因', en: 'file|sheet|row|order|province|priority|reasons' },
  'review.queue-head': { zh: '文件|工作表|行|订单号|省份|优先打单|原因代码|原因', en: 'file|sheet|row|order|province|print first|reason codes|reasons' },
  'review.yes': { zh: '是', en: 'yes' },
  'review.no': { zh: '否', en: 'no' },
  'review.summary': { zh: '订单 {orders} 单:自动审核通过 {auto} 单,待人工审核 {manual} 单,优先打单 {priority} 单', en: '{orders} orders: {auto} auto-approved, {manual} need manual review, {priority} to print first' },
  'score.summary': { zh: '通过 {pass} 款,待定 {hold} 款,淘汰 {drop} 款', en: '通过 (pass) {pass}, 待定 (hold) {hold}, 淘汰 (drop) {drop}' },
  'score.summary-invalid': { zh: ',评分无效 {count} 款', en: ', invalid scores {count}' },
  'freight.none': { zh: '没有同时含重量与地址的行', en: 'no rows with both a weight and an address' },
  'freight.head': { zh: '文件|工作表|行|地址|重量kg|运费|填写|计算', en: 'file|sheet|row|address|kg|fee|stated|breakdown' },
  'roi.none': { zh: '没有找到营销活动方案表', en: 'no campaign sheet found' },
  'roi.head': { zh: '活动|目标GMV|推广投入|ROI|预算分配(SOP {split})|渠道占比合计', en: 'campaign|GMV target|promotion|ROI|budget split (SOP {split})|channel shares' },
  'score.none': { zh: '没有找到选品评估矩阵表', en: 'no selection sheet found' },
  'score.head': { zh: '排名|行|产品|需求|竞争|利润|供应链|计算得分|填写得分|建议|填写建议|核对', en: 'rank|row|product|demand|comp.|profit|supply|score|stated|verdict|stated|check' },
  'score.wrong-score': { zh: '得分不符', en: 'score' },
  'score.wrong-verdict': { zh: '建议不符', en: 'verdict' },
  'score.invalid': { zh: '✗ 评分无效', en: '✗ invalid score' },
  'rules.head': { zh: '规则|级别|表格类型|说明', en: 'id|severity|sheet kinds|description' },
  'rules.all-kinds': { zh: '全部', en: 'all' },
  'media.summary': { zh: '共 {files} 个文件:主图 {main}、详情图 {detail}、海报 {poster}、视频 {video}', en: '{files} file(s): {main} main, {detail} detail, {poster} poster, {video} video' },
  'media.unclassified': { zh: ';{count} 个未识别用途(文件名或文件夹名含 主图/详情/海报/视频 时检查)', en: '; {count} of no known use (checked when the name or folder says 主图/详情/海报/视频)' },
  'media.missing': { zh: '文件不存在({where})', en: 'no such file ({where})' },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof CATALOG;

/** A catalog string in `lang`, its placeholders filled. */
export function t(lang: Lang, key: MessageKey, data: Record<string, unknown> = {}): string {
  return format(CATALOG[key][lang], data, lang);
}

/** A catalog string in both languages, for a message whose language is chosen later. */
export function localized(key: MessageKey, data: Record<string, unknown> = {}): Localized {
  return { zh: t('zh', key, data), en: t('en', key, data) };
}

/** Items as a list in each language (、 in Chinese, commas in English). */
export function joined(items: readonly string[]): Localized {
  return { zh: items.join(t('zh', 'list.and')), en: items.join(t('en', 'list.and')) };
}

/** A `|`-separated catalog string as a list (table headers). */
export function list(lang: Lang, key: MessageKey, data: Record<string, unknown> = {}): string[] {
  return t(lang, key, data).split('|');
}
