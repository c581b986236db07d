// The score bands of the contract's Rating (GREEN 1-4, AMBER 5-12, RED 15-25) and the colours
// they are drawn in. Each pair passes WCAG AA contrast for its text (6.2:1, 11.9:1, 6.3:1).
export type Band = 'GREEN' | 'AMBER' | 'RED';

export function bandOf(score: number): Band {
  if (score <= 4) return 'GREEN';
  if (score <= 12) return 'AMBER';
  return 'RED';
}

export const BAND_COLOURS: Record<Band, { background: string; text: string }> = {
  GREEN: { background: '#00703c', text: '#ffffff' },
  AMBER: { background: '#ffbf47', text: '#0b0c0c' },
  RED: { background: '#b52a1c', text: '#ffffff' },
};
