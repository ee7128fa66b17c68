// A small help centre for knowledge tests: eight articles on distinct topics, Markdown bodies.
import type { KnowledgeArticle } from '../../shared/index.ts';

export const helpArticles: KnowledgeArticle[] = [
  {
    id: 'activate-card',
    title: 'How do I activate my new card?',
    body: 'Open the app, go to **Cards** and tap *Activate*. You need the 6-digit code from the letter.\n\nUntil it is activated, payments with the new card are declined.',
    url: 'https://help.example.com/activate-card',
    tags: ['cards', 'activation'],
  },
  {
    id: 'card-delivery',
    title: 'When will my card arrive?',
    body: 'Cards arrive within 5–7 working days, or up to 3 weeks abroad.\n\n- Track it under [Cards → Track card](https://help.example.com/track).\n- Check your address if it is late.',
    url: 'https://help.example.com/card-delivery',
    tags: ['cards', 'delivery', 'post'],
  },
  {
    id: 'change-pin',
    title: 'How do I change my PIN?',
    body: 'Change your PIN at any cash machine that offers PIN services. You can also view your PIN in the app.',
    tags: ['pin', 'security'],
  },
  {
    id: 'exchange-rates',
    title: 'What exchange rate do you use?',
    body: '## Rates\n\nWe use the interbank rate at the moment you exchange. Weekend exchanges carry a small markup because markets are closed.',
    tags: ['exchange', 'currency'],
  },
  {
    id: 'top-up-card',
    title: 'How do I top up with a debit card?',
    body: 'Tap **Add money**, choose a card and enter the amount. Card top-ups arrive instantly.',
    tags: ['top-ups', 'add money'],
  },
  {
    id: 'transfer-time',
    title: 'How long does a bank transfer take?',
    body: 'Domestic transfers arrive within minutes. International transfers take 1–3 working days.',
    tags: ['transfers', 'timing'],
  },
  {
    id: 'verify-identity',
    title: 'How do I verify my identity?',
    body: 'Take a photo of your passport or ID card and a short selfie video in Profile → Verify identity.',
    tags: ['identity', 'verification', 'passport'],
  },
  {
    id: 'close-account',
    title: 'How do I close my account?',
    body: 'Withdraw your balance first, then go to Profile → Close account. Closing is permanent.',
    tags: ['account', 'closing'],
  },
];

/** Questions customers ask, with the article that answers them. */
export const helpQuestions: Array<[string, string]> = [
  ['my new card needs activating', 'activate-card'],
  ['where is my card, it has not arrived yet', 'card-delivery'],
  ['I want a different pin number', 'change-pin'],
  ['which rate do you use to exchange currency?', 'exchange-rates'],
  ['how can I add money with my debit card', 'top-up-card'],
  ['how long until my transfer arrives', 'transfer-time'],
  ['what do I need to verify my identity', 'verify-identity'],
  ['I want to close my account', 'close-account'],
  ['activte my crad', 'activate-card'],
  ['exchanging at the weekend', 'exchange-rates'],
];
