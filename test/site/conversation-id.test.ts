// Conversation ids: a new one starts with its creation time so that the conversations talking
// now share index pages; the order must hold in SQLite's (byte-wise) comparison, and the log
// reference must show the random part, not the time many ids share.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationRef } from '../../server/http/request-log.ts';
import { newConversationId } from '../../server/site-api/conversations/start-conversation.ts';

describe('conversation ids', () => {
  it('sort by creation time, byte by byte, and are unique within a millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 2 }), fc.integer({ min: 1, max: 2 ** 30 }), (t, later) => {
        const a = newConversationId(t);
        const b = newConversationId(Math.min(t + later, 2 ** 48 - 1));
        expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(-1);
      }),
    );
    const now = Date.now();
    const ids = Array.from({ length: 1000 }, () => newConversationId(now));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^conv_[0-9a-f]{12}[A-Za-z0-9_-]{24}$/);
  });

  it('are logged by 8 characters of their random part', () => {
    const now = Date.now();
    const [a, b] = [newConversationId(now), newConversationId(now)];
    expect(conversationRef(a)).toBe(`conv_${a.slice(17, 25)}…`);
    expect(conversationRef(a)).not.toBe(conversationRef(b));
    // Ids from before the time prefix (conv_ + 24 characters) keep the reference they had.
    expect(conversationRef('conv_AbCdEfGhIjKlMnOpQrStUvWx')).toBe('conv_AbCdEfGh…');
  });
});
