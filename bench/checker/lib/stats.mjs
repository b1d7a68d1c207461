// Small numeric helpers for the benchmark tables. MB = 10^6 bytes.
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mbPerSecond(bytes, ms) {
  return bytes / 1e6 / (ms / 1000);
}

export function fixed(value, digits = 2) {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}
