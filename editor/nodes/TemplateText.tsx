// A bot message as shown on a node: `{{vars.order_id}}` placeholders become chips.
export function TemplateText({ text, empty = 'No text yet' }: { text: string; empty?: string }) {
  if (!text.trim()) return <p className="flow-node-text is-empty">{empty}</p>;
  const parts = text.split(/(\{\{[^}]+\}\})/g);
  return (
    <p className="flow-node-text">
      {parts.map((part, i) =>
        /^\{\{[^}]+\}\}$/.test(part) ? (
          <span key={i} className="template-chip">
            {part.slice(2, -2).trim()}
          </span>
        ) : (
          part
        ),
      )}
    </p>
  );
}
