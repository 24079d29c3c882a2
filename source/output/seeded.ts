/** `--frames`: the frames at the given virtual seconds, each after a line naming its time. */
import {SimSession, advanceInSlices} from '../engine/sim/session.js';
import {drawFrame} from './frames.js';
import type {Options} from './options.js';
import {Cast, castHeader} from './record.js';
import {recordSegments} from './record-sim.js';
import {type View, lanesFor} from '../lessons/view.js';

/** `--seed … --record file.cast`: the whole run, rendered on the virtual clock. Returns its length in s. */
export async function recordView(view: View, options: Options, path: string): Promise<number> {
	const label = view.kind === 'scene' ? view.scene.name : view.kind;
	const session = new SimSession(lanesFor(view), options.seed ?? 0, {toTheEnd: true});
	const cast = new Cast(
		path,
		castHeader(options.width, options.height, `threadlab ${label} · seed ${options.seed ?? 0}`, undefined, options.ascii),
		options.force,
	);
	const draw = () => drawFrame(view, session, options);
	return recordSegments(cast, [{label, session, draw, hold: 2}], options.fps);
}

export async function printFrames(view: View, options: Options, write: (line: string) => void): Promise<void> {
	const session = new SimSession(lanesFor(view), options.seed ?? 0);
	// Frames are drawn in time order on one session; the list keeps the order it was given in.
	const drawn = new Map<number, string>();
	for (const time of [...new Set(options.frames)].sort((a, b) => a - b)) {
		await advanceInSlices(session, time * 1000);
		drawn.set(time, drawFrame(view, session, {...options, color: options.forceColor}));
	}
	for (const time of options.frames ?? []) {
		write(`--- ${time} s ---`);
		write(drawn.get(time) ?? '');
	}
}
