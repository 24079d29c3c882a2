/**
 * `--record file.cast`: an asciicast v2 file of exactly what the terminal
 * shows. Live runs tee every byte written to stdout with its real time;
 * seeded runs are rendered frame by frame on the virtual clock, as fast as
 * the machine goes, and are byte-identical for the same seed and options.
 * A marker (`[t, "m", label]`) opens every scene or slide.
 */
import {closeSync, openSync, statSync, writeSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {UsageError} from './usage-error.js';

export interface CastHeader {
	version: 2;
	width: number;
	height: number;
	timestamp?: number;
	title: string;
	env: {TERM: string; SHELL: string};
}

/** Check `--record`'s path before anything starts; throws the one line the user sees. */
export function checkRecordPath(path: string): void {
	const target = resolve(path);
	const parent = dirname(target);
	const kind = (p: string) => {
		try {
			return statSync(p).isDirectory() ? 'directory' : 'file';
		} catch {
			return 'missing';
		}
	};
	if (kind(target) === 'directory') throw new UsageError(`--record must name a file, and ${path} is a directory`);
	if (kind(parent) !== 'directory') throw new UsageError(`--record: the folder ${parent} does not exist`);
}

export class Cast {
	readonly #fd: number;
	#last = 0;

	/** Opens (creates or truncates) the file; a path that cannot be written is a usage error. */
	constructor(path: string, header: CastHeader) {
		checkRecordPath(path);
		try {
			this.#fd = openSync(path, 'w');
		} catch (error) {
			throw new UsageError(`--record cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
		}
		writeSync(this.#fd, `${JSON.stringify(header)}\n`);
	}

	output(seconds: number, text: string): void {
		if (text.length > 0) this.#event(seconds, 'o', text);
	}

	marker(seconds: number, label: string): void {
		this.#event(seconds, 'm', label);
	}

	close(): void {
		closeSync(this.#fd);
	}

	#event(seconds: number, code: 'o' | 'm', data: string): void {
		// Times never go backwards, and are rounded to the microsecond like asciinema's own.
		this.#last = Math.max(this.#last, Math.round(seconds * 1e6) / 1e6);
		writeSync(this.#fd, `${JSON.stringify([this.#last, code, data])}\n`);
	}
}

/**
 * A live recording's header says when and in what terminal it was made; a seeded one has no
 * timestamp and a fixed terminal (it was rendered, not captured), so the same seed gives the
 * same bytes on every machine.
 */
export function castHeader(width: number, height: number, title: string, timestamp?: number): CastHeader {
	if (timestamp === undefined) return {version: 2, width, height, title, env: {TERM: 'xterm-256color', SHELL: '/bin/sh'}};
	return {version: 2, width, height, timestamp, title, env: {TERM: process.env['TERM'] ?? 'xterm-256color', SHELL: process.env['SHELL'] ?? '/bin/sh'}};
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

/** Live recording: every byte written to stdout goes to the cast too, with its real time. */
export function teeStdout(cast: Cast): () => void {
	const start = performance.now();
	const elapsed = () => (performance.now() - start) / 1000;
	const original = process.stdout.write.bind(process.stdout);
	process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
		// A terminal turns \n into \r\n (onlcr); the player is a terminal without that step.
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		cast.output(elapsed(), text.replace(/\r?\n/g, '\r\n'));
		return original(chunk, ...rest);
	}) as typeof process.stdout.write;
	markScene = (label) => cast.marker(elapsed(), label);
	return () => {
		process.stdout.write = original;
		markScene = undefined;
		cast.close();
	};
}

/** A scene or slide starts: a marker in the live recording, if there is one. */
export function sceneStarted(label: string): void {
	markScene?.(label);
}
