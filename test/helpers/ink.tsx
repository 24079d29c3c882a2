/**
 * Ink for hook tests. ink-testing-library's stdin is always a keyboard (a TTY);
 * `renderWithoutKeyboard` gives Ink a stdin like a pipe or /dev/null, whose
 * isTTY is undefined and which throws if anyone asks it for raw mode.
 */
import {EventEmitter} from 'node:events';
import type {ReactElement} from 'react';
import {render} from 'ink';

/** A fixed wait: only where nothing must happen (a key that does nothing), or to let a clock run. */
export const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, or 3 s passed (then the test's next expect says what is wrong). */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
	for (const end = Date.now() + ms; !check() && Date.now() < end; ) await settle(5);
}

/** Types keys, each chunk as it would arrive from the terminal, once a keyboard listener is there. */
export async function type(stdin: NodeJS.EventEmitter & {write(data: string): void}, ...chunks: string[]): Promise<void> {
	await until(() => stdin.listenerCount('readable') > 0);
	for (const chunk of chunks) stdin.write(chunk);
}

/** Replaces `setRawMode` with one that records what it was asked. */
export function recordRawMode(stdin: {setRawMode(on: boolean): unknown}): boolean[] {
	const calls: boolean[] = [];
	stdin.setRawMode = (on: boolean) => calls.push(on);
	return calls;
}

class Output extends EventEmitter {
	columns = 80;
	rows = 24;
	frames: string[] = [];
	write = (frame: string) => this.frames.push(frame) > 0;
}

class Pipe extends EventEmitter {
	isTTY: boolean | undefined = undefined;
	data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setRawMode(): never {
		throw new Error('raw mode on a pipe');
	}
	setEncoding() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export function renderWithoutKeyboard(node: ReactElement) {
	const stdout = new Output();
	const stdin = new Pipe();
	const instance = render(node, {
		stdin: stdin as never,
		stdout: stdout as never,
		stderr: new Output() as never,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {instance, stdin, lastFrame: () => stdout.frames.at(-1) ?? ''};
}
