/** The key table: the footers and help screens it gives, and what each key does where. */
import {describe, expect, it} from 'vitest';
import type {CounterMode} from '../../source/engine/jobs.js';
import {KEYS, type KeyContext, SELECTIONS, actionFor, footerKeys, helpKeys, tourContext} from '../../source/ui/keys.js';

const line = (hints: readonly {keys: string; action: string}[]) => hints.map((hint) => `${hint.keys} ${hint.action}`).join(' · ');
const scene = (
	view: 'scene' | 'race' | 'dashboard' | 'gil',
	simulated: boolean,
	paused = false,
	selection: readonly CounterMode[] = SELECTIONS[0]!,
) => ({app: 'scene', view, simulated, paused, selection}) satisfies KeyContext;

/** Every context a key can be pressed in. */
const CONTEXTS: KeyContext[] = [
	...(['none', 'threads', 'race'] as const).flatMap((runs) => [
		tourContext(false, runs),
		tourContext(true, runs),
		tourContext(true, runs, true),
	]),
	...(['scene', 'race', 'dashboard', 'gil'] as const).flatMap((view) =>
		[false, true].flatMap((simulated) => [false, true].flatMap((paused) => SELECTIONS.map((s) => scene(view, simulated, paused, s)))),
	),
	{app: 'scene', view: 'interleavings', simulated: false, paused: false, selection: []},
];

describe('the footers', () => {
	it('reads as each screen shows it', () => {
		expect(line(footerKeys(tourContext(false)))).toBe('← back · → next · r rerun · ? help · q quit');
		expect(line(footerKeys(tourContext(true)))).toBe('← back · → next · r rerun · ? help · q quit');
		expect(line(footerKeys(scene('scene', false)))).toBe('r run again · ? help · q quit');
		expect(line(footerKeys(scene('scene', true)))).toBe('r run again · space pause · ? help · q quit');
		expect(line(footerKeys(scene('race', false)))).toBe('r run again · m mode: all · w walk through · ? help · q quit');
		expect(line(footerKeys(scene('race', true)))).toBe(
			'r run again · m mode: all · space pause · s step · w walk through · ? help · q quit',
		);
		expect(line(footerKeys(scene('race', true, true, ['mutex'])))).toBe(
			'r run again · m mode: mutex · space resume · s step · w walk through · ? help · q quit',
		);
		expect(line(footerKeys(scene('dashboard', true)))).toBe('r run again · space pause · s step · w walk through · ? help · q quit');
		// The GIL's lanes run like threads: nothing to step or walk through, but a seeded run pauses.
		expect(line(footerKeys(scene('gil', false)))).toBe('r run again · ? help · q quit');
		expect(line(footerKeys(scene('gil', true)))).toBe('r run again · space pause · ? help · q quit');
		expect(actionFor('w', scene('gil', true))).toBeUndefined();
		// The tour: space pauses where a seeded slide runs something, and s steps and w replays where it races.
		expect(line(footerKeys(tourContext(false, 'race')))).toBe('← back · → next · r rerun · w walk through · ? help · q quit');
		expect(line(footerKeys(tourContext(true, 'threads')))).toBe('← back · → next · r rerun · space pause · ? help · q quit');
		expect(line(footerKeys(tourContext(true, 'race', true)))).toBe(
			'← back · → next · r rerun · space resume · s step · w walk through · ? help · q quit',
		);
		expect(line(footerKeys(scene('dashboard', true)))).toBe('r run again · space pause · s step · w walk through · ? help · q quit');
		const counted: KeyContext = {app: 'scene', view: 'interleavings', simulated: false, paused: false, selection: []};
		expect(line(footerKeys(counted))).toBe('r real runs · ↑↓ bar · s one step · n another · ? help · q quit');
		expect(actionFor('down', counted)).toBe('down');
		expect(actionFor('n', counted)).toBe('another');
		expect(actionFor('n', scene('race', true))).toBeUndefined();
	});

	it('shows every footed action exactly where it applies', () => {
		for (const binding of KEYS.filter((b) => b.footer))
			for (const context of CONTEXTS) {
				const hint = {keys: binding.footer!.keys, action: binding.footer!.hint(context)};
				expect(
					footerKeys(context).filter((h) => h.keys === hint.keys && h.action === hint.action).length,
					`${binding.action} in ${JSON.stringify(context)}`,
				).toBe(KEYS.some((b) => b.footer?.keys === hint.keys && b.footer.hint(context) === hint.action && b.applies(context)) ? 1 : 0);
			}
	});
});

describe('the help', () => {
	it('leads the tour with the next slide', () => {
		expect(helpKeys(tourContext(false))).toEqual([
			{keys: '→ n space', action: 'next slide'},
			{keys: '← p', action: 'previous slide'},
			{keys: 'r', action: "run the slide's scene again"},
			{keys: '?', action: 'show or hide this help'},
			{keys: 'q Esc Ctrl+C', action: 'quit'},
		]);
	});

	it('says what r does live and simulated, and lists only the keys that work', () => {
		expect(helpKeys(scene('scene', false))).toEqual([
			{keys: 'r', action: 'run again (running threads are stopped and restarted)'},
			{keys: '?', action: 'show or hide this help'},
			{keys: 'q Esc Ctrl+C', action: 'quit'},
		]);
		expect(helpKeys(scene('race', true)).map((h) => h.keys)).toEqual(['r', 'm', 'space', 's', 'w', '?', 'q Esc Ctrl+C']);
		expect(helpKeys(scene('race', true))[0]!.action).toBe('run again from virtual time 0');
		expect(helpKeys(scene('race', true))[3]!.action).toBe("one step: one thread's read, work or write, said on the status line");
		expect(helpKeys(tourContext(true, 'race'))[0]).toEqual({keys: '→ n', action: 'next slide'});
	});

	it('has a line for every key the footer shows, in every context', () => {
		for (const context of CONTEXTS) expect(helpKeys(context).length).toBe(footerKeys(context).length);
	});
});

describe('actionFor', () => {
	it.each([
		['right', tourContext(false), 'next'],
		['n', tourContext(true), 'next'],
		[' ', tourContext(true), 'next'],
		['left', tourContext(false), 'back'],
		['p', tourContext(false), 'back'],
		['r', tourContext(false), 'rerun'],
		['s', tourContext(true), undefined],
		[' ', tourContext(true, 'threads'), 'pause'],
		[' ', tourContext(false, 'race'), 'next'],
		['s', tourContext(true, 'race'), 'step'],
		['s', tourContext(true, 'threads'), undefined],
		['w', tourContext(false, 'race'), 'replay'],
		['w', tourContext(true, 'none'), undefined],
		['w', scene('race', false), 'replay'],
		['w', scene('scene', true), undefined],
		['m', tourContext(true), undefined],
		['r', scene('scene', false), 'rerun'],
		[' ', scene('scene', true), 'pause'],
		[' ', scene('scene', false), undefined],
		['s', scene('scene', true), undefined],
		['s', scene('race', true), 'step'],
		['s', scene('dashboard', true), 'step'],
		['s', scene('race', false), undefined],
		['m', scene('race', false), 'select'],
		['m', scene('dashboard', true), undefined],
		['n', scene('race', true), undefined],
		['left', scene('race', true), undefined],
		['x', scene('race', true), undefined],
	] as const)('%j in %j: %s', (key, context, action) => {
		expect(actionFor(key, context)).toBe(action);
	});

	it('quits, suspends and toggles the help the same in both apps', () => {
		for (const context of CONTEXTS) {
			for (const key of ['q', 'escape', 'ctrl+c']) expect(actionFor(key, context)).toBe('quit');
			expect(actionFor('ctrl+z', context)).toBe('suspend');
			expect(actionFor('?', context)).toBe('help');
		}
	});

	it('never gives one key two meanings in one context', () => {
		for (const context of CONTEXTS) {
			const keys = KEYS.filter((b) => b.applies(context)).flatMap((b) => b.keys);
			expect(new Set(keys).size, JSON.stringify(context)).toBe(keys.length);
		}
	});
});
