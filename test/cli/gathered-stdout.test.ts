import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { flushStdout, type Io } from '../../src/cli/io.js';
import { openOutput } from '../../src/cli/output.js';
import { Progress } from '../../src/cli/progress.js';

/** An Io whose stdout is a pipe (no terminal), and what arrived on it. */
function piped(tty = false) {
  const stream = new PassThrough();
  let got = '';
  stream.on('data', (c: Buffer) => { got += c.toString('utf8'); });
  const io = { stdout: () => {}, stderr: () => {}, cwd: process.cwd(), env: {}, stdoutTTY: tty, stderrTTY: false, stdoutStream: stream } as Io;
  return { io, got: () => got };
}

/**
 * stdout that is no terminal gets its small writes gathered (issue #25); what is held goes out before
 * anything is said on stderr (a log of both keeps their order: outsider helper-46) and before a stop
 * ends the process (flushStdout, called by stderr's writer and by the signal handlers).
 */
describe('stdout gathered when it is no terminal', () => {
  it('holds small writes, and writes them when stderr is about to be written to', async () => {
    const { io, got } = piped();
    const out = await openOutput(io, undefined, new Progress(io, false, 'zh'), () => {});
    out.write('a.csv:2 订单号 需要人工审核\n');
    await new Promise((r) => setImmediate(r));
    expect(got()).toBe('');
    flushStdout();
    await new Promise((r) => setImmediate(r));
    expect(got()).toBe('a.csv:2 订单号 需要人工审核\n');
    out.write('tail\n');
    await out.close();
    await new Promise((r) => setImmediate(r));
    expect(got()).toBe('a.csv:2 订单号 需要人工审核\ntail\n');
  });

  it('on a terminal every write goes at once', async () => {
    const { io, got } = piped(true);
    const out = await openOutput(io, undefined, new Progress(io, false, 'zh'), () => {});
    out.write('now\n');
    await new Promise((r) => setImmediate(r));
    expect(got()).toBe('now\n');
    await out.close();
  });
});
