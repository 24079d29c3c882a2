#!/usr/bin/env node
/**
 * `threadlab` (dist/cli.cjs; dist/cli.js imports it): runs the CLI bundle with the V8 code
 * cache of this user and this Node (cli/code-cache.ts). Built as CommonJS: an ES module entry
 * makes Node 20 start its ESM loader before anything else (~10 ms of CPU to the first frame).
 *
 * Node 20 has no compile cache of its own. Compiling meow, Ink and React, and every function
 * the first frame calls, is about a quarter of the time to the first frame; with the cache V8
 * reads the compiled code instead. The first run on a Node, or one whose cache V8 rejects
 * (other V8 flags), compiles as usual and leaves a cache at exit: slower once, never different.
 * THREADLAB_NO_CACHE=1 neither reads nor writes one (the bench measures both).
 */
import {join} from 'node:path';
import {CodeCache} from './code-cache.js';
import {BUNDLE, loadBundle} from './load-bundle.js';

const dir = __dirname;
const cache =
	process.env['THREADLAB_NO_CACHE'] === '1' ? undefined : new CodeCache(join(dir, BUNDLE), process.stdout.isTTY ? 'screen' : 'lines');
const cached = cache?.read();
const loaded = loadBundle(dir, cached);
// At exit the script holds the code of everything this run compiled: the next first frame's.
if (cache && (cached === undefined || loaded.script.cachedDataRejected))
	process.once('exit', () => cache.write(loaded.script.createCachedData()));
// main() catches every error itself and sets the exit code.
void loaded.run();
