// Inspector: the Start node has nothing to set; say what it is for.
import type { NodePanelProps } from '../node-ui.ts';

export function StartPanel(_props: NodePanelProps) {
  return <p className="panel-note">Every conversation begins here. Connect its port to the first thing the bot says, usually a greeting message.</p>;
}
