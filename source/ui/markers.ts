import {createContext, useContext} from 'react';

/**
 * Told when a scene, race mode or slide starts (`race unsafe`, `slide 3/10: …`): a live
 * recording marks it (output/record.ts provides it). Nothing by default.
 */
export const MarkerContext = createContext<(label: string) => void>(() => undefined);
export const useMarker = () => useContext(MarkerContext);
