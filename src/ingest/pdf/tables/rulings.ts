import type { Ruling } from "../types.js";

/** Rulings closer than this (pt) across their direction are one line drawn twice or in pieces. */
export const SNAP_TOLERANCE = 3;
/** Collinear rulings closer than this (pt) end to end are one line: Word draws a border per cell. */
export const JOIN_TOLERANCE = 3;
/** A ruling shorter than this once joined is a tick or a dash, not a table border. */
const MIN_LENGTH = 4;

/**
 * The page's rulings of one orientation, collinear pieces joined: nearby positions are snapped to
 * their mean (a border drawn as a thin rectangle and a stroke on top of it), then overlapping or
 * nearly touching pieces are merged. Sorted by position, then start.
 */
export function mergeRulings(rulings: Ruling[], orientation: Ruling["orientation"]): Ruling[] {
  const own = rulings
    .filter((ruling) => ruling.orientation === orientation && Number.isFinite(ruling.at) && ruling.to > ruling.from)
    .sort((p, q) => p.at - q.at);
  const merged: Ruling[] = [];
  let start = 0;
  while (start < own.length) {
    let end = start + 1;
    // Measured from the cluster's first ruling, so closely spaced hatching does not chain into one.
    while (end < own.length && (own[end]?.at ?? Infinity) - (own[start]?.at ?? 0) <= SNAP_TOLERANCE) end++;
    merged.push(...joinCluster(own.slice(start, end), orientation));
    start = end;
  }
  return merged.filter((ruling) => ruling.to - ruling.from >= MIN_LENGTH).sort((p, q) => p.at - q.at || p.from - q.from);
}

function joinCluster(cluster: Ruling[], orientation: Ruling["orientation"]): Ruling[] {
  // Weighted by length, so that a long border is not pulled aside by a short tick beside it.
  let weight = 0;
  let sum = 0;
  for (const ruling of cluster) {
    const length = ruling.to - ruling.from;
    weight += length;
    sum += ruling.at * length;
  }
  const at = weight > 0 ? sum / weight : (cluster[0]?.at ?? 0);
  const sorted = cluster.slice().sort((p, q) => p.from - q.from);
  const joined: Ruling[] = [];
  for (const ruling of sorted) {
    const last = joined[joined.length - 1];
    if (last && ruling.from <= last.to + JOIN_TOLERANCE) {
      last.to = Math.max(last.to, ruling.to);
      continue;
    }
    joined.push({ orientation, at, from: ruling.from, to: ruling.to });
  }
  return joined;
}
