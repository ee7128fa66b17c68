// What a site configures on the script tag:
//   <script src="https://switchboard.example/widget.js" data-site-key="sb_live_…" data-flow="banking-support"></script>
// Optional: data-title, data-subtitle, data-accent (a CSS colour), data-customer (JSON of unsigned
// customer fields), data-customer-token (signed by the site's backend), data-personalisation="off",
// data-open="true" (open on load), data-channel.

export interface WidgetConfig {
  /** Origin of the Switchboard server: where the script came from. */
  apiBase: string;
  siteKey: string;
  flowId: string;
  /** Header title. Default "Support". */
  title: string;
  /** Line under the title while the bot answers. Default "Virtual assistant · replies instantly". */
  subtitle: string;
  /** Accent colour. Default #2f5bea. */
  accent: string;
  customer: Record<string, unknown> | undefined;
  customerToken: string | undefined;
  personalisation: boolean;
  openOnLoad: boolean;
  channel: string;
}

export type ConfigResult = { ok: true; config: WidgetConfig } | { ok: false; problem: string };

const safeColour = (value: string | undefined) => (value && /^(#[0-9a-fA-F]{3,8}|rgb\([\d\s,.%]+\)|hsl\([\d\s,.%deg]+\))$/.test(value) ? value : '#2f5bea');

export function readConfig(script: HTMLScriptElement): ConfigResult {
  const d = script.dataset;
  if (!d.siteKey) return { ok: false, problem: 'data-site-key is missing on the widget script tag' };
  if (!d.flow) return { ok: false, problem: 'data-flow is missing on the widget script tag' };
  let customer: Record<string, unknown> | undefined;
  if (d.customer) {
    try {
      const parsed: unknown = JSON.parse(d.customer);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) customer = parsed as Record<string, unknown>;
    } catch {
      return { ok: false, problem: 'data-customer must be a JSON object' };
    }
  }
  return {
    ok: true,
    config: {
      apiBase: new URL(script.src, document.baseURI).origin,
      siteKey: d.siteKey,
      flowId: d.flow,
      title: d.title?.trim() || 'Support',
      subtitle: d.subtitle?.trim() || 'Virtual assistant · replies instantly',
      accent: safeColour(d.accent),
      customer,
      customerToken: d.customerToken || undefined,
      personalisation: d.personalisation !== 'off',
      openOnLoad: d.open === 'true',
      channel: d.channel || 'web',
    },
  };
}
