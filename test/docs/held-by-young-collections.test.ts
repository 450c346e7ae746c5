import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sources } from '../helpers/sources.js';

/**
 * What V8 holds through every young-generation collection until the next full one (issue #25,
 * docs/performance.md "what a young collection cannot let go"): a generator function made inside
 * a function (its prototype and map are made in the old generation and keep the function, and so
 * every value of the function it was made in), a class made inside a function (the same, for its
 * constructor and prototype), and an accessor whose getter or setter is a closure
 * made for each object (an object literal's `get x()` inside a function, `Object.defineProperty` with
 * an arrow for `get`: the object's map, made in the old generation, keeps the closure). Each small
 * workbook's whole reading and check was kept so, copied twice and moved to the old generation: a
 * drive of small workbooks spent ~15% of its checking thread in collections. Measured in a loop of
 * 2,000 checks, each followed by two young collections: 37 KB a workbook moved to the old
 * generation with them, none without.
 *
 * So in src/, generator functions are declared at the top of a module or as methods of a class
 * declared there, classes are declared there, and accessors are a class's or a module-level object's. This test names each place
 * that does otherwise (file:line and what it is), unless a comment just before it says it is "made
 * once a run" (then it keeps nothing of any file's).
 */
const root = join(__dirname, '../..');

function madeEachCall(node: ts.Node): boolean {
  // inside a function's body (a module's top level and a top-level class's members run once)
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p) && !(ts.isClassElement(p) && p === node)) return true;
  }
  return false;
}

function heldPlaces(file: string, text = readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const onceARun = (n: ts.Node) => (ts.getLeadingCommentRanges(text, n.getFullStart()) ?? []).some((c) => /made once a run/.test(text.slice(c.pos, c.end)));
  const at = (n: ts.Node, what: string) => onceARun(n) || found.push(`${relative(root, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${what}`);
  const visit = (n: ts.Node): void => {
    const generator = (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) && !!n.asteriskToken;
    if (generator) {
      const inLiteral = ts.isObjectLiteralExpression(n.parent);
      const inClass = ts.isClassLike(n.parent);
      if ((inLiteral || !inClass) && madeEachCall(n)) at(n, 'a generator function made inside a function');
    }
    // a class made for each call: its constructor, prototype and maps are made for each too (its methods with them)
    if ((ts.isClassDeclaration(n) || ts.isClassExpression(n)) && madeEachCall(n)) at(n, 'a class made inside a function');
    if ((ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) && ts.isObjectLiteralExpression(n.parent) && madeEachCall(n.parent)) {
      at(n, 'an accessor of an object literal made inside a function');
    }
    if (ts.isCallExpression(n) && n.getText(sf).startsWith('Object.defineProperty(') && madeEachCall(n)) {
      const desc = n.arguments[2];
      if (desc && ts.isObjectLiteralExpression(desc)) {
        for (const p of desc.properties) {
          const name = p.name && ts.isIdentifier(p.name) ? p.name.text : '';
          const closure = (ts.isPropertyAssignment(p) && (ts.isArrowFunction(p.initializer) || ts.isFunctionExpression(p.initializer))) || ts.isMethodDeclaration(p);
          if ((name === 'get' || name === 'set') && closure) at(p, `Object.defineProperty with a closure for \`${name}\``);
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('what young-generation collections would hold until a full one', () => {
  it('src/ makes no generator function, class or accessor closure inside a function', () => {
    const places = sources(join(root, 'src')).flatMap((f) => heldPlaces(f));
    expect(places).toEqual([]);
  });

  it('finds each kind of such place (the test can fail)', () => {
    const sample = [
      'export function* once() { yield 1; }',
      'export class Reader { *rows() { yield 1; } get size() { return 1; } }',
      'const DESCRIPTOR = { get() { return 1; } };',
      'export function open(big: number[]) {',
      '  function* rows() { yield big; }',
      '  const gen = async function* () { yield big; };',
      '  return {',
      '    async *sheets() { yield big; },',
      '    get size() { return big.length; },',
      '    define(o: object) {',
      '      Object.defineProperty(o, "size", { get: () => big.length });',
      '      Object.defineProperty(o, "same", DESCRIPTOR);',
      '      return class { *rows() { yield big; } };',
      '    },',
      '    rows, gen, arrow: () => big.length, method() { return big.length; },',
      '    // made once a run',
      '    *once() { yield 1; },',
      '  };',
      '}',
    ].join('\n');
    expect(heldPlaces(join(root, 'sample.ts'), sample).map((p) => p.replace(/^[^:]+:/, ''))).toEqual([
      '5: a generator function made inside a function',
      '6: a generator function made inside a function',
      '8: a generator function made inside a function',
      '9: an accessor of an object literal made inside a function',
      '11: Object.defineProperty with a closure for `get`',
      '13: a class made inside a function',
    ]);
  });
});
