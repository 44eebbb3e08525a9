import type { FieldErrors, PluginConfigKey } from '@tributary/contract';

const SECRET = /password|secret|token|credential/i;

/** Set by the page itself (the connector's name and chosen plugin), so not asked again in the form. */
const OWN_FIELDS = new Set(['name', 'connector.class']);

/**
 * A form generated from a plugin's config definition: required settings first (the server's order),
 * the documentation as help text, defaults as placeholders, secret-looking fields masked, and each
 * error Connect reported right under its field.
 */
export function ConfigForm(props: {
  definition: PluginConfigKey[];
  values: Record<string, string>;
  errors: FieldErrors[];
  onChange: (name: string, value: string) => void;
}) {
  const errorsOf = (name: string) => props.errors.find((f) => f.name === name)?.errors ?? [];
  return (
    <div className="space-y-3">
      {props.definition
        .filter((k) => !OWN_FIELDS.has(k.name))
        .map((key) => {
          const id = `config-${key.name}`;
          const errors = errorsOf(key.name);
          const secret = key.type === 'PASSWORD' || SECRET.test(key.name);
          return (
            <div key={key.name}>
              <label htmlFor={id} className="block text-sm font-medium text-slate-700">
                <span className="font-mono">{key.name}</span>
                {key.required && (
                  <>
                    <span aria-hidden="true" className="ml-1 text-red-700">
                      *
                    </span>
                    <span className="sr-only"> (required)</span>
                  </>
                )}
                {key.displayName !== key.name && (
                  <span className="ml-2 font-normal text-slate-500"> — {key.displayName}</span>
                )}
              </label>
              <input
                id={id}
                type={secret ? 'password' : 'text'}
                value={props.values[key.name] ?? ''}
                placeholder={key.default ?? ''}
                onChange={(e) => props.onChange(key.name, e.target.value)}
                aria-invalid={errors.length > 0}
                aria-describedby={errors.length > 0 ? `${id}-error` : `${id}-help`}
                autoComplete="off"
                className={`mt-1 w-full rounded border px-2 py-1 font-mono text-sm ${errors.length > 0 ? 'border-red-500' : 'border-slate-300'}`}
              />
              {errors.length > 0 ? (
                <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
                  {errors.join(' ')}
                </p>
              ) : (
                <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">
                  {key.documentation}
                  {key.default !== null && key.default !== '' && ` (default: ${key.default})`} · {key.type}
                </p>
              )}
            </div>
          );
        })}
    </div>
  );
}
