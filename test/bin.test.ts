/**
 * dist/cli.js (source/bin.ts) runs the CLI bundle with the V8 code cache the build wrote.
 * The cache must fit the Node that built it, and a cache that does not fit (another Node,
 * or a damaged file) must change nothing but the speed.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const env = {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? root};
const scratch = mkdtempSync(`${tmpdir()}/threadlab-bin-`);
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

/** The piped output of a short sleepers run from the CLI in `dir`, minus the timings. */
function sleepers(dir: string, extra: Record<string, string> = {}): {status: number | null; lines: string[]} {
	const result = spawnSync(process.execPath, [`${dir}/cli.js`, 'sleepers', '-t', '3', '-s', '0.05'], {env: {...env, ...extra}, encoding: 'utf8'});
	const lines = result.stdout.trim().split('\n').map((line) => line.replace(/\d+(\.\d+)?/g, 'N')).sort();
	return {status: result.status, lines};
}

describe('dist/cli.js and its code cache', () => {
	it('the cache the build wrote is accepted by this Node: V8 compiles nothing it already has', () => {
		// A plain node: V8 takes a cache only from a process with the same flags.
		const script = `import('${dist}/load-bundle.js').then(({loadBundle, CODE_CACHE}) => {
			const {script} = loadBundle('${dist}', require('node:fs').readFileSync('${dist}/' + CODE_CACHE));
			process.stdout.write(JSON.stringify({rejected: script.cachedDataRejected}));
		})`;
		const out = execFileSync(process.execPath, ['-e', script], {env, encoding: 'utf8'});
		expect(JSON.parse(out)).toEqual({rejected: false});
		expect(readFileSync(`${dist}/threadlab.code-cache`).length).toBeGreaterThan(100_000);
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
