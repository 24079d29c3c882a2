/**
 * The command line: parse with meow, validate, hand over. Nothing else lives here.
 * `dist/cli.js` (source/bin.ts) loads this, bundled, with V8's code cache, and calls `main`.
 */
import {writeSync} from 'node:fs';
import meow from 'meow';
import wrapAnsi from 'wrap-ansi';
import {cause} from '../output/cast-file.js';
import {meowFlags, optionLines} from './flags.js';
import {launch} from './launch.js';
import {UsageError, parseOptions} from './options.js';

/** package.json's name, version and description, put in by the build: meow need not look for it. */
declare const THREADLAB_PACKAGE: {name: string; version: string; description: string};

/**
 * The help, laid out as meow would, built only when `--help` asks for it: wrapping the
 * description and every flag's text is no work for every start.
 */
const helpText = () => `
  ${wrapAnsi(THREADLAB_PACKAGE.description, 76).replaceAll('\n', '\n  ')}

  Usage
    $ threadlab [scene] [options]

  Scenes (the notebook's cells, in order)
    gil           the same CPU job on threads, under a GIL, sleeping, in CPython
    start         one thread sleeps; the main thread carries on
    hello         the main thread prints "hello" before the thread wakes
    join          the main thread joins, then prints "hello" after the wake
    sleepers      n threads sleep at once: elapsed ≈ one sleep
    sequential    start and join in one loop: elapsed ≈ n sleeps
    race          a shared counter: unsafe (updates lost), mutex, atomic
    interleavings every schedule of a small race, counted, beside real runs
    deadlock      two locks in opposite orders stop every thread; ordered: exact
    dashboard     sleepers above the lock panel, unsafe beside mutex (default)
    tour          a talk: each lesson a slide of code, points and its live scene

  Options
${optionLines().join('\n')}

  Keys
    r  run again   m  race mode   ?  help   q, Esc, Ctrl+C  quit
    with --seed: space pause, s step    tour: → n space next, ← p back
    w  walk through a race: replay it paused on the simulator, s steps it
    interleavings: ↑ ↓ bar, s step, n another schedule, r real runs again

  Examples
    $ threadlab                      sleepers and the lock panel together
    $ threadlab race --mode unsafe -t 8
    $ threadlab sequential -t 3 -s 1
    $ threadlab hello -s 0.5 | cat   the notebook's printed lines
    $ threadlab sleepers --json
    $ threadlab gil --cpu 300 | cat  speed-ups with and without a GIL
    $ threadlab race --seed 3 --paused   step through a lost update with s
    $ threadlab interleavings -t 3 -i 3 --json
    $ threadlab sleepers --seed 7 --frames 0.5,1.5,2.5
    $ threadlab tour --theme high-contrast
    $ threadlab tour --seed 1 --record talk.cast
`;

/** meow's "The flag --threads can only be set once." in threadlab's words. */
function usageLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const repeated = /^The flag (--[\w-]+) can only be set once\.?$/.exec(message);
	return repeated ? `${repeated[1]} can be given only once (a repeated flag, or a flag and its --no- form)` : message;
}

/** Help and version go to stdout; a stdout that cannot take them is one line and exit 1. */
function print(text: string): number {
	try {
		writeSync(1, `${text}\n`);
		return 0;
	} catch (error) {
		process.stderr.write(`threadlab: cannot write to stdout: ${cause(error)}\n`);
		return 1;
	}
}

/** `layout`: settles when Ink can lay out a frame (the bundle loads yoga's WebAssembly meanwhile). */
export async function main(layout?: Promise<unknown>): Promise<void> {
	try {
		const cli = meow({
			importMeta: import.meta,
			pkg: THREADLAB_PACKAGE,
			description: false,
			autoHelp: false,
			autoVersion: false,
			allowUnknownFlags: true,
			booleanDefault: undefined,
			flags: meowFlags(),
		});
		if (cli.flags['help']) {
			process.exitCode = print(helpText());
			return;
		}
		if (cli.flags['version']) {
			process.exitCode = print(THREADLAB_PACKAGE.version);
			return;
		}
		const options = parseOptions(cli.input, cli.flags, process.env);
		await layout;
		process.exitCode = await launch(options);
	} catch (error) {
		// One line, never a stack trace: 2 for a bad command line, 1 for anything else.
		const usage = error instanceof UsageError || (error instanceof Error && /^The flag --/.test(error.message));
		process.stderr.write(`threadlab: ${usage ? usageLine(error) : error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = usage ? 2 : 1;
	}
}
