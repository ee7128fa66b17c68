// Detects a layout whose nodes sit on top of each other (typical of flows written by hand or
// generated for smaller node cards), so the canvas can offer to tidy it up.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How many nodes overlap another node by more than a sliver (sweep over x, O(n log n) typical). */
export function overlappingNodes(boxes: readonly Box[]): number {
  if (boxes.length < 2) return 0;
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const overlapping = new Set<number>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.x >= a.x + a.width - 8) break;
      const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (dy > 8) {
        overlapping.add(i);
        overlapping.add(j);
      }
    }
  }
  return overlapping.size;
}
