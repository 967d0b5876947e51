// The time now, re-read every `everyMs`: for screens whose states move with the clock (a round
// turning due, an outage's duration, a restore deadline counting down) without a reload.
import { useEffect, useState } from 'react';

export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
