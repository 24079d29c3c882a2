import {useEffect, useState} from 'react';

/** The process's resident memory in MB, read once a second: every worker thread counts. */
const read = () => Math.round(process.memoryUsage.rss() / 1024 / 1024);

export function useMemory(): number {
	const [rss, setRss] = useState(read);
	useEffect(() => {
		const timer = setInterval(() => setRss(read()), 1000);
		return () => clearInterval(timer);
	}, []);
	return rss;
}
