/**
 * The main thread's side of a scene, as the notebook writes it:
 * `thread.start()`, `thread.join()`, `print()`. A scene's main program is a
 * generator written against this interface: it `yield`s a join where Python
 * blocks. Real runs await the join on shared memory; simulated runs resume it
 * at the thread's virtual end, synchronously. One program, both clocks.
 */
export interface Join {
	readonly join: number;
}

export interface ThreadHandle {
	/** `thread.start()`: returns at once, the thread runs on its own. */
	start(): void;
	/** `thread.join()`: `yield` it; the program resumes when the thread has finished. */
	join(): Join;
}

export interface Lab {
	thread(index: number): ThreadHandle;
	/** `print()` on the main thread. */
	print(text: string): void;
}

export type MainProgram = (lab: Lab) => Generator<Join, void, void>;
