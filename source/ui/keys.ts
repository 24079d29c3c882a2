/**
 * THE key table: every key both apps answer, what it does, its footer hint,
 * its help line and where it applies. The footers, the help screens and the
 * dispatch of a pressed key are all read from it, so a key is declared once.
 */
import type {KeyHint} from './components/Footer.js';
import type {CounterMode, LockOrder} from '../engine/jobs.js';
import type {View} from '../lessons/view.js';
import type {KeyName} from './hooks/use-keys.js';

/** Race mode selection (`m`): all three in turn, or one. */
export const SELECTIONS: ReadonlyArray<readonly CounterMode[]> = [['unsafe', 'mutex', 'atomic'], ['unsafe'], ['mutex'], ['atomic']];

export const selectionName = (modes: readonly string[]) => (modes.length > 1 ? 'all' : (modes[0] ?? 'all'));

/** Deadlock lock orders (`m`): both side by side, or one. */
export const ORDER_SELECTIONS: ReadonlyArray<readonly LockOrder[]> = [['opposite', 'ordered'], ['opposite'], ['ordered']];

/** Where a key is pressed: which app, what it shows, and how it runs. */
export interface KeyContext {
	app: 'scene' | 'tour';
	/** What the scene app shows; a slide for the tour. */
	view: View['kind'] | 'slide' | 'interleavings';
	simulated: boolean;
	paused: boolean;
	/** What the screen runs: nothing (a text slide), sleeping threads, or a race to step through. */
	runs?: 'none' | 'threads' | 'race';
	/** The race modes selected with `m` (its hint names them). */
	selection: readonly CounterMode[];
	/** Deadlock: the lock orders running (`m` runs the next choice at once). */
	orders?: readonly LockOrder[];
}

export type Action =
	| 'back'
	| 'next'
	| 'rerun'
	| 'select'
	| 'pause'
	| 'step'
	| 'replay'
	| 'help'
	| 'quit'
	| 'suspend'
	| 'up'
	| 'down'
	| 'another';

export interface KeyBinding {
	action: Action;
	/** The keys that trigger it, as `useKeys` names them. */
	keys: readonly KeyName[];
	/** The footer's short hint; none: not in the footer. */
	footer?: {keys: string; hint: (context: KeyContext) => string; short?: string};
	/** The help's longer line; none: not in the help. `first` leads the help (the tour's next slide). */
	help?: {keys: string; text: (context: KeyContext) => string; first?: boolean};
	applies(context: KeyContext): boolean;
}

const text = (value: string) => () => value;
const scene = (context: KeyContext) => context.app === 'scene';
const tour = (context: KeyContext) => context.app === 'tour';
const counted = (context: KeyContext) => context.view === 'interleavings';
/** What a view runs: a text slide and the counted interleavings have no clock; the GIL's lanes run like threads; the race and the deadlock are stepped. */
export const runsOf = (view: KeyContext['view']): NonNullable<KeyContext['runs']> =>
	view === 'scene' || view === 'gil' ? 'threads' : view === 'slide' || view === 'interleavings' ? 'none' : 'race';
const runs = (c: KeyContext) => c.runs ?? runsOf(c.view);
/** A seeded clock is running something: space pauses it (in the tour too, where space is otherwise next). */
const pausable = (c: KeyContext) => c.simulated && runs(c) !== 'none';

/** In footer order; a key's first binding that applies wins. */
export const KEYS: readonly KeyBinding[] = [
	{
		action: 'back',
		keys: ['left', 'p'],
		footer: {keys: '←', hint: text('back')},
		help: {keys: '← p', text: text('previous slide')},
		applies: tour,
	},
	{
		action: 'next',
		keys: ['right', 'n', ' '],
		footer: {keys: '→', hint: text('next')},
		help: {keys: '→ n space', text: text('next slide'), first: true},
		applies: (c) => tour(c) && !pausable(c),
	},
	{
		action: 'next',
		keys: ['right', 'n'],
		footer: {keys: '→', hint: text('next')},
		help: {keys: '→ n', text: text('next slide'), first: true},
		applies: (c) => tour(c) && pausable(c),
	},
	{
		action: 'rerun',
		keys: ['r'],
		footer: {keys: 'r', hint: text('run again'), short: 'rerun'},
		help: {
			keys: 'r',
			text: (c) => (c.simulated ? 'run again from virtual time 0' : 'run again (running threads are stopped and restarted)'),
		},
		applies: (c) => scene(c) && !counted(c),
	},
	{
		action: 'rerun',
		keys: ['r'],
		footer: {keys: 'r', hint: text('real runs')},
		help: {keys: 'r', text: text('run the unsafe race on real threads again, beside the count')},
		applies: counted,
	},
	{
		action: 'rerun',
		keys: ['r'],
		footer: {keys: 'r', hint: text('rerun')},
		help: {keys: 'r', text: text("run the slide's scene again")},
		applies: tour,
	},
	{
		action: 'select',
		keys: ['m'],
		footer: {keys: 'm', hint: (c) => `mode: ${selectionName(c.selection)}`},
		help: {keys: 'm', text: text('the mode shown and run next: all, unsafe, mutex, atomic')},
		applies: (c) => scene(c) && c.view === 'race',
	},
	{
		// A deadlock never ends: m stops it and runs the next choice of orders right away.
		action: 'select',
		keys: ['m'],
		footer: {keys: 'm', hint: (c) => `order: ${selectionName(c.orders ?? [])}`},
		help: {keys: 'm', text: text('run the next lock order now: all, opposite, ordered')},
		applies: (c) => scene(c) && c.view === 'deadlock',
	},
	{
		action: 'pause',
		keys: [' '],
		footer: {keys: 'space', hint: (c) => (c.paused ? 'resume' : 'pause')},
		help: {keys: 'space', text: text('pause or resume the virtual clock')},
		applies: pausable,
	},
	{
		action: 'up',
		keys: ['up', 'left'],
		footer: {keys: '↑↓', hint: text('bar')},
		help: {keys: '↑ ↓', text: text('pick a final value: its bar')},
		applies: counted,
	},
	{action: 'down', keys: ['down', 'right'], applies: counted},
	{
		action: 'step',
		keys: ['s'],
		footer: {keys: 's', hint: text('one step')},
		help: {keys: 's', text: text("one step of the schedule: one thread's read or write")},
		applies: counted,
	},
	{
		action: 'another',
		keys: ['n'],
		footer: {keys: 'n', hint: text('another')},
		help: {keys: 'n', text: text('another schedule with the same final value')},
		applies: counted,
	},
	{
		// The seeded scheduler steps where there is a race to step through.
		action: 'step',
		keys: ['s'],
		footer: {keys: 's', hint: text('step')},
		help: {keys: 's', text: text("one step: one thread's read, work or write, said on the status line")},
		applies: (c) => c.simulated && runs(c) === 'race',
	},
	{
		// The lost update, stepped in front of the room: the race just shown, again on the seeded simulator.
		action: 'replay',
		keys: ['w'],
		footer: {keys: 'w', hint: text('walk through'), short: 'walk'},
		help: {keys: 'w', text: text('replay this race on the seeded simulator, paused at its start: s steps, space runs')},
		applies: (c) => runs(c) === 'race' && c.view !== 'deadlock',
	},
	{
		action: 'help',
		keys: ['?'],
		footer: {keys: '?', hint: text('help')},
		help: {keys: '?', text: text('show or hide this help')},
		applies: () => true,
	},
	{
		action: 'quit',
		keys: ['q', 'escape', 'ctrl+c'],
		footer: {keys: 'q', hint: text('quit')},
		help: {keys: 'q Esc Ctrl+C', text: text('quit')},
		applies: () => true,
	},
	{action: 'suspend', keys: ['ctrl+z'], applies: () => true},
];

const applying = (context: KeyContext) => KEYS.filter((binding) => binding.applies(context));

/** The footer: `r run again · m mode: all · space pause · s step · ? help · q quit`. */
export function footerKeys(context: KeyContext): KeyHint[] {
	return applying(context).flatMap(({footer}) =>
		footer ? [{keys: footer.keys, action: footer.hint(context), ...(footer.short ? {short: footer.short} : {})}] : [],
	);
}

/** `?`: the keys that do something here, each with a longer description. */
export function helpKeys(context: KeyContext): KeyHint[] {
	const lines = applying(context).flatMap(({help}) => (help ? [help] : []));
	const ordered = [...lines.filter((help) => help.first), ...lines.filter((help) => !help.first)];
	return ordered.map((help) => ({keys: help.keys, action: help.text(context)}));
}

/** What a key does here; undefined: nothing. */
export function actionFor(key: KeyName, context: KeyContext): Action | undefined {
	return KEYS.find((binding) => binding.keys.includes(key) && binding.applies(context))?.action;
}

/** The context of a scene app's screen (and of its seeded frames). */
export const sceneContext = (view: View, simulated: boolean, selection: readonly CounterMode[], paused = false): KeyContext => ({
	app: 'scene',
	view: view.kind,
	simulated,
	paused,
	selection,
	...(view.kind === 'deadlock' ? {orders: view.orders} : {}),
});

/** The tour's keys are the same on every slide, live or simulated. */
export const tourContext = (simulated: boolean, on: KeyContext['runs'] = 'none', paused = false): KeyContext => ({
	app: 'tour',
	view: 'slide',
	simulated,
	paused,
	selection: [],
	runs: on,
});
