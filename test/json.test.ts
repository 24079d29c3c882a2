/**
 * Every scene's `--json` from the built CLI, on real threads and simulated, against the
 * published schema (schema/threadlab.schema.json, draft 2020-12, checked by Ajv in strict
 * mode, so the schema itself must be well-formed too); and what the shapes say: when hello
 * was printed, and the comparison the screen makes.
 */
import {readFileSync} from 'node:fs';
import {Ajv2020} from 'ajv/dist/2020.js';
import {describe, expect, it} from 'vitest';
import {cli, root, runNode} from './helpers/run-node.js';

const schema = JSON.parse(readFileSync(`${root}schema/threadlab.schema.json`, 'utf8')) as object;
const validate = new Ajv2020({strict: true, allErrors: true}).compile(schema);

/** The fields the tests read, of every shape (the schema is what holds each shape whole). */
interface Output {
	scene: string;
	threads: Array<{name: string; wakeMs: number | null}>;
	prints: Array<{text: string; atMs: number}>;
	elapsedMs: number;
	concurrentMs: number;
	speedup: number;
	comparison: {baseline: string; baselineMs: number; factor: number; direction: string} | null;
	summary: string;
	runs: Array<{
		mode: string;
		expected: number;
		actual: number;
		lost: number;
		failed?: number;
		collision?: {first: string; second: string; value: number};
	}>;
	sleepers: Output;
	slides: Array<Output & {slide: string}>;
	measured: string[];
}

async function threadlab(args: string[]): Promise<string> {
	const {code, stdout, stderr} = await runNode([cli, ...args], {timeoutMs: 20_000});
	expect(stderr).toBe('');
	expect(code).toBe(0);
	return stdout;
}

/** `threadlab ...args --json`: one line, one object, valid against the schema. */
async function json(args: string[]): Promise<Output> {
	const stdout = await threadlab([...args, '--json']);
	expect(stdout.endsWith('\n') && stdout.indexOf('\n') === stdout.length - 1).toBe(true);
	const object = JSON.parse(stdout) as Output;
	validate(object);
	expect(validate.errors ?? []).toEqual([]);
	return object;
}

const SMALL: Record<string, string[]> = {
	start: ['start', '-s', '0.1'],
	hello: ['hello', '-s', '0.1'],
	join: ['join', '-s', '0.1'],
	sleepers: ['sleepers', '-t', '3', '-s', '0.1'],
	sequential: ['sequential', '-t', '2', '-s', '0.1'],
	race: ['race', '-t', '2', '-i', '200'],
	dashboard: ['dashboard', '-t', '2', '-s', '0.1', '-i', '200'],
	gil: ['gil', '-t', '2', '--cpu', '50', '-s', '0.1'],
	tour: ['tour', '-t', '2', '-s', '0.1', '-i', '100', '--cpu', '50'],
};

describe('--json of every scene matches the schema', () => {
	it.each(Object.entries(SMALL))('%s, real threads and --seed 1', async (scene, args) => {
		for (const extra of [[], ['--seed', '1']]) expect((await json([...args, ...extra])).scene).toBe(scene);
	});

	it("with a failed thread (THREADLAB_FAIL): error, wakeMs null, the race's failed count", async () => {
		for (const args of [
			['sleepers', '-t', '3', '-s', '0.1'],
			['race', '-t', '3', '-i', '100'],
		]) {
			const {code, stdout} = await runNode([cli, ...args, '--json'], {timeoutMs: 20_000, env: {THREADLAB_FAIL: 'thread_1'}});
			expect(code).toBe(1);
			const object = JSON.parse(stdout) as Output;
			expect(validate(object) || validate.errors).toBe(true);
			if (object.runs) expect(object.runs.map((run) => run.failed)).toEqual([1, 1, 1]);
			else
				expect(object.threads[1]).toEqual({
					name: 'thread_1',
					sleepSeconds: 0.1,
					startMs: expect.any(Number),
					wakeMs: null,
					state: 'failed',
					error: 'injected failure',
				});
		}
	});

	it('the schema can fail: an unknown field, a missing one, a wrong type', async () => {
		const good = await json(SMALL['sequential']!.concat('--seed', '1'));
		const {comparison: _dropped, ...old} = good;
		for (const bad of [{...good, extra: 1}, old, {...good, speedup: '0.996'}, {scene: 'race', runs: []}]) expect(validate(bad)).toBe(false);
	});
});

describe('what the shapes say', () => {
	it('hello and join: when "hello" was printed, against the wake', async () => {
		const hello = await json(SMALL['hello']!);
		expect(hello.prints).toEqual([{text: 'hello', atMs: expect.any(Number)}]);
		expect(hello.prints[0]!.atMs).toBeLessThan(hello.threads[0]!.wakeMs!);
		const join = await json(SMALL['join']!);
		expect(join.prints).toEqual([{text: 'hello', atMs: expect.any(Number)}]);
		expect(join.prints[0]!.atMs).toBeGreaterThanOrEqual(join.threads[0]!.wakeMs!);
		expect(await json(['join', '-s', '0.5', '--seed', '1'])).toMatchObject({
			prints: [{text: 'hello', atMs: 500}],
			threads: [{wakeMs: 500}],
			comparison: null,
		});
		expect((await json(SMALL['sleepers']!)).prints).toEqual([]);
	});

	it('sequential: speedup ≈ 1 (against one after another), comparison = the screen\'s "× slower" (against all at once)', async () => {
		const real = await json(['sequential', '-t', '5', '-s', '0.1']);
		expect(real.speedup).toBeGreaterThan(0.9);
		expect(real.speedup).toBeLessThanOrEqual(1);
		expect(real.comparison).toMatchObject({baseline: 'concurrent', baselineMs: 100, direction: 'slower'});
		const factor = real.comparison!.factor;
		expect(factor).toBeCloseTo(real.elapsedMs / real.concurrentMs, 1);
		expect(real.summary).toMatch(new RegExp(`· all at once would take 0\\.10 s · ${factor.toFixed(2)}× slower$`));
		// Seeded, the JSON, the piped line and the screen say the same, to the byte.
		const args = ['sequential', '-t', '5', '-s', '0.1', '--seed', '1'];
		const seeded = await json(args);
		expect(seeded).toMatchObject({
			elapsedMs: 500,
			sequentialMs: 500,
			concurrentMs: 100,
			speedup: 1,
			comparison: {baseline: 'concurrent', baselineMs: 100, factor: 5, direction: 'slower'},
		});
		expect(seeded.summary).toBe('elapsed 0.50 s · all at once would take 0.10 s · 5.00× slower');
		expect((await threadlab(args)).trimEnd().split('\n').at(-1)).toBe(seeded.summary);
		expect(await threadlab([...args, '--frames', '1', '--width', '100'])).toContain(seeded.summary);
	});

	it('sleepers and dashboard: the comparison is against one after another, "× faster", as the screen says', async () => {
		const sleepers = await json(['sleepers', '-t', '4', '-s', '0.5', '--seed', '1']);
		expect(sleepers).toMatchObject({speedup: 4, comparison: {baseline: 'sequential', baselineMs: 2000, factor: 4, direction: 'faster'}});
		expect(sleepers.summary).toBe('elapsed 0.50 s · sequential would take 2.00 s · 4.00× faster');
		const dashboard = await json(['dashboard', '-t', '4', '-s', '0.5', '-i', '100', '--seed', '1']);
		expect(dashboard.sleepers).toEqual(sleepers);
		expect(dashboard.runs.map((run) => run.mode)).toEqual(['unsafe', 'mutex']);
	});

	it('race: a lost update comes with one collision, two threads that read the same value', async () => {
		const {runs} = await json(['race', '-t', '4', '-i', '200', '--seed', '1']);
		const [unsafe, mutex, atomic] = runs as [Output['runs'][0], Output['runs'][0], Output['runs'][0]];
		expect(unsafe.lost).toBeGreaterThan(0);
		expect(unsafe.collision!.first).not.toBe(unsafe.collision!.second);
		expect(unsafe.collision!.value).toBeLessThan(unsafe.expected);
		for (const exact of [mutex, atomic]) expect(exact).toMatchObject({expected: 800, actual: 800, lost: 0});
		expect('collision' in mutex || 'collision' in atomic).toBe(false);
	});

	it("tour: one entry per slide that runs a scene, and the closing slide's lines", async () => {
		const tour = await json([...SMALL['tour']!, '--seed', '1']);
		expect(tour.slides.map((slide) => slide.slide)).toEqual([
			'gil',
			'start',
			'hello',
			'join',
			'sleepers',
			'sequential',
			'unsafe',
			'mutex',
			'atomic',
		]);
		expect(tour.measured).toHaveLength(9);
		expect(tour.measured[5]).toBe(`sequential: ${tour.slides[5]!.summary}`);
	});
});
