/** The closing slide: what the talk measured, one line per slide that ran. Pure. */
import {fixed, grouped} from './format.js';
import {gilResult} from './gil.js';
import type {Snapshot} from './snapshot.js';

export function measuredLine(id: string, snapshots: readonly Snapshot[]): string | null {
	if (snapshots.some((snapshot) => snapshot.gil)) {
		const {summary} = gilResult(snapshots);
		return summary ? `${id}: ${summary.short}` : null;
	}
	const done = snapshots.filter((snapshot) => snapshot.finished);
	if (done.length === 0) return null;
	const race = done[0]!.race;
	if (race) {
		const verdict =
			race.lost > 0
				? `lost ${grouped(race.lost)} of ${grouped(race.expected)} updates (${race.lostPercent.toFixed(1)}%)`
				: `exact, ${grouped(race.actual)}`;
		const waits = race.mode === 'mutex' ? `, ${grouped(race.contended)} waits for the lock` : '';
		return `${race.mode}: ${verdict} in ${fixed(race.elapsedMs)} s${waits}`;
	}
	const summary = done[0]!.summary;
	return summary ? `${id}: ${summary.line}` : null;
}

export function measuredLines(results: ReadonlyMap<string, readonly Snapshot[]>): string[] {
	return [...results].flatMap(([id, snapshots]) => measuredLine(id, snapshots) ?? []);
}
