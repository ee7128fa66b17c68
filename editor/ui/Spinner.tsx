// A small busy indicator with a text alternative.
export function Spinner({ label = 'Loading', size = 16 }: { label?: string; size?: number }) {
  return <span className="spinner" role="status" aria-label={label} style={{ width: size, height: size }} />;
}
