#!/usr/bin/env -S node --no-allocation-site-pretenuring
import { main } from '../dist/ecsop.js';
process.exitCode = await main(process.argv.slice(2));
