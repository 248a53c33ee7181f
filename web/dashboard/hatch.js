// The one look of a withheld cell, on the map and in every chart: grey diagonal hatching, never a colour of the
// scale. An image pattern (a small canvas) that both renderers accept as a fill; the SVG renderer turns it into an
// SVG <pattern> with a data: image, which the page's CSP allows for images only.

export const SUPPRESSED_FILL = '#e4e7eb';
export const SUPPRESSED_LINE = '#8c96a3';

let pattern;
export function hatch() {
  if (pattern) return pattern;
  const size = 8;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d');
  g.fillStyle = SUPPRESSED_FILL;
  g.fillRect(0, 0, size, size);
  g.strokeStyle = SUPPRESSED_LINE;
  g.lineWidth = 1.2;
  g.beginPath();
  // Two segments so that the stripes join across tiles.
  g.moveTo(0, size);
  g.lineTo(size, 0);
  g.moveTo(-size / 2, size / 2);
  g.lineTo(size / 2, -size / 2);
  g.moveTo(size / 2, size * 1.5);
  g.lineTo(size * 1.5, size / 2);
  g.stroke();
  pattern = { image: canvas, repeat: 'repeat' };
  return pattern;
}
