// npm run record-demos: regenerates demos/recordings/*.cast from seeded runs (the same
// bytes every time), and demos/recordings/race.svg, a picture of one frame for the README,
// made by ansi-to-svg from the coloured text of `--frames`.
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import ansiToSvg from 'ansi-to-svg';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}/demos/recordings`;
mkdirSync(out, {recursive: true});
const cli = (args) =>
	execFileSync(process.execPath, [`${root}/dist/cli.js`, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: ''}});

const recordings = {
	'01-start': ['start'],
	'02-hello': ['hello'],
	'03-join': ['join'],
	'04-sleepers': ['sleepers'],
	'05-sequential': ['sequential', '-t', '3', '-s', '1'],
	'06-dashboard': ['dashboard'],
	'07-race-unsafe': ['race', '--mode', 'unsafe'],
	'08-race-mutex': ['race', '--mode', 'mutex'],
	'09-race-atomic': ['race', '--mode', 'atomic'],
	'10-deadlock': ['deadlock'],
	'11-gil': ['gil'],
	// 12-interleavings has no recording: the count has no clock to seed (--record with --seed is refused).
	// The talk at a projector's 80×24, where it is given.
	tour: ['tour', '--width', '80', '--height', '24'],
};
for (const [name, args] of Object.entries(recordings)) {
	const size = args.includes('--width') ? [] : ['--width', '100', '--height', '30'];
	// --force: these files are regenerated, replacing the last ones, on purpose.
	cli([...args, '--seed', '1', ...size, '--record', `${out}/${name}.cast`, '--force']);
	console.log(`demos/recordings/${name}.cast`);
}

// The README's picture: the race at 80×24, as a projector shows it.
const frame = cli(['race', '--seed', '1', '--frames', '3', '--width', '80', '--height', '24', '--color']).split('\n').slice(1).join('\n');
// SVG collapses runs of spaces: no-break spaces keep the columns where the terminal had them.
writeFileSync(
	`${out}/race.svg`,
	ansiToSvg(frame.replaceAll(' ', '\u00A0'), {paddingTop: 8, paddingLeft: 8, paddingBottom: 8, paddingRight: 8}),
);
console.log('demos/recordings/race.svg');
