// A keyboard key, written for the platform (⌘ on macOS, Ctrl elsewhere).
const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Kbd({ keys }: { keys: string }) {
  return (
    <span className="kbd-group">
      {keys.split('+').map((k) => (
        <kbd key={k} className="kbd">
          {k === 'Mod' ? (mac ? '⌘' : 'Ctrl') : k}
        </kbd>
      ))}
    </span>
  );
}
