/**
 * The command line: parse with meow, validate, hand over. Nothing else lives here.
 * `dist/cli.js` (source/bin.ts) loads this, bundled, with V8's code cache, and calls `main`.
 */
import meow from 'meow';
import {launch} from './launch.js';
import {UsageError, parseOptions} from './options.js';

/** package.json's name, version and description, put in by the build: meow need not look for it. */
declare const THREADLAB_PACKAGE: {name: string; version: string; description: string};

/** `layout`: settles when Ink can lay out a frame (the bundle loads yoga's WebAssembly meanwhile). */
export async function main(layout?: Promise<unknown>): Promise<void> {
	const cli = meow(
		`
  Usage
    $ threadlab [scene] [options]

  Scenes (the notebook's cells, in order)
    start         one thread sleeps; the main thread carries on
    hello         the main thread prints "hello" before the thread wakes
    join          the main thread joins, then prints "hello" after the wake
    sleepers      n threads sleep at once: elapsed ≈ one sleep
    sequential    start and join in one loop: elapsed ≈ n sleeps
    race          a shared counter: unsafe (updates lost), mutex, atomic
    dashboard     sleepers above the lock panel, unsafe beside mutex (default)
    tour          a talk: every lesson as a slide, code, points and the live scene

  Options
    -t, --threads <n>   threads, 1–256 (default 5; race 4)
    -s, --sleep <sec>   seconds each thread sleeps, > 0 and ≤ 3600 (default 2)
        --mode <m>      race: unsafe, mutex, atomic or all (default all)
    -i, --increments <n>  race: increments per thread, 1–100000000 (default 2500)
        --work <µs>     race: real wait between read and write, 0–100000 (default 200)
        --fps <n>       most redraws per second, 1–60 (default 30)
        --seed <n>      simulate on a virtual clock with a seeded scheduler, 0–4294967295;
                        the same seed gives the same frames (space pauses, s steps a race)
        --frames <list> with --seed: print the frames at these virtual seconds and exit,
                        e.g. --frames 0,0.5,2.5
        --width <n>     --frames width, 20–300 (default 80)
        --height <n>    --frames height, 5–200 (default 24)
        --color         --frames: keep the colours (ANSI escapes)
        --record <file> write an asciicast v2 recording of what the terminal shows;
                        with --seed it is rendered at once and the same every time
        --auto <sec>    tour: next slide this long after the slide's scene is done
        --theme <name>  default or high-contrast (for projectors)
        --json          no UI: print one JSON object when the scene is done
        --no-color      no colours (NO_COLOR is honoured too)
        --ascii         ASCII only, no Unicode glyphs
    -h, --help          this help
    -v, --version       the version

  Keys
    r  run again   m  race mode   ?  help   q, Esc, Ctrl+C  quit
    with --seed: space pause, s step    tour: → n space next, ← p back

  Examples
    $ threadlab                      sleepers and the lock panel together
    $ threadlab race --mode unsafe -t 8
    $ threadlab sequential -t 3 -s 1
    $ threadlab hello -s 0.5 | cat   the notebook's printed lines
    $ threadlab sleepers --json
    $ threadlab race --seed 3        step through a lost update with s
    $ threadlab sleepers --seed 7 --frames 0.5,1.5,2.5
    $ threadlab tour --theme high-contrast
    $ threadlab tour --seed 1 --record talk.cast
`,
		{
			importMeta: import.meta,
			pkg: THREADLAB_PACKAGE,
			autoHelp: false,
			autoVersion: false,
			allowUnknownFlags: true,
			booleanDefault: undefined,
			flags: {
				threads: {type: 'string', shortFlag: 't'},
				sleep: {type: 'string', shortFlag: 's'},
				mode: {type: 'string'},
				increments: {type: 'string', shortFlag: 'i'},
				work: {type: 'string'},
				fps: {type: 'string'},
				seed: {type: 'string'},
				frames: {type: 'string'},
				width: {type: 'string'},
				height: {type: 'string'},
				record: {type: 'string'},
				auto: {type: 'string'},
				theme: {type: 'string'},
				json: {type: 'boolean'},
				color: {type: 'boolean'},
				ascii: {type: 'boolean'},
				help: {type: 'boolean', shortFlag: 'h'},
				version: {type: 'boolean', shortFlag: 'v'},
			},
		},
	);

	if (cli.flags.help) {
		cli.showHelp(0);
	} else if (cli.flags.version) {
		cli.showVersion();
	} else {
		try {
			const options = parseOptions(cli.input, cli.flags, process.env);
			await layout;
			process.exitCode = await launch(options);
		} catch (error) {
			// One line, never a stack trace: 2 for a usage error, 1 for anything else.
			process.stderr.write(`threadlab: ${error instanceof Error ? error.message : String(error)}\n`);
			process.exitCode = error instanceof UsageError ? 2 : 1;
		}
	}
}
