// Builds dist/ with esbuild: one bundle for the CLI (start-up: one file to parse,
// no module resolution), one tiny bundle for the worker threads, one for the library.
// Everything is built into a fresh folder and swapped in at the end, so a test run
// that overlaps a build never finds dist/ half-written.
import {build} from 'esbuild';
import {execFile} from 'node:child_process';
import {chmod, mkdir, mkdtemp, rename, rm, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = async (command, args) => promisify(execFile)(command, args, {cwd: root});
const out = await mkdtemp(`${root}/.dist-`);
const stub = `${out}/devtools-stub.js`;
// Ink imports react-devtools-core only when DEV is set; keep it out of the bundle.
await writeFile(stub, 'export default {};\n');

const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	logLevel: 'warning',
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {'react-devtools-core': stub},
	// CommonJS dependencies (react) call require() for node builtins.
	banner: {js: "import {createRequire as __threadlabRequire} from 'node:module';\nconst require = __threadlabRequire(import.meta.url);"},
};

try {
	await Promise.all([
		// The CLI: everything in one file (plus the lazily loaded Ink UI), for start-up.
		// Without fetch, yoga-layout's loader reads its data: URL without loading undici (~20 ms).
		build({...common, entryPoints: {cli: 'source/cli.tsx'}, outdir: out, splitting: true, chunkNames: 'chunks/[name]-[hash]', minify: true, define: {...common.define, fetch: 'undefined'}}),
		// The library: its dependencies stay imports, so users' React and Ink are the same objects.
		build({...common, entryPoints: {index: 'source/index.ts'}, outdir: out, packages: 'external', banner: {}}),
		build({...common, entryPoints: {worker: 'source/engine/worker.ts'}, outdir: out, banner: {}, minify: true}),
		// Type declarations for the library (~4 s): `npm start` skips them with --no-types.
		process.argv.includes('--no-types') ? undefined : run('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json', '--outDir', `${out}/types`]),
	]);
	await rm(stub);
	await chmod(`${out}/cli.js`, 0o755);
	const old = `${out}.old`;
	await rename(`${root}/dist`, old).catch(() => undefined);
	await rename(out, `${root}/dist`);
	await rm(old, {recursive: true, force: true});
} catch (error) {
	await rm(out, {recursive: true, force: true});
	throw error;
}
