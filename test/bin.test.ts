/**
 * dist/cli.js (source/cli/bin.ts) runs the CLI bundle with the V8 code cache the build wrote.
 * The cache must fit the Node that built it, and a cache that does not fit (another Node,
 * or a damaged file) must change nothing but the speed.
 * dist/ itself must be readable by every user, as `mkdir` would make it.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {PLAIN_ENV, root} from './helpers/run-node.js';

const dist = `${root}dist`;

const scratch = mkdtempSync(`${tmpdir()}/threadlab-bin-`);
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

/** Whether V8 takes the code cache in `dir` (in a plain node: V8 takes a cache only from a process with the same flags). */
function cacheAccepted(dir: string): {rejected: boolean} {
	const script = `import(${JSON.stringify(pathToFileURL(join(dir, 'load-bundle.js')).href)}).then(({loadBundle, CODE_CACHE}) => {
		const dir = ${JSON.stringify(dir)};
		const {script} = loadBundle(dir, require('node:fs').readFileSync(require('node:path').join(dir, CODE_CACHE)));
		process.stdout.write(JSON.stringify({rejected: script.cachedDataRejected}));
	})`;
	return JSON.parse(execFileSync(process.execPath, ['-e', script], {env: PLAIN_ENV, encoding: 'utf8'})) as {rejected: boolean};
}

/** The piped output of a short sleepers run from the CLI in `dir`, minus the timings. */
function sleepers(dir: string, extra: Record<string, string> = {}): {status: number | null; lines: string[]} {
	const result = spawnSync(process.execPath, [`${dir}/cli.js`, 'sleepers', '-t', '3', '-s', '0.05'], {
		env: {...PLAIN_ENV, ...extra},
		encoding: 'utf8',
	});
	const lines = result.stdout
		.trim()
		.split('\n')
		.map((line) => line.replace(/\d+(\.\d+)?/g, 'N'))
		.sort();
	return {status: result.status, lines};
}

describe('dist/cli.js and its code cache', () => {
	it('the cache the build wrote is accepted by this Node: V8 compiles nothing it already has', () => {
		expect(cacheAccepted(dist)).toEqual({rejected: false});
		expect(readFileSync(join(dist, 'threadlab.code-cache')).length).toBeGreaterThan(100_000);
	});

	it('the cache does not depend on where dist/ lies, and does not carry the build folder', () => {
		const moved = join(scratch, 'moved');
		mkdirSync(moved);
		for (const file of ['load-bundle.js', 'threadlab.cjs', 'threadlab.code-cache']) copyFileSync(join(dist, file), join(moved, file));
		expect(cacheAccepted(moved)).toEqual({rejected: false});
		expect(readFileSync(join(dist, 'threadlab.code-cache')).includes(root.replace(/[\\/]$/, ''))).toBe(false);
	});

	it('without the cache, with a damaged one or none at all, the CLI does the same', () => {
		for (const file of ['cli.js', 'load-bundle.js', 'threadlab.cjs', 'worker.js']) copyFileSync(`${dist}/${file}`, `${scratch}/${file}`);
		const missing = sleepers(scratch);
		writeFileSync(`${scratch}/threadlab.code-cache`, Buffer.alloc(4096, 7));
		const damaged = sleepers(scratch);
		const skipped = sleepers(dist, {THREADLAB_NO_CACHE: '1'});
		const cached = sleepers(dist);
		expect(cached.status).toBe(0);
		expect(cached.lines).toContain('I am thread_N. Going to sleep for N seconds');
		expect(cached.lines).toHaveLength(7);
		for (const run of [missing, damaged, skipped]) expect(run).toEqual(cached);
	});
});

describe('dist/ for every user on the machine', () => {
	it("has the mode mkdir would give it (0755 under umask 022), not mkdtemp's 0700", () => {
		expect(statSync(dist).mode & 0o777).toBe(0o777 & ~process.umask());
		for (const file of ['cli.js', 'threadlab.cjs', 'worker.js', 'index.js', 'types/index.d.ts'])
			expect(statSync(join(dist, file)).mode & 0o004).toBe(0o004);
	});

	// As root (CI, this machine) the check is real: `nobody` runs dist/ with the modes the build
	// gave it (cp -a keeps them), copied where every user can reach it: the clone may lie in a
	// private folder. The CLI is self-contained, so dist/ alone runs.
	it.runIf(process.getuid?.() === 0 && existsSync('/usr/sbin/runuser'))('another user (nobody) runs dist/cli.js', () => {
		const shared = mkdtempSync(`${tmpdir()}/threadlab-shared-`);
		try {
			chmodSync(shared, 0o755);
			execFileSync('cp', ['-a', dist, shared]);
			const result = spawnSync(
				'/usr/sbin/runuser',
				['-u', 'nobody', '--', process.execPath, `${shared}/dist/cli.js`, 'hello', '-s', '0.05'],
				{env: PLAIN_ENV, encoding: 'utf8'},
			);
			expect(result.stderr).toBe('');
			expect(result.stdout).toMatch(/^(hello\n|I am thread2.*\n){2}thread2 has woken up from sleep\n/);
			expect(result.status).toBe(0);
		} finally {
			rmSync(shared, {recursive: true, force: true});
		}
	});
});
