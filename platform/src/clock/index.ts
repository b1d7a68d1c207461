export { type Clock, OffsetClock, systemClock } from './clock';
export { loadClockOffset, saveClockOffset } from './persisted';
