import { describe, expect, it } from 'vitest';
import { matchPlugin } from './plugins.ts';
import { declaredTopics, stringifyConfig } from './wire-map.ts';

const plugins = [
  { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source', version: '4.3.1' },
  { class: 'org.apache.kafka.connect.mirror.MirrorSourceConnector', type: 'source', version: '4.3.1' },
];

describe('Connect plugins and configs', () => {
  it("matches a class as Connect does: full name, simple name, or without 'Connector'", () => {
    for (const wanted of [
      'org.apache.kafka.connect.file.FileStreamSourceConnector',
      'FileStreamSourceConnector',
      'FileStreamSource',
    ])
      expect(matchPlugin(plugins, wanted)?.class).toBe(plugins[0]!.class);
    expect(matchPlugin(plugins, 'com.mongodb.kafka.connect.MongoSourceConnector')).toBeUndefined();
    expect(matchPlugin(plugins, 'Source')).toBeUndefined();
  });

  it("reads a source's topic and a sink's topics list", () => {
    expect(declaredTopics({ topic: 'orders' })).toEqual(['orders']);
    expect(declaredTopics({ topics: 'a, b,,c' })).toEqual(['a', 'b', 'c']);
    expect(declaredTopics({ 'topics.regex': 'x.*' })).toEqual([]);
  });

  it('turns pasted numbers and booleans into the strings Connect takes', () => {
    expect(stringifyConfig({ 'tasks.max': 1, 'errors.log.enable': true, file: '/f' })).toEqual({
      'tasks.max': '1',
      'errors.log.enable': 'true',
      file: '/f',
    });
  });
});
