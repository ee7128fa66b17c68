// Shared test data for the NLU suite: a deterministic BANKING77 subset (from the documented dev
// split) and a small flow of another domain written for these tests.
import { banking77Split } from '../../scripts/split-banking77.ts';
import { intentsFromRows } from '../../runtime/nlu/evaluate-classifier.ts';
import type { TrainingIntent } from '../../runtime/nlu/index.ts';

let cached: ReturnType<typeof banking77Split> | undefined;

/** The first `intents` BANKING77 intents (alphabetical), up to `perIntent` training examples each, and their dev rows. */
export function bankingSubset(intents = 20, perIntent = 40): { train: TrainingIntent[]; dev: Array<{ text: string; category: string }> } {
  cached ??= banking77Split();
  const names = new Set([...new Set(cached.train.map((r) => r.category))].sort().slice(0, intents));
  const all = intentsFromRows(cached.train.filter((r) => names.has(r.category))).intents;
  return {
    train: all.map((i) => ({ name: i.name, examples: i.examples.slice(0, perIntent) })),
    dev: cached.dev.filter((r) => names.has(r.category)).map((r) => ({ text: r.text, category: r.category })),
  };
}

/** A pizza-shop flow with ten examples per intent: a small training set in another domain. */
export const pizzaIntents: TrainingIntent[] = [
  {
    name: 'order_pizza',
    examples: [
      'i want to order a pizza',
      'can i get a large pepperoni',
      'i would like two margheritas please',
      'order a medium veggie pizza for delivery',
      'one hawaiian pizza please',
      'can i place an order for pizza',
      "i'd like to get a pizza delivered",
      'get me a pizza with extra cheese',
      'i want a small mushroom pizza',
      'can you bring me a bbq chicken pizza',
    ],
  },
  {
    name: 'order_status',
    examples: [
      'where is my pizza',
      'how long until my order arrives',
      'my food has not arrived yet',
      'what is the status of my order',
      'is my delivery on the way',
      "it's been an hour and no pizza",
      'when will my order get here',
      'has the driver left yet',
      'track my order',
      'my pizza is late',
    ],
  },
  {
    name: 'opening_hours',
    examples: [
      'what time do you open',
      'are you open on sundays',
      'when do you close tonight',
      'what are your opening hours',
      'are you open now',
      'how late are you open',
      'do you open on public holidays',
      'what time does the shop close',
      'are you open for lunch',
      'when are you open',
    ],
  },
  {
    name: 'allergens',
    examples: [
      'do you have gluten free bases',
      'is there nuts in the pesto',
      'i am allergic to dairy what can i eat',
      'do your pizzas contain egg',
      'which pizzas are vegan',
      'is the dough gluten free',
      'can you make it without cheese because of an allergy',
      'allergen information please',
      'does the sauce have celery',
      'are your toppings halal',
    ],
  },
  {
    name: 'complaint',
    examples: [
      'my pizza was cold',
      'you got my order wrong',
      'the pizza was burnt',
      'i want to complain about my meal',
      'the driver was rude',
      'there was a hair in my food',
      'i received the wrong toppings',
      'my order was missing a drink',
      'the food made me sick',
      'this is the worst pizza i have had',
    ],
  },
];
