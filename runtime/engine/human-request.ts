// "Talk to a human" is honoured on every turn, whatever node the conversation is at.
const patterns = [
  /\b(talk|speak|chat|connect|transfer|put)\b.{0,30}\b(human|person|agent|someone|somebody|representative|operator|advisor|adviser|staff)\b/i,
  /^\W*(human|agent|representative|operator|real person|live agent|a person|person please)\W*$/i,
  /\b(real|live|actual) (person|human|agent)\b/i,
];

/** True when the message asks for a human. Kept narrow: a false positive costs an agent's time. */
export function asksForHuman(text: string): boolean {
  return patterns.some((p) => p.test(text));
}
