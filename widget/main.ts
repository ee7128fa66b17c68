// The widget's entry point, run by its one script tag: reads the tag's data attributes, mounts the
// chat in a shadow root at the end of <body>, and exposes `SwitchboardWidget.open()` / `.close()`.
import { ChatController } from './chat-controller.ts';
import { readConfig } from './widget-config.ts';

const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-site-key][src*="widget"]');
let controller: ChatController | null = null;

function mount(): void {
  if (!script) {
    console.error('Switchboard widget: could not find its script tag.');
    return;
  }
  const config = readConfig(script);
  if (!config.ok) {
    console.error(`Switchboard widget: ${config.problem}.`);
    return;
  }
  const host = document.createElement('div');
  host.id = 'switchboard-widget';
  document.body.append(host);
  controller = new ChatController(host, config.config);
  void controller.init();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
else mount();

/** Opens the chat panel (for a site's own "Chat with us" link). */
export function open(): void {
  controller?.open();
}

/** Closes the chat panel. */
export function close(): void {
  controller?.close();
}
