// Every schedule of a small race, counted: 2 threads × 3 increments of x = x + 1 (a read, then a
// write) can interleave in 924 ways; the model counts each final value's share without listing them.
import {countInterleavings, exampleSchedule, replay, show} from 'threadlab';

if (process.stdout.isTTY) {
	process.exitCode = await show({scene: 'interleavings'});
} else {
	const shape = {threads: 2, increments: 3, mode: 'unsafe' as const};
	const count = countInterleavings(shape);
	console.log(`${count.schedules} schedules; ${(count.lossShare * 100).toFixed(1)}% lose an update`);
	for (const [final, ways] of count.byFinal) console.log(`  final ${final}: ${ways} schedules`);
	// One schedule that ends on the smallest value, stepped: who read what, who wrote over whom.
	const {total, schedule} = exampleSchedule(shape, count.minFinal, 0n);
	console.log(`the first of the ${total} schedules that end on ${count.minFinal}:`);
	for (const step of replay(shape, schedule ?? [])) console.log(`  ${step.text}`);
}
