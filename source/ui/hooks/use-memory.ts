import {useEffect, useState} from 'react';

/** The process's resident memory in MB, read once a second: every worker thread counts. */
export function useMemory(): number {
	const read = () => Math.round(process.memoryUsage.rss() / 1024 / 1024);
	const [rss, setRss] = useState(read);
	useEffect(() => {
		const timer = setInterval(() => setRss(read()), 1000);
		return () => clearInterval(timer);
	}, []);
	return rss;
}
