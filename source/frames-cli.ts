/** `--frames`: the frames at the given virtual seconds, each after a line naming its time. */
import {SimSession} from './engine/sim-session.js';
import {drawFrame} from './frame.js';
import type {Options} from './options.js';
import {type View, lanesFor} from './view.js';

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
