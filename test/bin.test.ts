/**
 * dist/cli.js (source/cli/bin.ts) runs the CLI bundle with the V8 code cache of this user and
 * this Node (source/cli/code-cache.ts): the first run writes it into the user's cache folder,
 * later runs read it. A cache that is missing, damaged or not safely the user's own must
 * change nothing but the speed. dist/ itself holds no cache and is readable by every user.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {PLAIN_ENV, root} from './helpers/run-node.js';

const dist = `${root}dist`;

const scratch = mkdtempSync(`${tmpdir()}/threadlab-bin-`);
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

/** Whether V8 takes the cache in `file` for the bundle in dist/ (in a plain node, as dist/cli.js runs). */
function cacheAccepted(file: string): {rejected: boolean} {
	const script = `import(${JSON.stringify(pathToFileURL(join(dist, 'load-bundle.js')).href)}).then(({loadBundle}) => {
		const {script} = loadBundle(${JSON.stringify(dist)}, require('node:fs').readFileSync(${JSON.stringify(file)}));
		process.stdout.write(JSON.stringify({rejected: script.cachedDataRejected}));
	})`;
	return JSON.parse(execFileSync(process.execPath, ['-e', script], {env: PLAIN_ENV, encoding: 'utf8'})) as {rejected: boolean};
}

/** The piped output of a short sleepers run, minus the timings, with `env` added. */
function sleepers(env: Record<string, string> = {}): {status: number | null; stderr: string; lines: string[]} {
	const result = spawnSync(process.execPath, [`${dist}/cli.js`, 'sleepers', '-t', '3', '-s', '0.05'], {
		env: {...PLAIN_ENV, ...env},
		encoding: 'utf8',
	});
	const lines = result.stdout
		.trim()
		.split('\n')
		.map((line) => line.replace(/\d+(\.\d+)?/g, 'N'))
		.sort();
	return {status: result.status, stderr: result.stderr, lines};
}

/** A fresh XDG_CACHE_HOME and the folder threadlab keeps its cache in there. */
function cacheHome(name: string): {env: Record<string, string>; folder: string} {
	const home = join(scratch, name);
	mkdirSync(home);
	return {env: {XDG_CACHE_HOME: home}, folder: join(home, 'threadlab', 'code-cache')};
}
const cacheFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);

describe('the code cache, per user and per Node', () => {
	it('the first run writes it (folder 0700, file 0600, named after this Node); V8 accepts it; the next run only reads it', () => {
		const {env, folder} = cacheHome('first');
		const first = sleepers(env);
		expect(first.status).toBe(0);
		const [name, ...others] = cacheFiles(folder);
		expect(others).toEqual([]);
		expect(name).toMatch(new RegExp(`^node-${process.version.replaceAll('.', '\\.')}-${process.arch}-v8-.+-lines\\.bin$`));
		const file = join(folder, name!);
		expect(statSync(folder).mode & 0o777).toBe(0o700);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(statSync(file).size).toBeGreaterThan(100_000);
		expect(cacheAccepted(file)).toEqual({rejected: false});
		expect(readFileSync(file).includes(root.replace(/[\\/]$/, ''))).toBe(false);
		const written = statSync(file).mtimeMs;
		expect(sleepers(env)).toEqual(first);
		expect(statSync(file).mtimeMs).toBe(written);
	});

	it('a damaged cache is rejected by V8 and replaced; the output is the same with any cache or none', () => {
		const {env, folder} = cacheHome('damaged');
		const cached = sleepers(env);
		const file = join(folder, cacheFiles(folder)[0]!);
		writeFileSync(file, Buffer.alloc(4096, 7));
		const damaged = sleepers(env);
		expect(cacheAccepted(file)).toEqual({rejected: false});
		const none = sleepers({THREADLAB_NO_CACHE: '1'});
		expect(cached.lines).toContain('I am thread_N. Going to sleep for N seconds');
		expect(cached.lines).toHaveLength(7);
		for (const run of [damaged, none]) expect(run).toEqual(cached);
	});

	it('a folder others can write in is neither read nor written; a cache file others can write is not read', () => {
		const open = cacheHome('open');
		mkdirSync(open.folder, {recursive: true});
		chmodSync(open.folder, 0o777);
		expect(sleepers(open.env).status).toBe(0);
		expect(cacheFiles(open.folder)).toEqual([]);
		// A planted file in the user's own folder, but writable by all: threadlab writes its own over it.
		const planted = cacheHome('planted');
		sleepers(planted.env);
		const file = join(planted.folder, cacheFiles(planted.folder)[0]!);
		writeFileSync(file, Buffer.alloc(4096, 7));
		chmodSync(file, 0o666);
		expect(sleepers(planted.env).status).toBe(0);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(cacheAccepted(file)).toEqual({rejected: false});
	});

	it('a cache folder that cannot be made changes nothing: no message, the same output', () => {
		const run = sleepers({XDG_CACHE_HOME: '/proc/threadlab-cannot-write'});
		expect(run.stderr).toBe('');
		expect(run).toEqual(sleepers({THREADLAB_NO_CACHE: '1'}));
	});

	it('dist/ ships no cache: it would fit only the Node that built it', () => {
		expect(readdirSync(dist).filter((name) => name.includes('cache'))).toEqual([]);
	});
});

describe('dist/ for every user on the machine', () => {
	it("has the mode mkdir would give it (0755 under umask 022), not mkdtemp's 0700", () => {
		expect(statSync(dist).mode & 0o777).toBe(0o777 & ~process.umask());
		for (const file of ['cli.cjs', 'cli.js', 'threadlab.cjs', 'worker.cjs', 'index.js', 'types/index.d.ts'])
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
