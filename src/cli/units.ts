import { registerCollectors } from '../check/collector.js';
import { freightCollector } from '../freight/collector.js';
import { titlesCollector } from '../lint/collector.js';
import { reviewCollector } from '../review/collector.js';
import { roiCollector } from '../roi/collector.js';
import { scoreCollector } from '../score/collector.js';

/**
 * The commands' collectors, registered with the pass (which knows none of them) by every program
 * that runs it: the CLI and each worker thread. A command with a collector adds one line here.
 */
registerCollectors([reviewCollector, scoreCollector, roiCollector, freightCollector, titlesCollector]);
