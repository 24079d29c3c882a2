/**
 * Loads the CLI, bundled as one script (dist/threadlab.cjs), optionally with a V8 code
 * cache. Used by `dist/cli.js` (source/bin.ts) and by the build, which writes the cache.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {Script} from 'node:vm';

export const BUNDLE = 'threadlab.cjs';

export interface Loaded {
	script: Script;
	/** The CLI's `main`, once yoga's WebAssembly is ready. */
	run(): Promise<void>;
}

/**
 * Compiles the bundle in `dir` (with the compiled code in `cachedData`, if given) and runs its
 * top level. Stack traces name the script `threadlab.cjs`, wherever it lies: with a cache V8
 * keeps the name the cache was made under, which would be the build's folder.
 */
export function loadBundle(dir: string, cachedData?: Buffer): Loaded {
	const filename = join(dir, BUNDLE);
	const script = new Script(readFileSync(filename, 'utf8'), {filename: BUNDLE, cachedData});
	const module = {exports: {} as {run(): Promise<void>}};
	const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
	wrapper(module.exports, createRequire(filename), module, filename, dir, {url: pathToFileURL(filename).href});
	return {script, run: module.exports.run};
}
