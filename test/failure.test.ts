/**
 * A thread that fails, on real worker threads, through the built binary (dist/cli.js;
 * `npm test` builds it). THREADLAB_FAIL=thread_1 makes thread_1 throw halfway through
 * its job; THREADLAB_FAIL=thread_1:exit makes its worker exit instead. The other threads
 * carry on, the main thread's join does not hang, the summary says so, and the exit
 * code is 1.
 */
import {existsSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import {type NodeResult, cli, runNode} from './helpers/run-node.js';

/** Run threadlab with stdout piped (no TTY: plain lines); killed after 15 s, so a hung join fails the test. */
const threadlab = async (args: readonly string[], fail: string) =>
	runNode([cli, ...args], {env: {THREADLAB_FAIL: fail}, timeoutMs: 15_000});

const lines = (text: string) => text.split('\n').slice(0, -1);

interface ThreadJson {
	name: string;
	sleepSeconds: number;
	startMs: number | null;
	wakeMs: number | null;
	state: string;
	error?: string;
}
interface RaceRunJson {
	mode: string;
	threads: number;
	increments: number;
	expected: number;
	actual: number;
	lost: number;
	failed?: number;
}

beforeAll(() => {
	if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('THREADLAB_FAIL, piped', () => {
	/** What `sleepers -t 3 -s 0.3` prints when thread_1 throws halfway through its sleep. */
	const expectSleepersWithThread1Thrown = ({code, signal, stdout, stderr}: NodeResult) => {
		expect(signal).toBeNull();
		expect(stderr).toBe('');
		expect(stdout).not.toContain('\x1b');
		const out = lines(stdout);
		// Three sleep lines, one failure, two wakes, the summary.
		expect(out).toHaveLength(7);
		for (let i = 0; i < 3; i++) expect(out).toContain(`I am thread_${i}. Going to sleep for 0.3 seconds`);
		expect(out.filter((line) => line.startsWith('thread_1 failed'))).toEqual(['thread_1 failed: injected failure']);
		const failed = out.indexOf('thread_1 failed: injected failure');
		expect(failed).toBeGreaterThan(out.indexOf('I am thread_1. Going to sleep for 0.3 seconds'));
		for (const other of [0, 2]) {
			const wake = out.indexOf(`thread_${other} has woken up from sleep`);
			expect(wake).toBeGreaterThan(out.indexOf(`I am thread_${other}. Going to sleep for 0.3 seconds`));
			// thread_1 fails halfway (0.15 s), the others wake at 0.3 s.
			expect(wake).toBeGreaterThan(failed);
		}
		expect(stdout).not.toContain('thread_1 has woken up');
		expect(out[6]).toMatch(/^1 thread failed · elapsed 0\.[3-9]\d s · sequential would take 0\.90 s · \d+\.\d\d× faster$/);
		expect(code).toBe(1);
	};

	it('sleepers -t 3 -s 0.3, thread_1 throws: its failure line, the others wake, "1 thread failed", exit 1', async () => {
		expectSleepersWithThread1Thrown(await threadlab(['sleepers', '-t', '3', '-s', '0.3'], 'thread_1'));
	}, 20_000);

	it('thread_1:exit: the worker is gone, the failure line says how, the others wake, exit 1', async () => {
		const {code, stdout, stderr} = await threadlab(['sleepers', '-t', '3', '-s', '0.3'], 'thread_1:exit');
		expect(stderr).toBe('');
		const out = lines(stdout);
		expect(out.filter((line) => line.startsWith('thread_1 failed: '))).toEqual([
			expect.stringMatching(/^thread_1 failed: worker exited with code \d+$/),
		]);
		expect(out).toContain('thread_0 has woken up from sleep');
		expect(out).toContain('thread_2 has woken up from sleep');
		expect(out.at(-1)).toMatch(/^1 thread failed · /);
		expect(code).toBe(1);
	}, 20_000);

	// A printed line is there for good: each failure line must carry the worker's own
	// message, not only when the message happens to arrive before the line is printed.
	// Three runs at once: nine failure lines, every one exact.
	it('race -i 300, thread_1 throws (3 runs at once): every mode still finishes, with "thread_1 failed: injected failure" and "1 failed"', async () => {
		const runs = await Promise.all(Array.from({length: 3}, async () => threadlab(['race', '-i', '300'], 'thread_1')));
		for (const {code, stdout, stderr} of runs) {
			expect(stderr).toBe('');
			const out = lines(stdout);
			const modes = out.filter((line) => /^(unsafe|mutex|atomic) +· /.test(line));
			expect(modes.map((line) => line.split(' ')[0])).toEqual(['unsafe', 'mutex', 'atomic']);
			for (const line of modes) {
				expect(line).toMatch(/· expected 1200 · /);
				expect(line).toMatch(/ · 1 failed$/);
			}
			// thread_1 did half its increments (150): the locked modes count exactly the rest.
			expect(modes[1]).toMatch(/· actual 1050 · lost 0 /);
			expect(modes[2]).toMatch(/· actual 1050 · lost 0 /);
			// One failure line per mode, before that mode's line, and nothing else.
			expect(out).toHaveLength(6);
			expect(out.filter((line) => !modes.includes(line))).toEqual(Array.from({length: 3}, () => 'thread_1 failed: injected failure'));
			const failures = out.flatMap((line, index) => (line.startsWith('thread_1 failed: ') ? [index] : []));
			expect(failures).toEqual([0, 2, 4]);
			expect(code).toBe(1);
		}
	}, 20_000);
});

describe('THREADLAB_FAIL with --json', () => {
	it('sleepers, thread_1:exit: exit 1, thread_1 failed with an error, the others done', async () => {
		const {code, stdout, stderr} = await threadlab(['sleepers', '-t', '3', '-s', '0.3', '--json'], 'thread_1:exit');
		expect(stderr).toBe('');
		expect(lines(stdout)).toHaveLength(1);
		const result = JSON.parse(stdout) as {scene: string; threads: ThreadJson[]; elapsedMs: number};
		expect(result.scene).toBe('sleepers');
		expect(result.threads.map((t) => t.name)).toEqual(['thread_0', 'thread_1', 'thread_2']);
		const [first, failed, last] = result.threads;
		expect(failed).toMatchObject({state: 'failed', wakeMs: null, error: expect.stringMatching(/\S/)});
		expect(failed!.error).toMatch(/exit/);
		for (const done of [first!, last!]) {
			expect(done.state).toBe('done');
			expect(done).not.toHaveProperty('error');
			expect(done.wakeMs! - done.startMs!).toBeGreaterThanOrEqual(299);
		}
		// The join did not hang: the scene ended about one sleep after it began.
		expect(result.elapsedMs).toBeLessThan(1000);
		expect(code).toBe(1);
	}, 20_000);

	it('sleepers, thread_1 throws: its error is the thrown message', async () => {
		const {code, stdout} = await threadlab(['sleepers', '-t', '3', '-s', '0.3', '--json'], 'thread_1');
		const result = JSON.parse(stdout) as {threads: ThreadJson[]};
		expect(result.threads.map((t) => [t.name, t.state, t.error])).toEqual([
			['thread_0', 'done', undefined],
			['thread_1', 'failed', 'injected failure'],
			['thread_2', 'done', undefined],
		]);
		expect(code).toBe(1);
	}, 20_000);

	it.each(['thread_1', 'thread_1:exit'])(
		'race -i 300, %s: all three modes reported, each with one failed thread',
		async (fail) => {
			const {code, stdout, stderr} = await threadlab(['race', '-i', '300', '--json'], fail);
			expect(stderr).toBe('');
			const result = JSON.parse(stdout) as {scene: string; runs: RaceRunJson[]};
			expect(result.scene).toBe('race');
			expect(result.runs.map((run) => run.mode)).toEqual(['unsafe', 'mutex', 'atomic']);
			for (const run of result.runs) expect(run).toMatchObject({threads: 4, increments: 300, expected: 1200, failed: 1});
			for (const run of result.runs.slice(1)) expect(run).toMatchObject({actual: 1050, lost: 0});
			expect(code).toBe(1);
		},
		20_000,
	);
});
