/**
 * Runs validated options in the right mode (interactive Ink, plain lines,
 * JSON, frames, a recording), each inside `guarded`, which owns every exit path.
 */
import {jsonFor} from '../output/json.js';
import {closingLines, failedThreads, runHeadless, simulateHeadless} from '../output/lines.js';
import type {Options} from './options.js';
import {UsageError} from '../model/errors.js';
import {checkRecordPath} from '../output/record.js';
import {drawsOnTerminal, guarded, prepareTerminal} from './guarded.js';
import {GIL_DEFAULTS} from '../lessons/gil.js';
import {tourSlides} from '../lessons/tour.js';
import {type View, checkFailures, viewFor} from '../lessons/view.js';

/** What a recording calls the view: the scene's name. */
export function viewLabel(view: View): string {
	return view.kind === 'scene' ? view.scene.name : view.kind;
}

export async function launch(options: Options): Promise<number> {
	if (options.record !== undefined) checkRecordPath(options.record, options.force);
	if (options.scene === 'interleavings') return launchInterleavings(options);
	return options.scene === 'tour' ? launchTour(options) : launchView(viewFor(options), options);
}

/** The counted scene: frames, piped lines or JSON, or the live app; the real runs use the pool. */
async function launchInterleavings(options: Options): Promise<number> {
	if (Object.keys(options.failures).length > 0)
		throw new UsageError('THREADLAB_FAIL does not apply to interleavings: use it with one scene');
	if (options.record !== undefined && options.seed !== undefined)
		throw new UsageError('--record with --seed does not apply to interleavings: record it live, without --seed');
	return guarded(options, 'interleavings', async (pool, write, mount) => {
		if (options.frames || options.json || !drawsOnTerminal()) {
			const {interleavingsHeadless, printInterleavingsFrames} = await import('../output/interleavings.js');
			if (options.frames) printInterleavingsFrames(options, write);
			else await interleavingsHeadless(pool, options, write);
			return 0;
		}
		const {renderInterleavings} = await prepareTerminal(async () => import('../output/interleavings.js'));
		const instance = renderInterleavings(pool, options);
		mount(instance);
		await instance.waitUntilExit();
		return 0;
	});
}

export async function launchView(view: View, options: Options): Promise<number> {
	checkFailures(view, options.seed !== undefined);
	const {record, seed} = options;
	if (record !== undefined && seed !== undefined) {
		const {recordView} = await import('../output/seeded.js');
		const rendered = async () => {
			const seconds = await recordView(view, options, record);
			process.stderr.write(`threadlab: recorded ${record}: ${seconds.toFixed(2)} s, seed ${seed}\n`);
			return 0;
		};
		return guarded(options, viewLabel(view), rendered, false);
	}
	return guarded(options, viewLabel(view), async (pool, write, mount) => {
		if (options.frames) {
			const {printFrames} = await import('../output/seeded.js');
			await printFrames(view, options, write);
			return 0;
		}
		if (options.json || !drawsOnTerminal()) {
			const onLine = options.json ? undefined : write;
			const lanes = options.seed === undefined ? await runHeadless(pool, view, onLine) : await simulateHeadless(view, options.seed, onLine);
			if (options.json) write(JSON.stringify(jsonFor(view, lanes)));
			else for (const line of closingLines(lanes.flat())) write(line);
			return failedThreads(lanes.flat()) > 0 ? 1 : 0;
		}
		const {renderInteractive} = await prepareTerminal(async () => import('../output/interactive.js'));
		const instance = renderInteractive(view, pool, options);
		mount(instance);
		await instance.waitUntilExit();
		return 0;
	});
}

export async function launchTour(options: Options): Promise<number> {
	if (Object.keys(options.failures).length > 0) throw new UsageError('THREADLAB_FAIL does not apply to the tour: use it with one scene');
	const race = {threads: options.raceThreads, increments: options.increments, workMicros: options.workMicros};
	const gil = {...GIL_DEFAULTS, cpuMs: options.cpuMs, python: options.python, simulated: options.seed !== undefined};
	const slides = tourSlides({threads: options.threads, sleep: options.sleep}, race, gil);
	const {record, seed} = options;
	if (record !== undefined && seed !== undefined) {
		const {recordTour} = await import('../output/tour.js');
		const rendered = async () => {
			const seconds = await recordTour(slides, options, record);
			process.stderr.write(`threadlab: recorded ${record}: the tour, ${seconds.toFixed(2)} s, seed ${seed}\n`);
			return 0;
		};
		return guarded(options, 'tour', rendered, false);
	}
	return guarded(options, 'tour', async (pool, write, mount) => {
		if (options.json || !drawsOnTerminal()) {
			const {tourHeadless} = await import('../output/tour.js');
			const {json, failed} = await tourHeadless(slides, pool, options, write);
			if (options.json) write(JSON.stringify(json));
			return failed ? 1 : 0;
		}
		// The tour's own chunk: syntax highlighting loads only for it.
		const {renderTour} = await prepareTerminal(async () => import('../output/interactive-tour.js'));
		// Seeded, or without a keyboard, the tour moves on by itself.
		const auto = options.auto ?? (options.seed !== undefined || !process.stdin.isTTY ? 2 : undefined);
		const instance = renderTour(slides, pool, options, auto);
		mount(instance);
		await instance.waitUntilExit();
		return 0;
	});
}
