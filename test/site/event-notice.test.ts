// The payload of a cross-process notice (server/site-api/realtime/event-notice.ts).
import { describe, expect, it } from 'vitest';
import { eventNotices, noticedConversations, noticedSignal, signalNotice } from '../../server/site-api/realtime/event-notice.ts';

describe('event notices', () => {
  it('name every conversation once, in notices under PostgreSQL’s 8,000-byte payload limit', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `conv_${String(i).padStart(4, '0')}_${'x'.repeat(36)}`);
    const notices = eventNotices(ids);
    expect(notices.length).toBeGreaterThan(1);
    for (const notice of notices) expect(Buffer.byteLength(notice)).toBeLessThan(8000);
    // The sender's own notices name nothing to itself; the ids are the words after its tag.
    expect(notices.flatMap((n) => noticedConversations(n))).toEqual([]);
    expect(notices.flatMap((n) => n.split(' ').slice(1))).toEqual(ids);
  });

  it('send nothing for no conversations', () => {
    expect(eventNotices([])).toEqual([]);
  });

  it('read another process’s notice, and a bare id from a process before the tag', () => {
    expect(noticedConversations('0123456789ab conv_1 conv_2')).toEqual(['conv_1', 'conv_2']);
    expect(noticedConversations('conv_bare')).toEqual(['conv_bare']);
  });

  it('carry a signal to other processes, and nothing that does not parse as one', () => {
    const signal = { type: 'typing' as const, role: 'agent' as const, author: 'Sam O’Brien' };
    const own = signalNotice('conv_1', signal);
    expect(noticedSignal(own)).toBeNull();
    const fromAnother = own.replace(/^\S+/, '0123456789ab');
    expect(noticedSignal(fromAnother)).toEqual({ conversationId: 'conv_1', signal });
    expect(noticedSignal('0123456789ab conv_1 {"type":"typing","role":"bot","author":"x"}')).toBeNull();
    expect(noticedSignal('0123456789ab conv_1 not json')).toBeNull();
    expect(noticedSignal('0123456789ab')).toBeNull();
  });
});
