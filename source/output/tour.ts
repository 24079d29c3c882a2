/** The tour without a terminal (plain lines or JSON), and recorded on the virtual clock. */
import React from 'react';
import {TourView} from '../ui/components/TourView.js';
import type {WorkerPool} from '../engine/pool.js';
import {SimSession} from '../engine/sim/session.js';
import {renderText} from './frames.js';
import {jsonFor} from './json.js';
import {type Write, runHeadless, simulateHeadless, closingLines} from './lines.js';
import {toSnapshot, toSnapshots, type Snapshot} from '../model/snapshot.js';
import type {Options} from './options.js';
import {Cast, castHeader} from './record.js';
import {recordSegments} from './record-sim.js';
import {lanesFor} from '../lessons/view.js';
import {measuredLines} from '../model/measured.js';
import {type Slide, slideLabel} from '../lessons/tour.js';
import {footerKeys, helpKeys, tourContext} from '../ui/keys.js';

/** Every slide in turn: its title and points, then its scene's lines as the threads print them. */
export async function tourHeadless(
	slides: readonly Slide[],
	pool: WorkerPool,
	options: Options,
	write: Write,
): Promise<{json: object; failed: boolean}> {
	const results = new Map<string, Snapshot[]>();
	const json: object[] = [];
	let failed = false;
	for (const [index, slide] of slides.entries()) {
		if (!options.json) {
			write(`== ${slideLabel(slides, index)} ==`);
			for (const point of slide.summary ? measuredLines(results) : slide.points) write(`- ${point}`);
		}
		if (slide.view) {
			const onLine = options.json ? undefined : write;
			const lanes =
				options.seed === undefined ? await runHeadless(pool, slide.view, onLine) : await simulateHeadless(slide.view, options.seed, onLine);
			if (!options.json) for (const line of closingLines(lanes.flat())) write(line);
			results.set(slide.id, lanes.flat().map(toSnapshot));
			failed ||= lanes.flat().some((sample) => sample.threads.some((thread) => thread.state === 'failed'));
			json.push({slide: slide.id, ...jsonFor(slide.view, lanes)});
		}
		if (!options.json) write('');
	}
	return {json: {scene: 'tour', slides: json, measured: measuredLines(results)}, failed};
}

/**
 * The recorded tour's slides: each with its own seeded session and a `draw` of the slide as
 * it stands, the frames `--record` writes (and the stage tests read at 80×24 and 100×30).
 */
export function tourSegments(slides: readonly Slide[], options: Options) {
	const results = new Map<string, Snapshot[]>();
	const hold = options.auto ?? 2;
	return slides.map((slide, index) => {
		const session = new SimSession(slide.view ? lanesFor(slide.view) : [], options.seed ?? 0, {toTheEnd: true});
		const context = tourContext(true, slide.view ? (slide.view.kind === 'race' ? 'race' : 'threads') : 'none');
		const draw = () => {
			const snapshots = toSnapshots(session.samples());
			if (session.finished && slide.view) results.set(slide.id, snapshots.flat());
			const view = React.createElement(TourView, {
				slide,
				index,
				count: slides.length,
				snapshots,
				measured: measuredLines(results),
				width: options.width,
				height: options.height,
				keys: footerKeys(context),
				helpKeys: helpKeys(context),
				help: false,
				label: `simulated · seed ${options.seed ?? 0}`,
				registers: true,
			});
			return renderText(view, options);
		};
		return {label: slideLabel(slides, index), session, draw, hold: slide.view ? hold : Math.max(hold, 3)};
	});
}

/** `tour --seed N --record talk.cast`: the whole talk in seconds, the same bytes every time. */
export async function recordTour(slides: readonly Slide[], options: Options, path: string): Promise<number> {
	const segments = tourSegments(slides, options);
	const cast = new Cast(
		path,
		castHeader(options.width, options.height, `threadlab tour · seed ${options.seed ?? 0}`, undefined, options.ascii),
		options.force,
	);
	return recordSegments(cast, segments, options.fps);
}
