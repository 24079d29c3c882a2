/** useSim: a seeded session on the screen's clock, paused and stepped by the keys, the same frames for the same seed. */
import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {SimSession} from '../../source/engine/sim/session.js';
import {lanesFor} from '../../source/lessons/view.js';
import {type Snapshot, allFinished, toSnapshots} from '../../source/model/snapshot.js';
import {type Sim, useSim} from '../../source/ui/hooks/use-sim.js';
import {settle, until} from '../helpers/ink.js';

const lanes = lanesFor({kind: 'race', modes: ['unsafe'], race: {threads: 2, increments: 3, workMicros: 200}});
const race = (snapshots: Snapshot[][]) => snapshots[0]![0]!;

let sim: Sim;
function Probe({seed, fps, runKey = 0}: {seed: number; fps: number; runKey?: number}) {
	sim = useSim(lanes, seed, fps, 16, runKey);
	return <Text>{race(sim.snapshots).lastStep ?? 'not started'}</Text>;
}

/** The engine's own session, stepped `steps` times: what the screen must show. */
function stepped(seed: number, steps: number): Snapshot[][] {
	const session = new SimSession(lanes, seed);
	for (let i = 0; i < steps; i++) session.step();
	return toSnapshots(session.samples());
}

async function stepMounted(seed: number, steps: number) {
	// One frame a second: nothing advances before the steps pause the clock.
	const mounted = render(<Probe seed={seed} fps={1} />);
	const lines: string[] = [];
	for (let i = 0; i < steps; i++) {
		const before = sim.snapshots;
		sim.step();
		await until(() => sim.snapshots !== before);
		lines.push(mounted.lastFrame()!);
	}
	return {...mounted, lines};
}

afterEach(cleanup);

describe('useSim', () => {
	it('advances on the wall clock to the same end as the engine run to its end', async () => {
		const {lastFrame, unmount} = render(<Probe seed={7} fps={60} />);
		expect(lastFrame()).toBe('not started');
		await until(() => allFinished(sim.snapshots));
		expect(allFinished(sim.snapshots)).toBe(true);
		expect(sim.paused).toBe(false);
		const end = new SimSession(lanes, 7);
		end.advanceTo(Number.POSITIVE_INFINITY);
		expect(sim.snapshots).toEqual(toSnapshots(end.samples()));
		unmount();
	});

	it("step pauses the clock and runs one thread's read, work or write at a time", async () => {
		const {lines, unmount} = await stepMounted(3, 6);
		expect(sim.paused).toBe(true);
		for (const text of lines) expect(text).toMatch(/^thread_\d (read \d|did its work \(read \d, not yet written\)|wrote \d)/);
		// Each thread reads, works, then writes.
		for (const name of new Set(lines.map((text) => text.split(' ')[0]))) {
			const own = lines.filter((text) => text.startsWith(`${name} `)).map((text) => text.split(' ')[1]);
			expect(['read', 'did', 'wrote'].slice(0, own.length)).toEqual(own.slice(0, 3));
		}
		expect(sim.snapshots).toEqual(stepped(3, 6));
		// Paused: the wall clock moves on, the screen does not.
		const before = sim.snapshots;
		await settle(1100);
		expect(sim.snapshots).toBe(before);
		unmount();
	});

	it('shows the same frames for the same seed', async () => {
		const first = await stepMounted(11, 9);
		first.unmount();
		const second = await stepMounted(11, 9);
		second.unmount();
		expect(second.lines).toEqual(first.lines);
		expect(new Set(first.lines).size).toBeGreaterThan(1);
	});

	it('starts over with a new run key', async () => {
		const {rerender, lastFrame, unmount} = await stepMounted(5, 4);
		expect(sim.snapshots).toEqual(stepped(5, 4));
		rerender(<Probe seed={5} fps={1} runKey={1} />);
		await until(() => lastFrame() === 'not started');
		expect(lastFrame()).toBe('not started');
		expect(sim.snapshots).toEqual(stepped(5, 0));
		unmount();
	});
});
