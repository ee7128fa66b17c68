// The widget's styles, scoped to its shadow root so the host page's CSS cannot reach in (and ours
// cannot leak out). `--sb-accent` comes from data-accent.
export const styles = `
:host { all: initial; }
:host, * { box-sizing: border-box; }
.root {
  --sb-accent: #2f5bea;
  --sb-ink: #1b2230;
  --sb-muted: #5b6475;
  --sb-line: #e4e8f0;
  --sb-bot: #f1f3f8;
  --sb-radius: 18px;
  font: 400 15px/1.45 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--sb-ink);
  -webkit-font-smoothing: antialiased;
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  display: flex; flex-direction: column; align-items: flex-end; gap: 14px;
}
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button { font: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible, input:focus-visible + .star, .star:focus-visible { outline: 3px solid color-mix(in srgb, var(--sb-accent) 45%, white); outline-offset: 2px; }

.launcher {
  width: 60px; height: 60px; border-radius: 50%; border: 0; background: var(--sb-accent); color: #fff;
  display: grid; place-items: center; box-shadow: 0 10px 30px rgba(20, 30, 60, .28), 0 2px 6px rgba(20, 30, 60, .2);
  transition: transform .18s ease, box-shadow .18s ease; position: relative;
}
.launcher:hover { transform: translateY(-2px); box-shadow: 0 14px 34px rgba(20, 30, 60, .32); }
.launcher svg { width: 28px; height: 28px; }
.launcher .badge { position: absolute; top: 2px; right: 2px; min-width: 18px; height: 18px; padding: 0 5px; border-radius: 9px; background: #e5484d; color: #fff; font-size: 11px; font-weight: 700; line-height: 18px; display: none; }
.launcher .badge.show { display: block; }

.panel {
  width: min(390px, calc(100vw - 24px)); height: min(620px, calc(100vh - 110px));
  background: #fff; border-radius: 20px; overflow: hidden; display: none; flex-direction: column;
  box-shadow: 0 24px 60px rgba(20, 30, 60, .25), 0 4px 14px rgba(20, 30, 60, .12);
  border: 1px solid rgba(20, 30, 60, .06);
  transform-origin: bottom right; animation: sb-pop .2s ease-out;
}
.panel.open { display: flex; }
@keyframes sb-pop { from { opacity: 0; transform: translateY(8px) scale(.98); } to { opacity: 1; transform: none; } }

.header {
  background: linear-gradient(135deg, var(--sb-accent), color-mix(in srgb, var(--sb-accent) 70%, #7a3cff));
  color: #fff; padding: 16px 14px 14px 18px; display: flex; align-items: center; gap: 12px;
}
.avatar { width: 40px; height: 40px; border-radius: 50%; background: rgba(255,255,255,.2); display: grid; place-items: center; flex: none; font-weight: 700; font-size: 16px; }
.avatar svg { width: 22px; height: 22px; }
.heading { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 650; letter-spacing: .1px; }
.subtitle { margin: 2px 0 0; font-size: 12.5px; opacity: .9; display: flex; align-items: center; gap: 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #4ade80; flex: none; box-shadow: 0 0 0 2px rgba(255,255,255,.25); }
.dot.waiting { background: #fbbf24; }
.dot.offline { background: #cbd5e1; }
.icon-button { width: 34px; height: 34px; border-radius: 10px; border: 0; background: transparent; color: #fff; display: grid; place-items: center; flex: none; }
.icon-button:hover { background: rgba(255,255,255,.16); }
.icon-button svg { width: 18px; height: 18px; }

.toolbar { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 8px 12px; border-bottom: 1px solid var(--sb-line); background: #fafbfd; }
.human {
  display: inline-flex; align-items: center; gap: 6px; border: 1px solid var(--sb-line); background: #fff; color: var(--sb-ink);
  border-radius: 999px; padding: 6px 12px; font-size: 13px; font-weight: 550;
}
.human:hover:not([disabled]) { border-color: var(--sb-accent); color: var(--sb-accent); }
.human[disabled] { cursor: default; color: var(--sb-muted); background: #f4f6fa; }
.human svg { width: 15px; height: 15px; }
.connection { font-size: 12px; color: var(--sb-muted); }

.log { flex: 1; overflow-y: auto; padding: 16px 14px 8px; display: flex; flex-direction: column; gap: 6px; background: #fff; }
.msg { display: flex; flex-direction: column; max-width: 82%; animation: sb-in .16s ease-out; }
@keyframes sb-in { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
.msg .bubble { padding: 9px 13px; border-radius: var(--sb-radius); white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; }
.msg.bot, .msg.agent { align-self: flex-start; }
.msg.bot .bubble { background: var(--sb-bot); border-bottom-left-radius: 6px; }
.msg.agent .bubble { background: color-mix(in srgb, var(--sb-accent) 10%, white); border: 1px solid color-mix(in srgb, var(--sb-accent) 22%, white); border-bottom-left-radius: 6px; }
.msg.user { align-self: flex-end; align-items: flex-end; }
.msg.user .bubble { background: var(--sb-accent); color: #fff; border-bottom-right-radius: 6px; }
.msg.user.pending .bubble { opacity: .75; }
.msg.user.failed .bubble { background: #fff; color: #b42318; border: 1px solid #f3b8b3; }
.msg .author { font-size: 12px; color: var(--sb-muted); margin: 6px 0 3px 4px; font-weight: 550; }
.msg .retry { margin-top: 4px; font-size: 12px; border: 0; background: none; color: #b42318; text-decoration: underline; padding: 0; }
.notice { align-self: center; text-align: center; font-size: 12.5px; color: var(--sb-muted); background: #f6f7fb; border-radius: 999px; padding: 5px 12px; margin: 8px 0; max-width: 92%; }
.notice.handoff { color: #7a4b00; background: #fff6e0; }

.typing { display: none; align-self: flex-start; background: var(--sb-bot); border-radius: var(--sb-radius); border-bottom-left-radius: 6px; padding: 12px 14px; margin: 0 14px 6px; width: max-content; gap: 4px; }
.typing.show { display: inline-flex; }
.typing.agent { align-items: center; }
.typing .who { font-size: 13px; color: var(--sb-muted); margin-right: 4px; }
.typing i { width: 7px; height: 7px; border-radius: 50%; background: #9aa3b5; display: block; animation: sb-blink 1.2s infinite ease-in-out; }
.typing i:nth-child(2) { animation-delay: .15s; }
.typing i:nth-child(3) { animation-delay: .3s; }
@keyframes sb-blink { 0%, 80%, 100% { opacity: .3; transform: translateY(0); } 40% { opacity: 1; transform: translateY(-3px); } }

.error { display: none; margin: 0 14px 8px; padding: 8px 12px; border-radius: 10px; background: #fff1f0; color: #b42318; font-size: 13px; }
.error.show { display: block; }

.composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px 12px; border-top: 1px solid var(--sb-line); background: #fff; }
.composer textarea {
  flex: 1; resize: none; border: 1px solid var(--sb-line); border-radius: 14px; padding: 10px 12px; font: inherit; color: var(--sb-ink);
  max-height: 120px; min-height: 42px; background: #fbfcfe; line-height: 1.35;
}
.composer textarea:focus { border-color: var(--sb-accent); background: #fff; outline: none; box-shadow: 0 0 0 3px color-mix(in srgb, var(--sb-accent) 18%, transparent); }
.send { width: 42px; height: 42px; flex: none; border-radius: 12px; border: 0; background: var(--sb-accent); color: #fff; display: grid; place-items: center; }
.send[disabled] { opacity: .45; cursor: default; }
.send svg { width: 18px; height: 18px; }
.composer.hidden { display: none; }

.csat { display: none; margin: 8px 0 4px; padding: 14px; border: 1px solid var(--sb-line); border-radius: 14px; background: #fafbfd; align-self: stretch; }
.csat.show { display: block; }
.csat fieldset { border: 0; margin: 0; padding: 0; }
.csat legend { font-weight: 600; font-size: 14px; margin-bottom: 8px; padding: 0; }
.stars { display: flex; gap: 4px; }
.stars input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.star { width: 38px; height: 38px; border-radius: 10px; display: grid; place-items: center; color: #c3c9d6; cursor: pointer; font-size: 26px; line-height: 1; transition: transform .1s ease; }
.star:hover { transform: scale(1.08); }
.stars:has(input:checked) .star { color: #f5b301; }
.stars input:checked ~ input + .star { color: #c3c9d6; }
.csat label.comment { display: block; margin-top: 10px; font-size: 13px; color: var(--sb-muted); }
.csat textarea { display: block; width: 100%; margin-top: 4px; border: 1px solid var(--sb-line); border-radius: 10px; padding: 8px 10px; font: inherit; resize: vertical; min-height: 56px; }
.csat .submit { margin-top: 10px; border: 0; border-radius: 10px; background: var(--sb-accent); color: #fff; padding: 8px 14px; font-weight: 600; }
.csat .submit[disabled] { opacity: .5; cursor: default; }
.thanks { align-self: center; font-size: 13.5px; color: var(--sb-muted); margin: 8px 0; }
.restart { align-self: center; margin: 4px 0 10px; border: 1px solid var(--sb-line); background: #fff; border-radius: 999px; padding: 7px 14px; font-size: 13px; font-weight: 550; color: var(--sb-ink); display: none; }
.restart.show { display: inline-block; }
.restart:hover { border-color: var(--sb-accent); color: var(--sb-accent); }
.footer { text-align: center; font-size: 11px; color: #9aa3b5; padding: 0 0 8px; background: #fff; }

@media (max-width: 480px) {
  .root { right: 12px; bottom: 12px; }
  .panel { width: calc(100vw - 24px); height: calc(100vh - 100px); }
}
@media (prefers-reduced-motion: reduce) {
  .panel, .msg, .typing i, .launcher { animation: none !important; transition: none !important; }
}
`;
