/**
 * The package as a user gets it: packed from a copy of the project whose dist/ has no types
 * (as `npm start` leaves it), so `prepack` must build them; installed into a new consumer
 * with --ignore-scripts (the npm cache of `npm ci` first: --prefer-offline); type-checked
 * there with skipLibCheck off by TypeScript 7 and 5.9; run with npx; and snapshot-tested
 * with the consumer's own vitest, as the README tells users to.
 */
import {execFile} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {PLAIN_ENV, root} from './helpers/run-node.js';

const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {version: string; devDependencies: Record<string, string>};
const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8')) as {packages: Record<string, {version: string}>};
const locked = (name: string) => lock.packages[`node_modules/${name}`]!.version;

/** npm's own settings pass through (cache, registry, CA); npm test's prefix and package variables do not. */
const npmEnv: Record<string, string> = {...PLAIN_ENV};
for (const key of ['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_cafile', 'npm_config_registry']) {
	if (process.env[key]) npmEnv[key] = process.env[key];
}

interface Result {
	code: number;
	stdout: string;
	stderr: string;
}
const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
	new Promise<Result>((resolve) => {
		execFile(command, args, {cwd, env: {...npmEnv, ...env}, maxBuffer: 64 << 20, timeout: 240_000}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr});
		});
	});

/** npm's --json output, after whatever the lifecycle scripts printed before it. */
const npmJson = (stdout: string) =>
	JSON.parse(stdout.slice(stdout.indexOf('[\n'))) as Array<{filename: string; files: Array<{path: string}>}>;

const scratch = mkdtempSync(`${tmpdir()}/threadlab-package-`);
const project = `${scratch}/project`;
const consumer = `${scratch}/consumer`;
// The consumer holds two TypeScripts and vitest: removing it can take a while on a busy machine.
afterAll(() => rm(scratch, {recursive: true, force: true}), 120_000);
let dryRun: string[] = [];
/** Why the consumer could not be installed, when the registry was out of reach. */
let offline = '';

beforeAll(async () => {
	for (const entry of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'LICENSE', 'README.md', 'scripts', 'source', 'schema']) {
		cpSync(`${root}${entry}`, `${project}/${entry}`, {recursive: true});
	}
	cpSync(`${root}dist`, `${project}/dist`, {recursive: true, filter: (path) => !path.includes('/dist/types')});
	symlinkSync(`${root}node_modules`, `${project}/node_modules`);

	const dry = await run('npm', ['pack', '--dry-run', '--json'], project);
	expect(dry.stderr).not.toMatch(/npm error/);
	dryRun = npmJson(dry.stdout)[0]!.files.map((file) => file.path);
	const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], project);
	const tarball = `${scratch}/${npmJson(packed.stdout)[0]!.filename}`;

	mkdirSync(consumer);
	writeFileSync(`${consumer}/package.json`, JSON.stringify({name: 'consumer', private: true, type: 'module'}));
	const specs = [tarball, `typescript@${locked('typescript')}`, 'typescript5@npm:typescript@5.9.3', `vitest@${locked('vitest')}`];
	// No retries: a registry out of reach says so in seconds, not after npm's minutes of backoff.
	const retries = ['--fetch-retries=0', '--fetch-timeout=60000'];
	const install = await run(
		'npm',
		['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', ...retries, ...specs],
		consumer,
	);
	const network = /npm error code (ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)/.exec(install.stderr);
	if (network) {
		offline = `the registry is out of reach (${network[1]}): the consumer could not be installed`;
		console.warn(`package test: ${offline}; its 4 consumer tests are skipped`);
	} else expect(install, 'npm install in the consumer').toMatchObject({code: 0, stderr: expect.not.stringMatching(/npm error/)});
}, 300_000);

describe('npm pack', () => {
	it('prepack builds the types: the list has dist/types/index.d.ts, LICENSE, the schema; no sources', () => {
		for (const file of [
			'dist/types/index.d.ts',
			'dist/cli.cjs',
			'dist/cli.js',
			'dist/index.js',
			'dist/worker.cjs',
			'LICENSE',
			'README.md',
			'schema/threadlab.schema.json',
			'package.json',
		]) {
			expect(dryRun).toContain(file);
		}
		expect(dryRun.filter((file) => /^(source|test|scripts|bench)\//.test(file))).toEqual([]);
	});
});

describe('a consumer that installed the tarball', () => {
	const needsInstall = (name: string, body: () => Promise<void>) =>
		it(name, async ({skip}) => {
			if (offline) skip(offline);
			await body();
		}, 120_000);

	needsInstall('gets @types/react and @types/node, the peers the public types need', async () => {
		for (const name of ['@types/react', '@types/node'])
			expect(JSON.parse(readFileSync(`${consumer}/node_modules/${name}/package.json`, 'utf8'))).toHaveProperty('version');
	});

	needsInstall('type-checks renderFrame and show with skipLibCheck: false, TypeScript 7 and 5.9', async () => {
		writeFileSync(`${consumer}/main.ts`, MAIN);
		writeFileSync(
			`${consumer}/tsconfig.json`,
			JSON.stringify({
				compilerOptions: {target: 'ES2023', module: 'NodeNext', strict: true, skipLibCheck: false, noEmit: true},
				files: ['main.ts'],
			}),
		);
		for (const tsc of ['typescript/bin/tsc', 'typescript5/bin/tsc']) {
			const checked = await run(process.execPath, [`node_modules/${tsc}`, '-p', '.'], consumer);
			expect(checked.stdout + checked.stderr).toBe('');
			expect(checked.code).toBe(0);
		}
		// The check can fail: a wrong option type is an error.
		writeFileSync(`${consumer}/main.ts`, `${MAIN}renderFrame({scene: 'race', seed: 1, time: '0.8'});\n`);
		expect((await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], consumer)).stdout).toContain('main.ts(11,');
	});

	needsInstall('npx threadlab --version, and npx threadlab hello -s 0.1 | cat', async () => {
		expect(await run('npx', ['threadlab', '--version'], consumer)).toEqual({code: 0, stdout: `${pkg.version}\n`, stderr: ''});
		const hello = await run('sh', ['-c', 'npx threadlab hello -s 0.1 | cat'], consumer);
		expect(hello.stderr).toBe('');
		const lines = hello.stdout.trimEnd().split('\n');
		expect(lines.slice(0, 2).sort()).toEqual(['I am thread2. Going to sleep for 0.1 seconds', 'hello']);
		expect(lines.slice(2)).toEqual([
			'thread2 has woken up from sleep',
			expect.stringMatching(/^elapsed 0\.1\d s · hello at 0\.\d\d s, before thread2 woke at 0\.1\d s$/),
		]);
	});

	needsInstall('snapshots renderFrame with its own vitest (CI mode: the committed snapshot must match)', async () => {
		mkdirSync(`${consumer}/__snapshots__`, {recursive: true});
		const snap = readFileSync(`${root}test/fixtures/consumer-frame.test.ts.snap`, 'utf8');
		writeFileSync(`${consumer}/__snapshots__/frame.test.ts.snap`, snap);
		writeFileSync(`${consumer}/frame.test.ts`, FRAME_TEST);
		const tested = await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'frame.test.ts'], consumer, {
			CI: 'true',
			NO_COLOR: '1',
		});
		expect(tested.stdout).toMatch(/Tests +1 passed \(1\)/);
		expect(tested.code).toBe(0);
		expect(readFileSync(`${consumer}/__snapshots__/frame.test.ts.snap`, 'utf8')).toBe(snap);
	});
});

const MAIN = `import {type Scene, type ShowOptions, renderFrame, show, sleeper} from 'threadlab';

const start: Scene = {
	name: 'start', title: 'start one thread', lesson: 'start() returns at once.', code: ['thread.start()'], manyThreads: false,
	program: ({sleep}) => ({scene: 'start', threads: [sleeper('thread1', sleep)], *main(lab) { lab.thread(0).start(); }}),
};
const request: ShowOptions = {scene: start, sleep: 0.1};
const frame: string = renderFrame({scene: 'race', seed: 1, time: 0.8, width: 80});
const exit: Promise<number> = show(request);
console.log(frame, exit);
`;

const FRAME_TEST = `import {expect, it} from 'vitest';
import {renderFrame} from 'threadlab';

it('the race at 0.8 s of virtual time', () => {
	expect(renderFrame({scene: 'race', seed: 1, time: 0.8})).toMatchSnapshot();
});
`;
