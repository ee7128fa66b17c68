// Remembers the visitor's conversation in localStorage (per site key and flow), so a page reload
// or the next page of the site resumes it; and whether the panel was open, per tab.

export interface Saved {
  conversationId: string;
}

function storageKey(siteKey: string, flowId: string): string {
  // The key's prefix is enough to tell sites apart without copying the whole key around.
  return `switchboard:${siteKey.slice(0, 16)}:${flowId}`;
}

export function loadSaved(siteKey: string, flowId: string): Saved | null {
  try {
    const raw = localStorage.getItem(storageKey(siteKey, flowId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as Saved).conversationId === 'string' ? (parsed as Saved) : null;
  } catch {
    return null;
  }
}

export function save(siteKey: string, flowId: string, saved: Saved | null): void {
  try {
    if (saved) localStorage.setItem(storageKey(siteKey, flowId), JSON.stringify(saved));
    else localStorage.removeItem(storageKey(siteKey, flowId));
  } catch {
    // storage disabled: the conversation lasts as long as the page
  }
}

export function panelWasOpen(siteKey: string, flowId: string): boolean {
  try {
    return sessionStorage.getItem(`${storageKey(siteKey, flowId)}:open`) === '1';
  } catch {
    return false;
  }
}

export function rememberPanel(siteKey: string, flowId: string, open: boolean): void {
  try {
    sessionStorage.setItem(`${storageKey(siteKey, flowId)}:open`, open ? '1' : '0');
  } catch {
    // ignore
  }
}
