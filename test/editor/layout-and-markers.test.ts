// Tidy-up layout keeps a 70-way router readable; rule problems are marked at the operator at fault.
import { describe, expect, it } from 'vitest';
import { MAX_COLUMN, wrapTallLayers } from '../../editor/canvas/auto-layout.ts';
import { overlappingNodes } from '../../editor/canvas/overlap.ts';
import { logicMarkers } from '../../editor/monaco/logic-markers.ts';
import { jsonLogicSchema } from '../../editor/rules/json-logic-schema.ts';
import { supportedOperators } from '../../runtime/logic/index.ts';

describe('tidy-up layout', () => {
  it('wraps a layer taller than MAX_COLUMN into columns and moves later layers right', () => {
    const tall = Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, x: 400, y: i * 100, width: 248, height: 80 }));
    const positions = wrapTallLayers([{ id: 'router', x: 0, y: 1400, width: 248, height: 400 }, ...tall, { id: 'end', x: 800, y: 0, width: 248, height: 80 }]);
    const columns = new Set(tall.map((b) => positions.get(b.id)!.x));
    expect(columns.size).toBe(Math.ceil(30 / MAX_COLUMN));
    expect(positions.get('end')!.x).toBeGreaterThan(Math.max(...columns) + 248);
    expect(overlappingNodes(tall.map((b) => ({ ...positions.get(b.id)!, width: b.width, height: b.height })))).toBe(0);
  });

  it('counts overlapping nodes', () => {
    expect(overlappingNodes([{ x: 0, y: 0, width: 100, height: 100 }, { x: 50, y: 50, width: 100, height: 100 }, { x: 500, y: 0, width: 10, height: 10 }])).toBe(2);
  });
});

describe('rule editor helpers', () => {
  it('marks a problem at the operator that has it', () => {
    const text = JSON.stringify({ and: [{ '==': [{ var: 'nlu.intent' }, 'x'] }, { gt: [{ var: 'vars.amount' }, 5] }] }, null, 2);
    const [marker] = logicMarkers(text);
    expect(marker?.message).toContain('did you mean ">"');
    expect(text.slice(marker!.offset, marker!.offset + 4)).toBe('"gt"');
  });

  it('describes every supported operator in the JSON Schema and completes the variables given', () => {
    const schema = jsonLogicSchema([{ name: 'vars.amount', description: 'Amount' }]) as { definitions: { logic: { anyOf: Array<{ required?: string[] }> } } };
    const ops = schema.definitions.logic.anyOf.flatMap((s) => s.required ?? []);
    expect(ops.sort()).toEqual([...supportedOperators].sort());
    expect(JSON.stringify(schema)).toContain('"enum":["vars.amount"]');
  });
});
