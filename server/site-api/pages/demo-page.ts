// /demo: a pretend bank's help page with the chat widget embedded by its one script tag, using
// the demo site's key — the quickest way to see a flow run as a customer would.
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function demoPage(o: { siteKey: string | null; flowId: string }): string {
  const widget = o.siteKey
    ? `<script src="/widget.js" data-site-key="${escape(o.siteKey)}" data-flow="${escape(o.flowId)}" data-title="Northwind Bank" data-customer='{"firstName":"Ada","tier":"standard"}' defer></script>`
    : '';
  const missing = o.siteKey
    ? ''
    : `<div class="note"><strong>No demo key.</strong> The demo site's key is shown only when it is created. Start the server with <code>DEMO_SITE_KEY=&lt;key&gt;</code> (at least 20 characters; it is registered if new), or open <code>/demo?key=&lt;site key&gt;</code>.</div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Help centre — Northwind Bank (Switchboard demo)</title>
<style>
  :root { color-scheme: light; font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: #f4f6fb; color: #1d2433; }
  header { background: #14213d; color: #fff; padding: 20px 40px; display: flex; align-items: center; gap: 12px; }
  header .logo { width: 32px; height: 32px; border-radius: 8px; background: linear-gradient(135deg, #4f7cff, #8fd3ff); }
  header h1 { font-size: 20px; margin: 0; font-weight: 600; }
  main { max-width: 880px; margin: 40px auto; padding: 0 24px; }
  .hero { background: #fff; border-radius: 16px; padding: 32px; box-shadow: 0 1px 3px rgba(20,33,61,.08); }
  .hero h2 { margin: 0 0 8px; font-size: 28px; }
  .hero p { margin: 0; color: #4a5568; line-height: 1.6; }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 16px; margin-top: 24px; }
  .card { background: #fff; border-radius: 12px; padding: 20px; box-shadow: 0 1px 3px rgba(20,33,61,.08); }
  .card h3 { margin: 0 0 6px; font-size: 16px; }
  .card p { margin: 0; color: #4a5568; font-size: 14px; line-height: 1.5; }
  .note { margin-top: 24px; background: #fff7e6; border: 1px solid #f5c26b; border-radius: 12px; padding: 16px; line-height: 1.5; }
  .hint { margin-top: 24px; color: #4a5568; font-size: 14px; }
</style>
</head>
<body>
<header><div class="logo" aria-hidden="true"></div><h1>Northwind Bank</h1></header>
<main>
  <section class="hero">
    <h2>How can we help?</h2>
    <p>Questions about your card, payments, transfers or your account? Our assistant answers most of them at once, and hands you to a person whenever you need one.</p>
  </section>
  <div class="grid">
    <div class="card"><h3>Cards</h3><p>Activate a new card, report it lost or stolen, or check when it arrives.</p></div>
    <div class="card"><h3>Payments</h3><p>Find a payment you don't recognise, or a refund that hasn't shown up.</p></div>
    <div class="card"><h3>Transfers</h3><p>Send money, cancel a transfer, or track one that hasn't arrived.</p></div>
  </div>
  <p class="hint">This is a Switchboard demo: the chat button in the corner runs the <code>${escape(o.flowId)}</code> flow. Try "my card was stolen".</p>
  ${missing}
</main>
${widget}
</body>
</html>
`;
}
