/** A clock that re-renders once a second while active (elapsed time, "next check in"), and not otherwise. */
import { useEffect, useState } from 'react';

/** The current time, refreshed every second while `active`. */
export function useTickingClock(now: () => number, active: boolean): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(timer);
  }, [now, active]);
  return active ? time : now();
}
