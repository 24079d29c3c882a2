/**
 * A seeded recording: every frame rendered on the virtual clock, as fast as
 * the machine goes. Timestamps are virtual seconds, so the same seed and
 * options give the same bytes.
 */
import {type SimSession, advanceInSlices} from '../engine/sim/session.js';
import {type Cast, repaint} from './record.js';

export interface Segment {
	/** Marker at the segment's start. */
	label: string;
	session: SimSession;
	/** The screen now, as text. */
	draw(): string;
	/** How long to hold the last frame once the session finished, in seconds. */
	hold: number;
}

/**
 * Record segments one after another, then the recording takes its name; returns its length in
 * seconds. A failure on the way leaves no file.
 */
export async function recordSegments(cast: Cast, segments: readonly Segment[], fps: number): Promise<number> {
	try {
		const length = await recordAll(cast, segments, fps);
		cast.close();
		return length;
	} catch (error) {
		cast.discard();
		throw error;
	}
}

async function recordAll(cast: Cast, segments: readonly Segment[], fps: number): Promise<number> {
	let offset = 0;
	let last = '';
	let first = true;
	for (const segment of segments) {
		cast.marker(offset, segment.label);
		const marked = new Set<string>([segment.label]);
		let end: number | undefined;
		for (let frame = 0; end === undefined || frame / fps <= end; frame++) {
			const time = frame / fps;
			await advanceInSlices(segment.session, time * 1000);
			for (const label of segment.session.started) {
				if (!marked.has(label)) cast.marker(offset + time, label);
				marked.add(label);
			}
			const text = segment.draw();
			if (text !== last) cast.output(offset + time, repaint(text, first));
			first = false;
			last = text;
			if (end === undefined && segment.session.finished) end = time + segment.hold;
		}
		offset += (end ?? 0) + 1 / fps;
	}
	cast.output(offset, '\r\n\u001B[?25h');
	return offset;
}
