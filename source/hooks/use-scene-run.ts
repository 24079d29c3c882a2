import {useEffect, useRef, useState} from 'react';
import type {WorkerPool} from '../engine/pool.js';
import {RealRun, type RunProgram} from '../engine/run.js';
import {idleSample} from '../model/idle.js';
import {type Snapshot, toSnapshot} from '../model/snapshot.js';

/**
 * Runs `program` on real workers and samples shared memory on one clock at
 * `fps`. The snapshot only changes (and Ink only re-renders) when something
 * visible moved: a spinner frame, a tenth of a second, a state, a log line.
 * Changing `runKey` aborts the run and starts it again (`r`).
 */
export function useSceneRun(pool: WorkerPool, program: RunProgram, fps: number, frameMs: number, runKey: number, onError: (error: unknown) => void): Snapshot {
	const [snapshot, setSnapshot] = useState(() => toSnapshot(idleSample(program.scene, program.threads)));
	const previous = useRef<Promise<void>>(Promise.resolve());
	useEffect(() => {
		let run: RealRun | undefined;
		let cancelled = false;
		let lastKey = '';
		const publish = () => {
			if (!run) return;
			const next = toSnapshot(run.sample());
			const key = `${Math.floor(next.clockMs / Math.min(frameMs, 100))}|${next.log.length}|${next.main.state}|${next.finished}|${next.threads.map((t) => t.state).join()}`;
			if (key !== lastKey) {
				lastKey = key;
				setSnapshot(next);
			}
		};
		setSnapshot(toSnapshot(idleSample(program.scene, program.threads)));
		const timer = setInterval(publish, 1000 / fps);
		// A rerun starts only once the previous run's workers are back in the pool.
		const prepared = previous.current.then(async () => (cancelled ? undefined : RealRun.prepare(pool, program)));
		prepared
			.then(async (prepared) => {
				run = prepared;
				if (!run || cancelled) return;
				await run.run();
				clearInterval(timer);
				publish();
			})
			.catch(onError);
		return () => {
			cancelled = true;
			clearInterval(timer);
			previous.current = prepared.then(async (run) => run?.abort()).catch(() => undefined);
		};
	}, [pool, program, fps, frameMs, runKey, onError]);
	return snapshot;
}
