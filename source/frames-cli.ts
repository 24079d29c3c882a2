/** `--frames`: the frames at the given virtual seconds, each after a line naming its time. */
import {SimSession} from './engine/sim-session.js';
import {drawFrame} from './frame.js';
import type {Options} from './options.js';
import {Cast, castHeader} from './record.js';
import {recordSegments} from './record-sim.js';
import {type View, lanesFor} from './view.js';

/** `--seed … --record file.cast`: the whole run, rendered on the virtual clock. Returns its length in s. */
export function recordView(view: View, options: Options, path: string): number {
	const label = view.kind === 'scene' ? view.scene.name : view.kind;
	const cast = new Cast(path, castHeader(options.width, options.height, `threadlab ${label} · seed ${options.seed ?? 0}`));
	try {
		const session = new SimSession(lanesFor(view), options.seed ?? 0);
		const draw = () => drawFrame(view, session, options);
		return recordSegments(cast, [{label, session, draw, hold: 2}], options.fps);
	} finally {
		cast.close();
	}
}

export function printFrames(view: View, options: Options, write: (line: string) => void): void {
	const session = new SimSession(lanesFor(view), options.seed ?? 0);
	// Frames are drawn in time order on one session; the list keeps the order it was given in.
	const drawn = new Map<number, string>();
	for (const time of [...new Set(options.frames)].sort((a, b) => a - b)) {
		session.advanceTo(time * 1000);
		drawn.set(time, drawFrame(view, session, {...options, color: options.forceColor}));
	}
	for (const time of options.frames ?? []) {
		write(`--- ${time} s ---`);
		write(drawn.get(time) ?? '');
	}
}
