import { describe, expect, it } from 'vitest';
import { renderTemplate, templatePaths } from '../../runtime/engine/template.ts';

describe('message templates', () => {
  const context = { vars: { amount: 12.5, order: { status: 'shipped' } }, customer: { firstName: 'Ada', lastName: '' } };

  it('fills nested values and lists the paths it reads', () => {
    expect(renderTemplate('Hi {{customer.firstName}}, order {{ vars.order.status }} ({{vars.amount}})', context)).toBe('Hi Ada, order shipped (12.5)');
    expect(templatePaths('{{vars.a}} {{customer.b | x}}')).toEqual(['vars.a', 'customer.b']);
  });

  it('uses the fallback after | when a value is missing or empty', () => {
    expect(renderTemplate('Hi {{customer.nickname | there}}!', context)).toBe('Hi there!');
    expect(renderTemplate('Hi {{customer.lastName|friend}}', context)).toBe('Hi friend');
    expect(renderTemplate('[{{vars.nothing}}]', context)).toBe('[]');
  });

  it('renders objects as JSON and leaves non-placeholders alone', () => {
    expect(renderTemplate('{{vars.order}} {not} {{ bad path! }}', context)).toBe('{"status":"shipped"} {not} {{ bad path! }}');
  });
});
