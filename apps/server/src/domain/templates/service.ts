// Saved messages (issue 15): a name for a message to produce again. Saving under a name already taken
// replaces that template (same id), so "Save as template" twice does not leave two of them.
import { randomUUID } from 'node:crypto';
import type { Template, TemplateImport, TemplateInput } from '@tributary/contract';
import { notFound } from '../errors.ts';
import type { TemplateStore } from '../../kafka/templates-store.ts';

export async function listTemplates(store: TemplateStore): Promise<Template[]> {
  const all = [...(await store.read()).values()];
  return all.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export async function saveTemplate(store: TemplateStore, input: TemplateInput): Promise<Template> {
  const existing = [...(await store.read()).values()].find((t) => t.name === input.name);
  const template = build(store.cluster, existing?.id ?? randomUUID(), input);
  await store.put(template);
  return template;
}

export async function deleteTemplate(store: TemplateStore, id: string): Promise<void> {
  if (!(await store.read()).has(id))
    throw notFound(`Template "${id}" does not exist on cluster "${store.cluster}".`);
  await store.remove(id);
}

/** An export (GET's list) back in: ids kept when given, else taken from a template of the same name. */
export async function importTemplates(store: TemplateStore, body: TemplateImport): Promise<Template[]> {
  const byName = new Map([...(await store.read()).values()].map((t) => [t.name, t.id]));
  const saved: Template[] = [];
  for (const item of body.templates) {
    const { id, cluster: _cluster, savedAt: _savedAt, ...input } = item;
    const template = build(store.cluster, id ?? byName.get(input.name) ?? randomUUID(), input);
    byName.set(template.name, template.id);
    await store.put(template);
    saved.push(template);
  }
  return saved;
}

function build(cluster: string, id: string, input: TemplateInput): Template {
  return {
    id,
    cluster,
    name: input.name.trim(),
    topic: input.topic,
    ...(input.key !== undefined ? { key: input.key } : {}),
    value: input.value,
    ...(input.headers ? { headers: input.headers } : {}),
    ...(input.partition !== undefined ? { partition: input.partition } : {}),
    savedAt: Date.now(),
  };
}
