// The bot's built-in sentences (clarifying, reprompting, handing over). English for now; a
// flow's locale will pick a translated table when there is one.
export const builtInMessages = {
  didYouMean: (options: string[]) =>
    options.length === 1
      ? `Just to check: do you mean ${options[0]}? (yes or no)`
      : `I want to make sure I understand. Did you mean ${options.map((o, i) => `${i + 1}) ${o}`).join(', ')}? You can also say it another way.`,
  notUnderstood: 'Sorry, I didn\'t quite understand. Could you say it another way? You can also ask for a person at any time.',
  outOfScope: 'I\'m not able to help with that here. Could you tell me what you need help with? If you\'d rather talk to a person, just say so.',
  invalidAnswer: (prompt: string) => `Sorry, that doesn't look right. ${prompt}`,
  handoff: 'Connecting you to a member of our team. They will see this conversation, so you won\'t need to repeat yourself.',
  handBack: 'You are back with our virtual assistant.',
  csatRetry: 'Please answer with a number from 1 to 5.',
  stepBudget: 'Something went wrong on our side. Let me get a person to help you.',
} as const;
