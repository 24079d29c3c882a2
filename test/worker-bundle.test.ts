/**
 * The worker threads' bundle (dist/worker.cjs, built by `npm test`): every thread of a run loads it,
 * so what is in it is paid once per thread (issue 19, goal 3: ≤ 0.3 MB per thread above an empty
 * worker). It holds the engine and nothing of the screen, and it is CommonJS: a worker that loads an
 * ES module starts Node's ESM loader, which cost ~0.3 MB per thread here.
 */
import {readFileSync, statSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {workerUrl} from '../source/engine/pool.js';
import {root} from './helpers/run-node.js';

const file = `${root}dist/worker.cjs`;

describe('dist/worker.cjs', () => {
	it('is what the pool starts', () => {
		expect(workerUrl().pathname).toBe(file);
	});

	it('is small CommonJS with no React, Ink, Yoga or other package in it', () => {
		const text = readFileSync(file, 'utf8');
		expect(statSync(file).size).toBeLessThan(32 * 1024);
		expect(text).not.toMatch(/^\s*(import|export)\s/m);
		for (const word of ['react', 'ink', 'yoga', 'node_modules', 'chalk', 'meow']) expect(text.toLowerCase()).not.toContain(word);
		// Only Node's own modules are required.
		const required = [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
		expect(required.length).toBeGreaterThan(0);
		for (const name of required) expect(name).toMatch(/^node:/);
	});
});
