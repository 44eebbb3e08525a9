import { useState } from 'react';

const SECRET = /password|secret|token|credential|(^|\.)key$/i;

/** A connector's config as a readable table or as JSON; secret-looking values masked in the table. */
export function ConfigView({ config }: { config: Record<string, string> }) {
  const [json, setJson] = useState(false);
  const entries = Object.entries(config).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div>
      <div role="tablist" aria-label="Config view" className="mb-2 flex gap-2 text-sm">
        <button
          type="button"
          role="tab"
          aria-selected={!json}
          onClick={() => setJson(false)}
          className={!json ? 'font-semibold text-blue-700' : 'text-slate-600'}
        >
          Table
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={json}
          onClick={() => setJson(true)}
          className={json ? 'font-semibold text-blue-700' : 'text-slate-600'}
        >
          JSON
        </button>
      </div>
      {json ? (
        <pre
          aria-label="Config JSON"
          className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
        >
          {JSON.stringify(config, null, 2)}
        </pre>
      ) : (
        <table aria-label="Config" className="w-full border-collapse bg-white text-left text-sm shadow">
          <tbody>
            {entries.map(([k, v]) => (
              <tr key={k} className="border-t border-slate-100">
                <th className="w-1/3 px-3 py-1.5 font-mono text-xs font-normal text-slate-600">{k}</th>
                <td className="px-3 py-1.5 font-mono text-xs break-all">{SECRET.test(k) ? '••••••' : v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
