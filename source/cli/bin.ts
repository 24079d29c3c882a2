#!/usr/bin/env node
/**
 * `threadlab` (dist/cli.js): runs the CLI bundle with the V8 code cache the build wrote
 * beside it.
 *
 * Node 20 has no compile cache of its own. Compiling meow, Ink and React, and every function
 * the first frame calls, is about a quarter of the time to the first frame; with the cache V8
 * reads the compiled code instead. If the cache does not fit this Node (another V8, other V8
 * flags), V8 rejects it and compiles as usual: slower, never different.
 * THREADLAB_NO_CACHE=1 skips the cache (the bench measures both).
 */
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {CODE_CACHE, loadBundle} from './load-bundle.js';

const dir = dirname(fileURLToPath(import.meta.url));

function codeCache(): Buffer | undefined {
	if (process.env['THREADLAB_NO_CACHE'] === '1') return undefined;
	try {
		return readFileSync(join(dir, CODE_CACHE));
	} catch {
		return undefined;
	}
}

await loadBundle(dir, codeCache()).run();
