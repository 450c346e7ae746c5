import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES, nearestShape, shapesOf } from '../../src/cells/grammar/families.js';
import { MAX_VALUE_CHARS, readWith } from '../../src/cells/grammar/read.js';
import { goalFen } from '../../src/domain/money.js';
import { compileValues, START_RULES } from '../../scripts/grammar-compile.mjs';

const root = join(__dirname, '../..');

describe('the value grammar (src/cells/grammar/values.peggy)', () => {
  it('the committed parser is the grammar compiled (run `npm run generate` after a change)', () => {
    const source = readFileSync(join(root, 'src/cells/grammar/values.peggy'), 'utf8');
    expect(readFileSync(join(root, 'src/cells/grammar/values.generated.js'), 'utf8')).toBe(compileValues(source));
  });

  it('every family names start rules the parser has', () => {
    const rules = FAMILIES.flatMap((f) => f.readings.map((r) => r.rule));
    for (const r of rules) expect(START_RULES).toContain(r);
  });

  const shapes = FAMILIES.flatMap((f) => f.readings.flatMap((r) => r.shapes.map((s) => [f.id, r.rule, s] as const)));
  it.each(shapes)('%s (%s) reads %j', (_f, rule, text) => expect(readWith(rule, text)).toBeDefined());

  const others = FAMILIES.flatMap((f) => f.readings.flatMap((r) => r.notThese.map((s) => [f.id, r.rule, s] as const)));
  it.each(others)('%s (%s) does not read %j', (_f, rule, text) => expect(readWith(rule, text)).toBeUndefined());

  it('an unreadable cell is told the nearest accepted shape', () => {
    expect(nearestShape('Shares', '推广:十五万元 补贴:九万元 其它')).toMatch(/万/);
    expect(nearestShape('Score', '很好(4)')).toBeDefined();
    expect(nearestShape('Phases', '5.17到5.19预热,5.20爆发')).toMatch(/预热/);
  });

  it('a cell of 70,000 characters is told its nearest shape too, as one of a few characters would be (the outline is built in a line, not copied per character)', () => {
    for (const [rule, piece] of [['Score', '很好(4)分 '], ['Phases', '5.17到5.19预热,']] as const) {
      const long = piece.repeat(Math.ceil(70_000 / piece.length));
      const shape = nearestShape(rule, long);
      expect(shapesOf(rule)).toContain(shape);
      // as for the text three times over: the nearest is the longest shape of its kind
      expect(shape).toBe(nearestShape(rule, piece.repeat(3)));
    }
  });
});

describe('long cells through the value grammar', () => {
  it('a run of 32,000 blanks is a gap as a short one is: the goal is read', () => {
    expect(goalFen(`GMV${' '.repeat(32_000)}50万`)).toBe(50_000_000);
    expect(goalFen(`活动目标:${'\n'.repeat(20_000)}GMV 50万`)).toBe(goalFen('活动目标:\nGMV 50万'));
    expect(readWith('MoneyOnly', `5${' '.repeat(20)}万`)).toEqual(readWith('MoneyOnly', '5 万'));
    // blanks and line breaks mixed: still one gap, and still one that crosses a line (a number and its 万 on two lines are two things)
    expect(goalFen(`GMV${' \n'.repeat(16_000)}50万`)).toBe(goalFen('GMV \n50万'));
    expect(readWith('MoneyOnly', `5${' '.repeat(20)}\n万`)).toEqual(readWith('MoneyOnly', '5 \n万'));
  });
  it(`no value is longer than ${MAX_VALUE_CHARS} characters: a goal is looked for in its first ones, a value of that length is not read`, () => {
    expect(goalFen(`GMV 50万。${'活动说明'.repeat(10_000)}`)).toBe(50_000_000);
    expect(readWith('MoneyOnly', '5'.repeat(MAX_VALUE_CHARS + 1))).toBeUndefined();
    expect(readWith('Score', `4分,${'理由'.repeat(MAX_VALUE_CHARS)}`)).toBeUndefined();
    // at the bound it is still read
    expect(readWith('Score', `4分,${'理'.repeat(MAX_VALUE_CHARS - 3)}`)).toBeDefined();
  });
});
