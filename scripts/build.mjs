// Builds dist/ with esbuild: one bundle for the CLI (start-up: one file to parse,
// no module resolution), one tiny bundle for the worker threads, one for the library.
import {build} from 'esbuild';
import {execFile} from 'node:child_process';
import {chmod, mkdir, rm, writeFile} from 'node:fs/promises';
import {promisify} from 'node:util';

const run = async (command, args) => promisify(execFile)(command, args, {cwd: new URL('..', import.meta.url)});

const dist = new URL('../dist/', import.meta.url);
await rm(dist, {recursive: true, force: true});
await mkdir(dist, {recursive: true});
// Ink imports react-devtools-core only when DEV is set; keep it out of the bundle.
await writeFile(new URL('devtools-stub.js', dist), 'export default {};\n');

const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	logLevel: 'warning',
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {'react-devtools-core': './dist/devtools-stub.js'},
	// CommonJS dependencies (react) call require() for node builtins.
	banner: {js: "import {createRequire as __threadlabRequire} from 'node:module';\nconst require = __threadlabRequire(import.meta.url);"},
};

await Promise.all([
	// The CLI: everything in one file (plus the lazily loaded Ink UI), for start-up.
	build({...common, entryPoints: {cli: 'source/cli.tsx'}, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]'}),
	// The library: its dependencies stay imports, so users' React and Ink are the same objects.
	build({...common, entryPoints: {index: 'source/index.ts'}, outdir: 'dist', packages: 'external', banner: {}}),
	build({...common, entryPoints: {worker: 'source/engine/worker.ts'}, outdir: 'dist', banner: {}, minify: true}),
	// Type declarations for the library.
	run('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json']),
]);
await rm(new URL('devtools-stub.js', dist));
await chmod(new URL('cli.js', dist), 0o755);
