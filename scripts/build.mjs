// Builds dist/ with esbuild: the CLI as one script that dist/cli.cjs loads with a per-user V8 code cache (start-up:
// one file, no module resolution, little to compile; see source/cli/bin.ts, scripts/bundle-plugins.mjs
// and scripts/start-plugins.mjs), one tiny bundle for the worker threads, one for the library.
// Everything is built into a fresh folder and swapped in at the end, so a test run
// that overlaps a build never finds dist/ half-written.
import {build} from 'esbuild';
import {execFile} from 'node:child_process';
import {chmod, mkdtemp, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {cursorToTerminal, fastStyledChars, inkOutputReuse, inkWithoutDevtools, textWidth, yogaInScript} from './bundle-plugins.mjs';
import {esmFacades, inkLazyStackUtils, lazyAssert, lazyChildProcess, lazyIcu, lazyMeow, yogaWasm} from './start-plugins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = async (command, args) => promisify(execFile)(command, args, {cwd: root});
const out = await mkdtemp(`${root}/.dist-`);
const BUNDLE = 'threadlab.cjs';
const stub = `${out}/devtools-stub.js`;
// Ink imports react-devtools-core only when DEV is set; keep it out of the bundle.
await writeFile(stub, 'export default {};\n');

const pkg = JSON.parse(await readFile(`${root}/package.json`, 'utf8'));

const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	logLevel: 'warning',
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {'react-devtools-core': stub},
};
/** THREADLAB_NO_MINIFY=1: the same bundles with their names kept, for CPU profiles (bench/profile.mjs). */
const names = process.env.THREADLAB_NO_MINIFY === '1';
const minify = names ? {minifyWhitespace: true, minifySyntax: true} : {minify: true};
/** A CommonJS file of dist/ (`<name>.cjs`) for each entry point. */
const commonjs = (entryPoints) => build({...common, entryPoints, outExtension: {'.js': '.cjs'}, outdir: out, format: 'cjs', ...minify});

try {
	await Promise.all([
		// The CLI: one script, loaded by dist/cli.js with the user's V8 code cache (cli/code-cache.ts).
		// Without fetch, yoga-layout's loader reads its data: URL without loading undici (~20 ms).
		build({
			...common,
			entryPoints: ['threadlab-entry'],
			outfile: `${out}/${BUNDLE}`,
			format: 'cjs',
			...minify,
			plugins: [
				cursorToTerminal,
				lazyMeow,
				inkWithoutDevtools,
				inkLazyStackUtils,
				inkOutputReuse,
				lazyIcu,
				lazyAssert,
				lazyChildProcess(root),
				fastStyledChars(root),
				textWidth(root),
				esmFacades(root),
				yogaWasm,
				yogaInScript(root),
			],
			banner: {js: '(function (exports, require, module, __filename, __dirname, __threadlabImportMeta) {"use strict";'},
			footer: {js: '})'},
			define: {
				...common.define,
				fetch: 'undefined',
				'import.meta': '__threadlabImportMeta',
				THREADLAB_PACKAGE: JSON.stringify({name: pkg.name, version: pkg.version, description: pkg.description}),
			},
		}),
		// The command (package.json's bin): CommonJS, so that Node 20 does not start its ESM loader
		// first (its own modules, fs/promises and readline among them: ~10 ms of CPU before the
		// first frame, measured on Node 20 and 24). dist/cli.js stays, for those who run it by path.
		commonjs({cli: 'source/cli/bin.ts'}),
		writeFile(
			`${out}/cli.js`,
			"#!/usr/bin/env node\n// The CLI by path (dist/cli.js); the package's command is dist/cli.cjs.\nimport './cli.cjs';\n",
		),
		build({...common, entryPoints: {'load-bundle': 'source/cli/load-bundle.ts'}, outdir: out, ...minify}),
		// The library: its dependencies stay imports, so users' React and Ink are the same objects.
		build({...common, entryPoints: {index: 'source/index.ts'}, outdir: out, packages: 'external'}),
		// The worker: CommonJS, so a worker thread never starts Node's ESM loader (measured ~0.3 MB of
		// RSS per thread on Node 20 and 24, beside an empty worker's 5–9 MB), and nothing but the engine in it.
		commonjs({worker: 'source/engine/worker.ts'}),
		// Type declarations for the library (~4 s): `npm start` skips them with --no-types.
		process.argv.includes('--no-types')
			? undefined
			: run('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json', '--outDir', `${out}/types`]),
	]);
	// One non-ASCII character (esbuild keeps those of a /regex/ literal) makes the whole bundle a
	// two-byte string for V8: slower to read and to load at every start. Write it as \u escapes.
	const bundle = await readFile(`${out}/${BUNDLE}`);
	const wide = bundle.findIndex((byte) => byte > 0x7f);
	if (wide !== -1)
		throw new Error(`${BUNDLE} is not ASCII: ${JSON.stringify(bundle.subarray(Math.max(0, wide - 40), wide + 20).toString())}`);
	await rm(stub);
	await chmod(`${out}/cli.cjs`, 0o755);
	await chmod(`${out}/cli.js`, 0o755);
	// mkdtemp makes the folder 0700: give dist/ the mode `mkdir` would (0755 under the usual
	// umask 022), so another user on the machine can run the build.
	await chmod(out, 0o777 & ~process.umask());
	// No code cache in dist/: V8 takes one only from the Node build that made it, so each user's
	// first run writes their own (source/cli/code-cache.ts).
	const old = `${out}.old`;
	await rename(`${root}/dist`, old).catch(() => undefined);
	await rename(out, `${root}/dist`);
	await rm(old, {recursive: true, force: true});
} catch (error) {
	await rm(out, {recursive: true, force: true});
	throw error;
}
