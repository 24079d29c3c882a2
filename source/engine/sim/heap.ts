/** A binary min-heap: the simulation's queue of pending steps. */
export class MinHeap<T> {
	readonly #items: T[] = [];

	constructor(private readonly less: (a: T, b: T) => boolean) {}

	get size(): number {
		return this.#items.length;
	}

	peek(): T | undefined {
		return this.#items[0];
	}

	push(item: T): void {
		const items = this.#items;
		items.push(item);
		for (let i = items.length - 1; i > 0; ) {
			const parent = (i - 1) >> 1;
			if (!this.less(items[i]!, items[parent]!)) break;
			[items[i], items[parent]] = [items[parent]!, items[i]!];
			i = parent;
		}
	}

	pop(): T | undefined {
		const items = this.#items;
		const top = items[0];
		const last = items.pop();
		if (items.length > 0 && last !== undefined) {
			items[0] = last;
			for (let i = 0; ; ) {
				const left = 2 * i + 1;
				const right = left + 1;
				let smallest = i;
				if (left < items.length && this.less(items[left]!, items[smallest]!)) smallest = left;
				if (right < items.length && this.less(items[right]!, items[smallest]!)) smallest = right;
				if (smallest === i) break;
				[items[i], items[smallest]] = [items[smallest]!, items[i]!];
				i = smallest;
			}
		}
		return top;
	}
}
