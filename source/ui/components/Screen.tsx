import type {View} from '../../lessons/view.js';
import {COUNTER_MODES, type CounterMode} from '../../engine/jobs.js';
import {idleDeadlockSample} from '../../model/deadlock.js';
import {idleSample} from '../../model/idle.js';
import {type Snapshot, toSnapshot} from '../../model/snapshot.js';
import {GIL_CODE} from '../../lessons/gil.js';
import {DashboardView} from './DashboardView.js';
import {DeadlockView} from './DeadlockView.js';
import {DEADLOCK_CODE, DEADLOCK_LESSON} from '../../lessons/index.js';
import {GilView} from './GilView.js';
import type {KeyHint} from './Footer.js';
import type {LockColumn} from './LockPanel.js';
import {RaceView} from './RaceView.js';
import {SceneView} from './SceneView.js';

export interface ScreenProps {
	view: View;
	/** Per lane, per program: what `useRuns` (or a simulation) sampled. */
	snapshots: readonly (readonly Snapshot[])[];
	/** Race snapshots of earlier runs, by mode, so every column keeps its last result. */
	latest?: ReadonlyMap<CounterMode, Snapshot>;
	selected: readonly CounterMode[];
	width: number;
	height: number;
	keys: readonly KeyHint[];
	helpKeys: readonly KeyHint[];
	help: boolean;
	label?: string;
	/** Race workers show the value they last read (simulated runs). */
	registers?: boolean;
}

function columnsOf(props: ScreenProps, modes: readonly CounterMode[]): LockColumn[] {
	const current = new Map<CounterMode, Snapshot>();
	for (const snapshot of props.snapshots.flat()) if (snapshot.race) current.set(snapshot.race.mode, snapshot);
	return modes.map((mode) => ({
		mode,
		snapshot: current.get(mode) ?? props.latest?.get(mode) ?? null,
		selected: props.selected.length === 1 && props.selected[0] === mode,
	}));
}

/** Picks the view for what runs; pure, so frames can be rendered to strings too. */
export function Screen(props: ScreenProps) {
	const {view} = props;
	const label = props.label ?? 'real threads';
	const common = {width: props.width, height: props.height, keys: props.keys, helpKeys: props.helpKeys, help: props.help, label};
	switch (view.kind) {
		case 'scene': {
			const {scene} = view;
			const snapshot = props.snapshots[0]?.[0] ?? toSnapshot(idleSample(scene.name, []));
			return <SceneView {...common} snapshot={snapshot} title={scene.title} lesson={scene.lesson} code={scene.code} />;
		}
		case 'race':
			return <RaceView {...common} columns={columnsOf(props, COUNTER_MODES)} registers={props.registers ?? false} />;
		case 'dashboard': {
			const sleepers = props.snapshots[0]?.[0] ?? toSnapshot(idleSample('sleepers', []));
			return (
				<DashboardView
					{...common}
					sleepers={sleepers}
					columns={columnsOf(props, ['unsafe', 'mutex'])}
					registers={props.registers ?? false}
				/>
			);
		}
		case 'deadlock': {
			const lanes = view.orders.map(
				(order, i) =>
					props.snapshots[i]?.[0] ??
					toSnapshot(idleDeadlockSample(order, view.deadlock.threads, view.deadlock.increments, view.deadlock.workMicros)),
			);
			const code = view.orders.length === 1 ? DEADLOCK_CODE[view.orders[0]!] : DEADLOCK_CODE.opposite;
			return <DeadlockView {...common} lanes={lanes} title="two locks, two orders" lesson={DEADLOCK_LESSON} code={code} />;
		}
		case 'gil':
			return <GilView {...common} snapshots={props.snapshots[0] ?? []} code={GIL_CODE} />;
	}
}
