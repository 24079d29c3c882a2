/**
 * `--record file.cast`: an asciicast v2 file of exactly what the terminal
 * shows. Live runs tee every byte written to stdout with its real time;
 * seeded runs are rendered frame by frame on the virtual clock, as fast as
 * the machine goes, and are byte-identical for the same seed and options.
 * A marker (`[t, "m", label]`) opens every scene or slide.
 */
import {CastFile} from './cast-file.js';
import {asciiText} from '../ui/theme.js';

export {checkRecordPath} from './cast-file.js';

export interface CastHeader {
	version: 2;
	width: number;
	height: number;
	timestamp?: number;
	title: string;
	env: {TERM: string; SHELL: string};
}

/** Recordings under way: an exit that cuts one short leaves no file of it (discardUnfinished). */
const unfinished = new Set<Cast>();

/** The process is leaving in the middle of rendering recordings: none is kept half-made. */
export function discardUnfinished(): void {
	for (const cast of unfinished) cast.discard();
}

export class Cast {
	readonly #file: CastFile;
	#last = 0;

	/** A new recording to `path` (see CastFile: nothing is replaced unless `force`). */
	constructor(path: string, header: CastHeader, force = false) {
		this.#file = new CastFile(path, force);
		unfinished.add(this);
		this.#file.line(JSON.stringify(header));
	}

	get path(): string {
		return this.#file.path;
	}

	output(seconds: number, text: string): void {
		if (text.length > 0) this.#event(seconds, 'o', text);
	}

	marker(seconds: number, label: string): void {
		this.#event(seconds, 'm', label);
	}

	/** The recording is complete: it takes its name. */
	close(): void {
		unfinished.delete(this);
		this.#file.commit();
	}

	/** The run failed before it showed anything worth keeping: no file. */
	discard(): void {
		unfinished.delete(this);
		this.#file.discard();
	}

	#event(seconds: number, code: 'o' | 'm', data: string): void {
		// Times never go backwards, and are rounded to the microsecond like asciinema's own.
		this.#last = Math.max(this.#last, Math.round(seconds * 1e6) / 1e6);
		this.#file.line(JSON.stringify([this.#last, code, data]));
	}
}

/**
 * A live recording's header says when and in what terminal it was made; a seeded one has no
 * timestamp and a fixed terminal (it was rendered, not captured), so the same seed gives the
 * same bytes on every machine.
 */
export function castHeader(width: number, height: number, name: string, timestamp?: number, ascii = false): CastHeader {
	const title = ascii ? asciiText(name) : name;
	if (timestamp === undefined) return {version: 2, width, height, title, env: {TERM: 'xterm-256color', SHELL: '/bin/sh'}};
	return {
		version: 2,
		width,
		height,
		timestamp,
		title,
		env: {TERM: process.env['TERM'] ?? 'xterm-256color', SHELL: process.env['SHELL'] ?? '/bin/sh'},
	};
}

/** Escape codes that repaint a whole frame in place, so the player shows exactly this frame. */
export function repaint(frame: string, first: boolean): string {
	const body = frame
		.split('\n')
		.map((line) => `${line}\u001B[K`)
		.join('\r\n');
	return `${first ? '\u001B[?25l\u001B[2J' : ''}\u001B[H${body}\u001B[J`;
}

type Marker = (label: string) => void;
let markScene: Marker | undefined;

/**
 * Live recording: every byte written to stdout goes to the cast too, with its real time. A
 * write to the cast that fails (a full disk) stops the recording, never the screen: `onError`
 * hears of it once. The function returned ends the recording and names it; it returns what
 * went wrong, if anything, as the one line to tell the user.
 */
export function teeStdout(cast: Cast, onError: (message: string) => void): () => string | undefined {
	const start = performance.now();
	const elapsed = () => (performance.now() - start) / 1000;
	const original = process.stdout.write.bind(process.stdout);
	let failure: string | undefined;
	let stopped = false;
	const stop = () => {
		if (stopped) return;
		stopped = true;
		process.stdout.write = original;
		markScene = undefined;
	};
	const guard = (record: () => void) => {
		try {
			record();
		} catch (error) {
			failure = error instanceof Error ? error.message : String(error);
			stop();
			onError(failure);
		}
	};
	process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
		// A terminal turns \n into \r\n (onlcr); the player is a terminal without that step.
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		guard(() => cast.output(elapsed(), text.replace(/\r?\n/g, '\r\n')));
		return original(chunk, ...rest);
	}) as typeof process.stdout.write;
	markScene = (label) => guard(() => cast.marker(elapsed(), label));
	let ended = false;
	return () => {
		if (ended) return failure;
		ended = true;
		stop();
		try {
			cast.close();
		} catch (error) {
			failure ??= `--record: ${error instanceof Error ? error.message : String(error)}`;
		}
		return failure;
	};
}

/** A scene or slide starts: a marker in the live recording, if there is one. */
export function sceneStarted(label: string): void {
	markScene?.(label);
}
