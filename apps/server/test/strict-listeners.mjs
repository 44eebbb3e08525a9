// Preloaded into the server under test (NODE_OPTIONS=--import): Node warns from the 4th listener of one
// event on one emitter instead of the 11th, so a listener that piles up on every broker outage shows
// within one test rather than after ten outages. Legitimate fan-outs (an AbortSignal shared by a tail's
// partition loops) warn too: tests look for the warnings they are about.
import { EventEmitter } from 'node:events';

EventEmitter.defaultMaxListeners = 3;
