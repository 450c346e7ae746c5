import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { PYTHON } from '../helpers/openpyxl.js';

const XSD = join(__dirname, '../fixtures/schemas/junit-10.xsd');
const hasLxml = spawnSync(PYTHON, ['-c', 'import lxml'], { stdio: 'ignore' }).status === 0;
const VALIDATE = `
import sys
from lxml import etree
schema = etree.XMLSchema(etree.parse(sys.argv[1]))
doc = etree.parse(sys.stdin.buffer)
if not schema.validate(doc):
    print(schema.error_log)
    sys.exit(1)
`;

/** Counts as a CI system reads them: cases, failing cases, failures. */
function counts(xml: string) {
  const n = (re: RegExp) => xml.match(re)?.length ?? 0;
  return { tests: n(/<testcase /g), failing: n(/<failure /g), top: /<testsuites [^>]*tests="(\d+)" failures="(\d+)"/.exec(xml)!.slice(1).map(Number) };
}

/**
 * Issue #24: JUnit means what it says — one test case per file and rule, failures counted as the
 * failing cases, warnings visible — and is valid against the schema Jenkins reads (junit-10.xsd).
 */
describe.skipIf(!hasLxml && !process.env.CI)('--format junit', () => {
  const dir = tempDir();
  const ready = (async () => {
    cpSync(join(__dirname, '../../examples'), join(dir, 'examples'), { recursive: true });
    const rows = Array.from({ length: 3000 }, (_, i) => `${9000 + i},2024-05-20 10:00,*女士,13812345678,新疆乌鲁木齐市天山区解放北路8号,面膜,1,89,否`);
    writeFileSync(join(dir, 'big.csv'), `订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售\n${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'broken.xlsx'), 'not a workbook');
    writeFileSync(join(dir, 'clean.csv'), '订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售\n1,2024-05-20 10:00,*女士,13812345678,浙江省杭州市西湖区文三路90号,面膜,1,89,否\n');
  })();

  it.each([
    ['the SOP\'s examples', ['check', 'examples']],
    ['3000 warnings, a broken file and a clean one', ['check', 'big.csv', 'broken.xlsx', 'clean.csv']],
    ['warnings failing', ['check', 'big.csv', 'examples', '--fail-on', 'warning']],
    ['review', ['review', 'big.csv']],
  ])('%s: valid, one case per file and rule, failures counted', async (_name, args) => {
    await ready;
    for (const lang of ['zh', 'en']) {
      const xml = (await ecsop([...args, '-f', 'junit', '--lang', lang, '--now', '2024-05-21T12:00'], { cwd: dir })).stdout;
      const valid = spawnSync(PYTHON, ['-c', VALIDATE, XSD], { input: xml, encoding: 'utf8' });
      expect(valid.status, valid.stdout + valid.stderr).toBe(0);
      const json = JSON.parse((await ecsop([...args, '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir })).stdout);
      // the cases: a file's rules with findings, or one passing case for a file no rule reported in
      const failOn = args.includes('warning') ? ['error', 'warning'] : ['error'];
      const byFile = new Map<string, Map<string, boolean>>();
      for (const f of json.files) byFile.set(f.path, new Map());
      for (const f of json.findings) { const m = byFile.get(f.file)!; m.set(f.ruleId, (m.get(f.ruleId) ?? false) || failOn.includes(f.severity)); }
      const tests = [...byFile.values()].reduce((a, m) => a + Math.max(1, m.size), 0);
      const failing = [...byFile.values()].reduce((a, m) => a + [...m.values()].filter(Boolean).length, 0);
      expect(counts(xml)).toEqual({ tests, failing, top: [tests, failing] });
      // every finding is in the report, failing or not
      expect(xml.split('\n').filter((l) => /^(错误|警告|提示|error|warning|info) /.test(l))).toHaveLength(json.findings.length);
    }
  });
});
