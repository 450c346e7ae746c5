#!/usr/bin/env bash
# Makes small workbooks with programs other than ecsop (openpyxl and LibreOffice, from Debian's
# python3-openpyxl and libreoffice-calc-nogui) so tests read files ecsop did not write itself.
# The output is committed under test/fixtures/; rerun only to change the fixtures:
#   apt-get install -y python3-openpyxl libreoffice-calc-nogui && npm run generate && bash scripts/make-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures
work=$(mktemp -d)
mkdir -p "$out"
/usr/bin/python3 - "$out" "$work" <<'PY'
import sys, datetime, openpyxl
from openpyxl.workbook.workbook import Workbook
out, work = sys.argv[1], sys.argv[2]

# 1. A selection and a trend sheet typed by hand in openpyxl: retyped headers, a title row,
#    the SOP's rows as it prints them, a formula openpyxl cannot cache, a date cell.
wb = Workbook()
ws = wb.active
ws.title = '选品'
ws.append(['2024年4月 第一轮选品'])
ws.append(['产品名称', '类目', '市场需求度（1-5分）', '竞争强度（1-5分）', '利润空间（1-5分）', '供应链难度（1-5分）', '综合得分', '选品建议', '评估人', '评估日期'])
ws.append(['敏感肌修护面膜(款1)', '美妆·面膜', '5(搜索量高,供给缺口)', '4(TOP5竞品中无同成分)', '4(毛利率60%)', '5(合作工厂成熟)', 4.55, '通过', '*强', datetime.date(2024, 4, 5)])
ws.append(['抗老精华(款2)', '美妆·精华', '4(需求增长快)', '3(竞品多,但高浓度少)', '3(毛利率50%)', '4(原料供应稳定)', 3.55, '待定(需优化成分浓度)', '*梅', '2024-04-05'])
ws.append(['补水面膜(款3)', '美妆·面膜', '3(需求稳定)', '2(竞品饱和)', '3(毛利率45%)', '4(生产简单)', 2.95, '淘汰', '*磊', '2024年4月5日'])
ws.append(['修护精华(款4)', '美妆·精华', 4, 4, 4, 4, '=ROUND((C6*30+D6*25+E6*25+F6*20)/100,2)', '通过', '*强', datetime.date(2024, 4, 5)])
ws['J3'].number_format = 'yyyy-mm-dd'
t = wb.create_sheet('趋势')
t.append(['目标市场', '数据来源', '核心指标', '数据周期', '指标数值', '趋势判断(增长/稳定/下滑)', '分析结论', '分析人', '分析日期'])
t.append(['敏感肌修护面膜', '生意参谋+小红书笔记', '搜索指数/供需比', '2024.1-3', '12500/1:3', '增长(搜索环比+32%)', '供给不足,存在市场机会', '*明', datetime.datetime(2024, 4, 1)])
t.append(['抗老精华(玻色因)', '飞瓜数据+天猫行业报告', '成交额增速/客单价', '2024.1-3', '58%/320元', '增长（成交额环比+45%）', '高客单价赛道,消费者付费意愿强', '*华', datetime.datetime(2024, 4, 2)])
wb.save(f'{out}/openpyxl-research.xlsx')

# 2. The 1904 date system (old Mac Excel): dates must still read as 2024-04-01.
wb = Workbook()
wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
ws = wb.active
ws.title = '任务'
ws.append(['任务项', '任务描述', '开始时间', '截止时间', '负责人', '完成状态', '备注'])
ws.append(['活动海报设计', '尺寸1440×600px', datetime.date(2024, 5, 10), datetime.date(2024, 5, 12), '*悦', '已完成', ''])
for c in ('C2', 'D2'): ws[c].number_format = 'yyyy-mm-dd'
wb.save(f'{out}/openpyxl-1904.xlsx')

# 3. Input for LibreOffice: the ecsop selection template filled in openpyxl (formulas kept),
#    plus a row whose score cell divides by zero.
wb = openpyxl.load_workbook('templates/01-市场调研与选品.xlsx')
ws = wb['选品评估矩阵表']
rows = [('敏感肌修护面膜(款1)', '5(搜索量高,供给缺口)', 4, 4, 5), ('抗老精华(款2)', 4, 3, 3, 4), ('补水面膜(款3)', '３', 2, 3, 4), ('修护精华(款4)', 4, 4, 4, 4), ('全角(款5)', '５（高）', 2, 3, 4)]
for r, (p, a, b, c, d) in enumerate(rows, start=2):
    ws.cell(r, 1, p); ws.cell(r, 3, a); ws.cell(r, 4, b); ws.cell(r, 5, c); ws.cell(r, 6, d)
ws.cell(7, 1, '坏公式(款6)'); ws.cell(7, 3, 4); ws.cell(7, 4, 4); ws.cell(7, 5, 4); ws.cell(7, 6, 4); ws.cell(7, 7, '=1/0')
wb.save(f'{work}/libreoffice-selection.xlsx')

# 4. Orders with the address split into 省/市/区/详细地址, as an ERP exports them, as CSV for LibreOffice.
orders = [
    ['订单编号', '付款时间', '收货人', '手机号', '省', '市', '区', '详细地址', '商品名称', '数量', '实付金额', '是否预售', '买家留言'],
    ['20240520001', '2024-05-20 09:12', '*女士', '138****5678', '浙江省', '杭州市', '西湖区', '文三路90号', '敏感肌修护面膜', '2', '258', '否', '加急'],
    ['20240520002', '2024-05-20 10:05', '*先生', '13912341234', '新疆维吾尔自治区', '乌鲁木齐市', '天山区', '解放北路8号', '抗老精华', '1', '299', '否', ''],
    ['20240520003', '2024-05-20 11:30', '*经理', '137****0001', '上海市', '上海市', '浦东新区', 'xx公司前台', '抗老精华', '20', '5980.00', '否', ''],
]
import csv
with open(f'{work}/libreoffice-orders.csv', 'w', newline='', encoding='utf-8') as f:
    csv.writer(f).writerows(orders)
# the same orders as Chinese Excel saves "CSV": GBK, and as UTF-8 with a BOM
with open(f'{out}/orders-gbk.csv', 'w', newline='', encoding='gbk') as f:
    csv.writer(f).writerows(orders)
with open(f'{out}/orders-utf8-bom.csv', 'w', newline='', encoding='utf-8-sig') as f:
    csv.writer(f).writerows(orders)

# 5. A selection sheet as a user builds it by hand in a spreadsheet program: their own formulas
#    (one right, one with wrong weights), dropdowns, a conditional format, an auto-filter, a
#    summary sheet that counts the verdicts. LibreOffice then saves it with cached results.
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill, Font
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
wb = Workbook()
ws = wb.active
ws.title = '选品评估矩阵表'
ws.append(['产品名称', '类目', '市场需求度', '竞争强度', '利润空间', '供应链难度', '综合得分', '选品建议', '评估人', '评估日期'])
ws.append(['修护面膜', '美妆·面膜', 5, 4, 4, 5, '=ROUND(C2*0.3+D2*0.25+E2*0.25+F2*0.2,2)', '=IF(G2>=4,"通过",IF(G2>=3,"待定","淘汰"))', '*强', '2024-04-05'])
ws.append(['抗老精华', '美妆·精华', 5, 3, 3, 4, '=ROUND((C3+D3+E3+F3)/4,2)', '=IF(G3>=4,"通过",IF(G3>=3,"待定","淘汰"))', '*梅', '2024-04-05'])
ws.append(['补水面膜', '美妆·面膜', 3, 2, 3, 4, 2.95, '淘汰', '*磊', '2024-04-05'])
ws.append(['控油面膜', '美妆·面膜', 4, 4, 3, 4, '', '', '*磊', '2024-04-05'])
scores = DataValidation(type='whole', operator='between', formula1='1', formula2='5', allow_blank=True)
scores.add('C2:F200')
verdicts = DataValidation(type='list', formula1='"通过,待定,淘汰"', allow_blank=True)
verdicts.add('H2:H200')
ws.add_data_validation(scores)
ws.add_data_validation(verdicts)
ws.conditional_formatting.add('G2:G200', CellIsRule(operator='greaterThanOrEqual', formula=['4'], fill=PatternFill('solid', fgColor='C6EFCE')))
ws.auto_filter.ref = 'A1:J5'
ws.freeze_panes = 'A2'
ws['A1'].font = Font(bold=True)
ws['A2'].comment = Comment('第一轮候选', '*强')
s = wb.create_sheet('汇总')
s.append(['通过', '=COUNTIF(选品评估矩阵表!H:H,"通过")'])
s.append(['待定', '=COUNTIF(选品评估矩阵表!H:H,"待定")'])
name = DefinedName('候选', attr_text="'选品评估矩阵表'!$A$2:$A$5")
try:
    wb.defined_names['候选'] = name
except (AttributeError, TypeError):
    wb.defined_names.append(name)  # openpyxl before 3.1
wb.save(f'{work}/libreoffice-selection-formulas.xlsx')
wb.save(f'{out}/openpyxl-selection-formulas.xlsx')

# 6. Orders as a shop keeps them in openpyxl: dropdowns, a conditional format, an auto-filter,
#    widths, a note on a cell, frozen header.
wb = Workbook()
ws = wb.active
ws.title = '订单'
ws.append(['订单号', '支付时间', '收件人', '电话', '收件地址', '商品', '数量', '金额', '是否预售', '买家备注', '库存'])
ws.append(['20240520001', '2024-05-20 09:12', '*女士', '13812345678', '浙江省杭州市西湖区文三路90号', '面膜', 2, 258, '否', '', 120])
ws.append(['20240520002', '2024-05-20 10:05', '*先生', '13912341234', '新疆乌鲁木齐市天山区解放北路8号', '精华', 1, 299, '否', '', 80])
ws.append(['20240520003', '2024-05-20 11:30', '*经理', '13700000001', '上海市浦东新区xx公司前台', '精华', 20, 5980, '否', '加急', 50])
presale = DataValidation(type='list', formula1='"是,否"', allow_blank=True)
presale.add('I2:I500')
ws.add_data_validation(presale)
ws.conditional_formatting.add('H2:H500', CellIsRule(operator='greaterThan', formula=['5000'], fill=PatternFill('solid', fgColor='FFC7CE')))
ws.auto_filter.ref = 'A1:K4'
ws.freeze_panes = 'A2'
ws.column_dimensions['E'].width = 36
ws['J4'].comment = Comment('买家电话确认过', '*客服')
for c in ws[1]: c.font = Font(bold=True); c.fill = PatternFill('solid', fgColor='DDEBF7')
wb.save(f'{out}/openpyxl-orders-styled.xlsx')

# 7. Orders on the second sheet, which is the one open: an instructions sheet first, a print
#    area (a name scoped to the sheet), a link, and a note already on a cell that a finding
#    will point at (the invalid phone) and on one it will not. LibreOffice saves it again.
wb = Workbook()
info = wb.active
info.title = '说明'
info.append(['订单表由客服每日导出'])
ws = wb.create_sheet('订单')
ws.append(['订单号', '支付时间', '收件人', '电话', '收件地址', '商品', '数量', '金额', '是否预售', '买家备注'])
ws.append(['20240520001', '2024-05-20 09:12', '*女士', '13812345678', '浙江省杭州市西湖区文三路90号', '面膜', 2, 258, '否', ''])
ws.append(['20240520002', '2024-05-20 10:05', '*先生', '12345', '浙江省杭州市西湖区文三路91号', '精华', 1, 299, '否', ''])
ws.append(['20240520003', '2024-05-20 11:30', '*经理', '13700000001', '上海市浦东新区xx公司前台', '精华', 20, 5980, '否', '加急'])
ws['D3'].comment = Comment('客户留的号码不全', '*客服')
ws['F2'].comment = Comment('赠品另发', '*客服')
ws['A1'].hyperlink = '#说明!A1'
ws.print_area = 'A1:J4'
ws.freeze_panes = 'A2'
wb.active = 1
wb.save(f'{work}/libreoffice-orders-commented.xlsx')
wb.save(f'{out}/openpyxl-orders-commented.xlsx')

# 8. Orders whose cells hold control characters pasted from another system: DEL, C1 controls
#    (U+0080, U+0085, U+009F) and a line separator (U+2028). XML 1.0 allows them as they are, and
#    LibreOffice writes them so into its shared strings.
wb = Workbook()
ws = wb.active
ws.title = '订单'
ws.append(['订单号', '支付时间', '收件人', '电话', '收件地址', '商品', '数量', '金额', '是否预售', '买家备注'])
ws.append(['20240520001', '2024-05-20 09:12', '*女士\x7f', '13812345678', '浙江省杭州市西湖区文三路90号\x85', '面膜\x9f', 2, 258, '否', '放门口\u2028谢谢'])
ws.append(['20240520002', '2024-05-20 10:05', '*先生', '13912341234', '浙江省杭州市西湖区文三路91号', '精华', 1, 299, '否', '\x80加急'])
wb.save(f'{work}/libreoffice-orders-controls.xlsx')
# 9. An ERP's order export with each multi-item order's own cells merged down over its item rows
#    (number, time, buyer, phone, address, amount, status, note), a shop's title merged across the
#    table and a 合计 row, as 聚水潭/旺店通 export them to .xlsx; LibreOffice saves it again.
wb = Workbook()
ws = wb.active
ws.title = '订单'
ws.append(['订单编号', '付款时间', '收货人', '手机号', '收货地址', '商品名称', '数量', '实付金额', '订单状态', '买家留言'])
ws.append(['店铺:美妆旗舰店'])
ws.merge_cells('A2:J2')
ws.append(['20240520001', '2024-05-20 09:12', '*女士', '13812345678', '浙江省杭州市西湖区文三路90号', '面膜', 2, 400, '买家已付款,等待卖家发货', '放门口'])
ws.append([None, None, None, None, None, '精华', 1, None, None, None])
ws.append(['20240520002', '2024-05-20 10:05', '*先生', '12345', '浙江省杭州市西湖区文三路91号', '面膜', 1, 450, '买家已付款,等待卖家发货', None])
ws.append([None, None, None, None, None, '精华', 1, None, None, None])
ws.append([None, None, None, None, None, '眼霜', 1, None, None, None])
ws.append(['20240520003', '2024-05-20 11:30', '*经理', '13700000001', '新疆乌鲁木齐市天山区解放北路8号', '精华', 1, 299, '买家已付款,等待卖家发货', None])
ws.append(['合计', None, None, None, None, None, 7, 1149, None, None])
for col in 'ABCDEHIJ':
    ws.merge_cells(f'{col}3:{col}4')
    ws.merge_cells(f'{col}5:{col}7')
wb.save(f'{work}/libreoffice-orders-merged.xlsx')
wb.save(f'{out}/openpyxl-orders-merged.xlsx')
PY
# LibreOffice recalculates and caches every formula result when it saves.
(cd "$work" && timeout 300 soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir lo libreoffice-selection.xlsx libreoffice-selection-formulas.xlsx libreoffice-orders-commented.xlsx libreoffice-orders-controls.xlsx libreoffice-orders-merged.xlsx >/dev/null 2>&1)
(cd "$work" && timeout 300 soffice --headless --infilter='CSV:44,34,76,1' --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir lo libreoffice-orders.csv >/dev/null 2>&1)
(cd "$work" && timeout 300 soffice --headless --infilter='CSV:44,34,76,1' --convert-to ods --outdir lo libreoffice-orders.csv >/dev/null 2>&1)
cp "$work/lo/libreoffice-selection.xlsx" "$work/lo/libreoffice-selection-formulas.xlsx" "$work/lo/libreoffice-orders.xlsx" "$work/lo/libreoffice-orders-commented.xlsx" "$work/lo/libreoffice-orders-controls.xlsx" "$work/lo/libreoffice-orders-merged.xlsx" "$out/"
# an OpenDocument spreadsheet renamed to .xlsx, as people do
cp "$work/lo/libreoffice-orders.ods" "$out/libreoffice-renamed-ods.xlsx"
rm -rf "$work"
ls -la "$out"
