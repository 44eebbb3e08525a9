import type { ReactNode } from 'react';
import { parseJson, type JsonNode } from './json.ts';

/** JSON coloured by kind, objects and arrays collapsible (open two levels deep); falls back to the text. */
export function JsonView({ text, label }: { text: string; label: string }) {
  const root = parseJson(text);
  return (
    <div
      aria-label={label}
      className="max-h-96 overflow-auto rounded border border-line bg-surface p-2 font-mono text-xs leading-5 break-all"
    >
      {root ? <Node node={root} depth={0} /> : <pre className="whitespace-pre-wrap">{text}</pre>}
    </div>
  );
}

function Node({ node, depth, name }: { node: JsonNode; depth: number; name?: ReactNode }): ReactNode {
  const prefix = name !== undefined && <>{name}: </>;
  if (node.kind === 'string')
    return (
      <div>
        {prefix}
        <span className="text-json-string">{JSON.stringify(node.value)}</span>
      </div>
    );
  if (node.kind === 'number')
    return (
      <div>
        {prefix}
        <span className="text-json-number">{node.raw}</span>
      </div>
    );
  if (node.kind === 'literal')
    return (
      <div>
        {prefix}
        <span className="text-json-literal">{node.raw}</span>
      </div>
    );
  const [open, close, children] =
    node.kind === 'object'
      ? [
          '{',
          '}',
          node.entries.map(([k, v], i) => (
            <Node
              key={i}
              node={v}
              depth={depth + 1}
              name={<span className="text-json-key">{JSON.stringify(k)}</span>}
            />
          )),
        ]
      : ['[', ']', node.items.map((v, i) => <Node key={i} node={v} depth={depth + 1} />)];
  const count = node.kind === 'object' ? node.entries.length : node.items.length;
  if (count === 0)
    return (
      <div>
        {prefix}
        {open}
        {close}
      </div>
    );
  return (
    <details open={depth < 2} className="group">
      <summary className="cursor-pointer list-none marker:hidden">
        <span aria-hidden className="mr-1 inline-block text-muted group-open:rotate-90">
          ▸
        </span>
        {prefix}
        {open}
        <span className="text-muted group-open:hidden">
          {' '}
          … {count} {close}
        </span>
      </summary>
      <div className="ml-4 border-l border-line pl-2">{children}</div>
      <div>{close}</div>
    </details>
  );
}
