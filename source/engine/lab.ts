/**
 * The main thread's side of a scene, as the notebook writes it:
 * `thread.start()`, `thread.join()`, `print()`. A scene's program is written
 * against this interface only, so the same program runs on real workers
 * (`RealRun`) and on a simulated clock.
 */
export interface ThreadHandle {
	/** `thread.start()`: returns at once, the thread runs on its own. */
	start(): void;
	/** `thread.join()`: resolves when the thread has finished (done or failed). */
	join(): Promise<void>;
}

export interface Lab {
	thread(index: number): ThreadHandle;
	/** `print()` on the main thread. */
	print(text: string): void;
}
