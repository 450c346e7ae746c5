#!/usr/bin/env node
import { main } from '../dist/ecsop.js';
process.exitCode = await main(process.argv.slice(2));
