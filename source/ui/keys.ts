/** The footer's keys and the help's, for every kind of run. */
import type {KeyHint} from './components/Footer.js';
import type {CounterMode} from '../engine/jobs.js';
import type {View} from '../lessons/view.js';

/** Race mode selection (`m`): all three in turn, or one. */
export const SELECTIONS: ReadonlyArray<readonly CounterMode[]> = [['unsafe', 'mutex', 'atomic'], ['unsafe'], ['mutex'], ['atomic']];

export const selectionName = (modes: readonly CounterMode[]) => (modes.length > 1 ? 'all' : (modes[0] ?? 'all'));

/** `s` steps the seeded scheduler where there is a race to step through. */
export const canStep = (view: View, simulated: boolean): boolean => simulated && view.kind !== 'scene';

export function footerKeys(view: View, simulated: boolean, selection: readonly CounterMode[], paused = false): KeyHint[] {
	return [
		{keys: 'r', action: 'run again'},
		...(view.kind === 'race' ? [{keys: 'm', action: `mode: ${selectionName(selection)}`}] : []),
		...(simulated ? [{keys: 'space', action: paused ? 'resume' : 'pause'}] : []),
		...(canStep(view, simulated) ? [{keys: 's', action: 'step'}] : []),
		{keys: '?', action: 'help'},
		{keys: 'q', action: 'quit'},
	];
}

/** `?`: the keys that do something here, each with a longer description. */
export function helpKeys(view: View, simulated: boolean): KeyHint[] {
	return [
		{keys: 'r', action: simulated ? 'run again from virtual time 0' : 'run again (running threads are stopped and restarted)'},
		...(view.kind === 'race' ? [{keys: 'm', action: 'the mode shown and run next: all, unsafe, mutex, atomic'}] : []),
		...(simulated ? [{keys: 'space', action: 'pause or resume the virtual clock'}] : []),
		...(canStep(view, simulated) ? [{keys: 's', action: "one step: one thread's read, work or write"}] : []),
		{keys: '?', action: 'show or hide this help'},
		{keys: 'q Esc Ctrl+C', action: 'quit'},
	];
}
