// The frame every canvas node shares: header with icon and id, the incoming handle, the outgoing
// ports with their labels, and the node's problems.
import { memo, type ReactNode } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { FlowNodeData } from '../canvas/flow-elements.ts';
import { definitionOf } from '../document/node-ports.ts';
import { Icon, type IconName } from '../ui/Icon.tsx';

export interface NodeShellProps {
  id: string;
  data: FlowNodeData;
  selected: boolean;
  icon: IconName;
  children?: ReactNode;
  /** Start nodes have no incoming handle. */
  noTarget?: boolean;
}

function NodeShellImpl({ id, data, selected, icon, children, noTarget }: NodeShellProps) {
  const { node, ports, problems, mark, onPath } = data;
  const def = definitionOf(node.type);
  const connected = new Set(data.connected ? data.connected.split('\n') : []);
  const errors = problems.filter((p) => p.severity === 'error');
  const singleNext = ports.length === 1 && ports[0]!.id === 'next';
  const classes = [
    'flow-node',
    `flow-node--${node.type}`,
    selected ? 'is-selected' : '',
    errors.length ? 'has-error' : problems.length ? 'has-warning' : '',
    mark ? `mark-${mark}` : '',
    onPath ? `path-${onPath}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-node-id={id} data-testid={`node-${id}`}>
      {!noTarget && <Handle type="target" position={Position.Left} className="handle handle-target" />}
      <header className="flow-node-header">
        <span className="flow-node-icon" aria-hidden="true">
          <Icon name={icon} size={14} />
        </span>
        <span className="flow-node-type">{def?.label ?? node.type}</span>
        <span className="flow-node-id" title={id}>
          {id}
        </span>
        {problems.length > 0 && (
          <span className={errors.length ? 'node-badge node-badge-error' : 'node-badge node-badge-warning'} title={problems.map((p) => p.message).join('\n')} aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}`}>
            <Icon name={errors.length ? 'error' : 'warning'} size={12} />
            {problems.length}
          </span>
        )}
        {singleNext && (
          <Handle type="source" position={Position.Right} id="next" className={connected.has('next') ? 'handle handle-source' : 'handle handle-source is-open'} title="Next" />
        )}
      </header>
      {children && <div className="flow-node-body">{children}</div>}
      {!singleNext && ports.length > 0 && (
        <ul className="flow-node-ports">
          {ports.map((port) => {
            const open = !connected.has(port.id);
            return (
              <li key={port.id} className={open && port.required ? 'flow-node-port is-missing' : open ? 'flow-node-port is-open' : 'flow-node-port'}>
                <span className="flow-node-port-label" title={port.required ? port.label : `${port.label} (optional)`}>
                  {port.label}
                </span>
                <Handle type="source" position={Position.Right} id={port.id} className={open ? 'handle handle-source is-open' : 'handle handle-source'} />
              </li>
            );
          })}
        </ul>
      )}
      {errors[0] && (
        <p className="flow-node-problem">
          <span>{withoutNodePrefix(errors[0].message)}</span>
        </p>
      )}
    </div>
  );
}

/** "Node n3 (ask): its port…" reads "Its port…" on the node itself. */
function withoutNodePrefix(message: string): string {
  const rest = message.replace(/^Node \S+( \([^)]*\))?:\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export const NodeShell = memo(NodeShellImpl);
