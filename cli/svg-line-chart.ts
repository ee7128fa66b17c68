// A dependency-free SVG line chart for `switchboard tune --chart`: a few series over one x axis.
export interface Series {
  name: string;
  colour: string;
  points: Array<{ x: number; y: number }>;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Renders series with y in 0..1 (shown as percentages); `marker` draws a vertical line at that x. */
export function svgLineChart(title: string, xLabel: string, series: Series[], marker?: { x: number; label: string }): string {
  const width = 720;
  const height = 420;
  const pad = { left: 56, right: 180, top: 40, bottom: 48 };
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const px = (x: number) => pad.left + ((x - xMin) / (xMax - xMin || 1)) * (width - pad.left - pad.right);
  const py = (y: number) => pad.top + (1 - y) * (height - pad.top - pad.bottom);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${pad.left}" y="24" font-size="15" font-weight="600">${escape(title)}</text>`,
  ];
  for (let i = 0; i <= 10; i++) {
    const y = py(i / 10);
    out.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y}" y2="${y}" stroke="#eee"/>`, `<text x="${pad.left - 8}" y="${y + 4}" text-anchor="end" fill="#555">${i * 10}%</text>`);
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(`<text x="${px(x)}" y="${height - pad.bottom + 18}" text-anchor="middle" fill="#555">${x.toFixed(2)}</text>`);
  }
  out.push(`<text x="${(pad.left + width - pad.right) / 2}" y="${height - 10}" text-anchor="middle">${escape(xLabel)}</text>`);
  if (marker) {
    out.push(
      `<line x1="${px(marker.x)}" x2="${px(marker.x)}" y1="${pad.top}" y2="${height - pad.bottom}" stroke="#333" stroke-dasharray="4 3"/>`,
      `<text x="${px(marker.x) + 4}" y="${pad.top + 12}" fill="#333">${escape(marker.label)}</text>`,
    );
  }
  series.forEach((s, i) => {
    const path = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    out.push(`<path d="${path}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    for (const p of s.points) out.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="2.5" fill="${s.colour}"/>`);
    const ly = pad.top + 10 + i * 20;
    out.push(`<rect x="${width - pad.right + 16}" y="${ly - 8}" width="12" height="3" fill="${s.colour}"/>`, `<text x="${width - pad.right + 34}" y="${ly - 3}">${escape(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
