// Icons drawn as SVG, so they look the same on every device (emoji fonts are missing on
// many, and a missing glyph shows as an empty box). Always next to words, never alone.
export type IconName = 'danger' | 'warning' | 'ok' | 'lock' | 'message' | 'search' | 'list' | 'key' | 'building' | 'camera' | 'photo' | 'keypad';

const PATHS: Record<IconName, string> = {
  danger: 'M8 2h8l6 6v8l-6 6H8l-6-6V8zM11 6h2v8h-2zM11 16h2v2h-2z',
  warning: 'M12 2 1 21h22zM11 9h2v6h-2zM11 17h2v2h-2z',
  ok: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1.5 14.5-4.5-4.5 1.4-1.4 3.1 3.1 6.6-6.6 1.4 1.4z',
  lock: 'M6 10V7a6 6 0 0 1 12 0v3h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1zm2 0h8V7a4 4 0 0 0-8 0z',
  message: 'M2 5a1 1 0 0 1 1-1h18a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1zm2 1.5V18h16V6.5l-8 6z',
  search: 'M10 2a8 8 0 0 1 6.3 12.9l5.4 5.4-1.4 1.4-5.4-5.4A8 8 0 1 1 10 2zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12z',
  list: 'M3 5h3v3H3zM9 5.5h12v2H9zM3 11h3v3H3zM9 11.5h12v2H9zM3 17h3v3H3zM9 17.5h12v2H9z',
  building: 'M4 2h11v6h5v14H4zm2 2v16h3v-3h3v3h1V4zm9 6v10h3V10zM8 6h2v2H8zm3 0h2v2h-2zM8 10h2v2H8zm3 0h2v2h-2zM8 14h2v2H8zm3 0h2v2h-2z',
  camera: 'M9 3h6l1.5 2H21a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h4.5zm3 5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zm0 2a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z',
  photo: 'M3 4h18a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v10.6l4.5-4.6 3.5 3.5 2.5-2.5L20 18.5V6zm12 1.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4z',
  keypad: 'M4 3h4v4H4zm6 0h4v4h-4zm6 0h4v4h-4zM4 9h4v4H4zm6 0h4v4h-4zm6 0h4v4h-4zM4 15h4v4H4zm6 0h4v4h-4zm6 0h4v4h-4zm-6 6h4v2h-4z',
  key: 'M8 8a6 6 0 1 1 4.9 5.9L11 16H9v2H7v2H3v-4l5.1-5.1A6 6 0 0 1 8 8zm6-2a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
};

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={className ?? 'icon'} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
