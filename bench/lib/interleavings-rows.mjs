// 6. interleavings: the rows, counting every schedule of an unsafe race exactly (3 × 3, 4 × 2,
// 4 × 4) and the largest T × K counted within the budget in all.
import {INDEX, P, log} from './config.mjs';
import {TIMED, largestWithin, timeCount} from './interleavings.mjs';
import {stats} from './proc.mjs';
import {row} from './table.mjs';

/** The interleavings rows, counted on the library `lib` (dist/index.js). */
export async function interleavingRows(lib) {
	const rows = [];
	const exact = (n) => n.toLocaleString('en');
	for (const {shape, goal} of TIMED) {
		const {threads: t, increments: k} = shape;
		log(`interleavings: counting ${t} × ${k} unsafe, ${P.interleavingRuns} runs`);
		const runs = Array.from({length: P.interleavingRuns}, () => timeCount(lib.countInterleavings, shape));
		const detail = `${exact(runs[0].states)} states · runs in order: ${runs.map((r) => `${r.ms.toFixed(1)} ms`).join(', ')}`;
		rows.push(
			row(
				`interleavings.count${t}x${k}`,
				`count ${t} × ${k} exactly: ${exact(runs[0].schedules)} schedules`,
				'ms',
				stats(runs.map((r) => r.ms)),
				goal,
				detail,
			),
		);
	}
	const budget = P.interleavingBudgetMs;
	log(`interleavings: the largest T × K counted within ${budget / 1000} s`);
	const search = await largestWithin(INDEX, budget);
	const name = ({threads, increments}) => `${threads} × ${increments}`;
	const label = `largest T × K counted within ${budget / 1000} s in all: ${search.largest ? name(search.largest.shape) : 'none'}`;
	const stopped = search.stopped
		? `; the next, ${name(search.stopped.shape)}, stopped unfinished after ${(search.stopped.afterMs / 1000).toFixed(1)} s`
		: '; every shape counted';
	const detail = search.largest
		? `${exact(search.largest.schedules)} schedules, ${exact(search.largest.states)} states; ${search.counted.length} shapes counted in order of their schedules (T 2..4, K 1..8)${stopped}`
		: 'nothing counted';
	rows.push(row('interleavings.largest', label, 'ms', stats(search.largest ? [search.largest.ms] : []), null, detail));
	return rows;
}
