import { useTranslation } from 'react-i18next';
import type { FieldErrors, PluginConfigKey } from '@tributary/contract';
import { inputClass } from '../ui/Field.tsx';

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
  const { t } = useTranslation();
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
            <div key={key.name} className="flex flex-col gap-0.5">
              <label htmlFor={id} className="text-xs font-medium break-all text-muted">
                <span className="font-mono text-fg">{key.name}</span>
                {key.required && (
                  <>
                    <span aria-hidden="true" className="ml-1 text-danger">
                      *
                    </span>
                    <span className="sr-only"> {t('createConnector.required')}</span>
                  </>
                )}
                {key.displayName !== key.name && <span className="ml-2"> — {key.displayName}</span>}
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
                className={`${inputClass} w-full font-mono`}
              />
              {errors.length > 0 ? (
                <p id={`${id}-error`} className="text-xs text-danger">
                  {errors.join(' ')}
                </p>
              ) : (
                <p id={`${id}-help`} className="text-xs break-words text-muted">
                  {key.documentation}
                  {key.default !== null &&
                    key.default !== '' &&
                    ` ${t('createConnector.default', { value: key.default })}`}{' '}
                  · {key.type}
                </p>
              )}
            </div>
          );
        })}
    </div>
  );
}
