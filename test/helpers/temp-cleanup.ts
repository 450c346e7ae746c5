import { afterAll } from 'vitest';
import { removeTempDirs } from './cli.js';

// A setup file: run before each test file (its modules shared or not), so the folders each file's
// tests made with tempDir are removed when that file is done.
afterAll(removeTempDirs);
