import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globPattern, isSkippedName } from '../../src/check/files.js';
import { roleOf } from '../../src/domain/media.js';
import { annotation } from '../../src/report/github.js';
import { ownerFiles } from '../../src/workbook/safe-write.js';

/** Where the code handles paths by hand, it is tried with Windows paths (path.win32). */
describe('paths on Windows', () => {
  it('a glob typed with backslashes and a drive letter reaches fast-glob with forward slashes', () => {
    expect(globPattern('D:\\共享盘\\**\\*.xlsx', win32.sep)).toBe('D:/共享盘/**/*.xlsx');
    expect(globPattern('运营表格\\*.csv', win32.sep)).toBe('运营表格/*.csv');
    expect(globPattern('共享盘/**/*.xlsx', '/')).toBe('共享盘/**/*.xlsx');
  });

  it('the owner files Excel, WPS and LibreOffice leave beside an open workbook, in a Windows folder', () => {
    expect(ownerFiles('C:\\Users\\运营\\Documents\\05-订单处理与履约.xlsx', win32)).toEqual([
      'C:\\Users\\运营\\Documents\\~$05-订单处理与履约.xlsx',
      'C:\\Users\\运营\\Documents\\~$-订单处理与履约.xlsx',
      'C:\\Users\\运营\\Documents\\.~lock.05-订单处理与履约.xlsx#',
    ]);
    expect(isSkippedName(win32.basename('C:\\共享盘\\~$订单.xlsx'))).toBe(true);
    expect(isSkippedName(win32.basename('\\\\nas\\共享盘\\.~lock.订单.xlsx#'))).toBe(true);
    expect(isSkippedName(win32.basename('C:\\共享盘\\订单.xlsx'))).toBe(false);
  });

  it('a media file\'s use from a Windows path', () => {
    expect(roleOf('商品10001\\主图\\1.jpg', false)).toBe('main');
    expect(roleOf('D:\\素材\\详情\\长图.png', false)).toBe('detail');
    expect(roleOf('D:\\活动\\海报.png', false)).toBe('poster');
  });

  it('a GitHub annotation names the file with forward slashes', () => {
    expect(annotation({ ruleId: 'file/unreadable', severity: 'error', file: '共享盘\\5月\\订单.xlsx', message: '无法读取' })).toBe('::error file=共享盘/5月/订单.xlsx,title=file/unreadable::无法读取\n');
  });
});
