// A worker thread of the pass, with the commands' collectors known to it.
import './units.js';
import '../check/worker.js';
