import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Message,
  MessagePage,
  MessagesQuery,
  ProduceLinesRequest,
  ProduceRequest,
  ProduceResult,
  ProduceSummary,
  SearchCommand,
  SearchEvent,
  UploadEvent,
  UploadQuery,
} from '@tributary/contract';
import { ApiError, apiFetch, apiPath, queryString } from './client.ts';
import { topicKeys } from './topics.ts';

export const messageKeys = {
  all: (cluster: string, topic: string) => [...topicKeys.detail(cluster, topic), 'messages'] as const,
  page: (cluster: string, topic: string, query: MessagesQuery) =>
    [...messageKeys.all(cluster, topic), 'browse', query] as const,
  partitions: (cluster: string, topic: string) => [...messageKeys.all(cluster, topic), 'partitions'] as const,
};

export const messagesPath = (cluster: string, topic: string) =>
  apiPath`/api/clusters/${cluster}/topics/${topic}/messages`;

/** Pages of messages; `fetchNextPage` continues with the server's cursor. */
export function useMessages(cluster: string, topic: string, query: MessagesQuery) {
  return useInfiniteQuery({
    queryKey: messageKeys.page(cluster, topic, query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<MessagePage>(
        messagesPath(cluster, topic) + queryString(pageParam ? { ...query, cursor: pageParam } : query),
        { signal },
      ),
    getNextPageParam: (last) => last.cursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    // A 4xx (e.g. a filter syntax error) will not change by asking again.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });
}

/** The topic's partitions with their offsets (for the partition choosers): one cheap read of partition 0. */
export function usePartitions(cluster: string, topic: string) {
  return useQuery({
    queryKey: messageKeys.partitions(cluster, topic),
    queryFn: async () =>
      (
        await apiFetch<MessagePage>(
          messagesPath(cluster, topic) + queryString({ seek: 'newest', limit: 1, partitions: '0' }),
        )
      ).partitions,
  });
}

/** One message, never cut. */
export const fetchWholeMessage = (cluster: string, topic: string, m: Pick<Message, 'partition' | 'offset'>) =>
  apiFetch<Message>(`${messagesPath(cluster, topic)}/${m.partition}/${m.offset}`);

export function useProduce(cluster: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProduceRequest) =>
      apiFetch<ProduceResult>(messagesPath(cluster, topic), { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: messageKeys.all(cluster, topic) }),
  });
}

export function useProduceLines(cluster: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProduceLinesRequest) =>
      apiFetch<ProduceSummary>(`${messagesPath(cluster, topic)}/lines`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: messageKeys.all(cluster, topic) }),
  });
}

/** Streams a file to the server and reports the NDJSON progress it answers; resolves with the summary. */
export async function uploadFile(
  cluster: string,
  topic: string,
  file: Blob,
  query: UploadQuery,
  onProgress: (event: Extract<UploadEvent, { type: 'progress' }>) => void,
  signal?: AbortSignal,
): Promise<ProduceSummary> {
  const response = await fetch(`${messagesPath(cluster, topic)}/upload${queryString(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
    ...(signal ? { signal } : {}),
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(response.status, body.code ?? 'HTTP', body.message ?? response.statusText);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  let summary: ProduceSummary | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = (rest + value).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      const event = JSON.parse(line) as UploadEvent;
      if (event.type === 'progress') onProgress(event);
      else
        summary = {
          written: event.written,
          total: event.total,
          elapsedMs: event.elapsedMs,
          ...(event.error ? { error: event.error } : {}),
        };
    }
  }
  if (!summary)
    throw new ApiError(
      0,
      'INTERNAL',
      'The upload ended without a summary; check how many messages were written.',
    );
  return summary;
}

/** A search's scope, as the export of its result takes it. */
export type ExportScope = { scope: 'all' | 'time' | 'last'; from?: string; to?: string; lastN?: number };

/** Where the current result downloads from (the server streams it; the browser saves it). */
export const exportUrl = (
  cluster: string,
  topic: string,
  query: MessagesQuery,
  format: 'jsonl' | 'csv',
  limit: number,
  scope?: ExportScope,
) => {
  // Export takes whole values: the page's cut size does not apply. A search's result is its scope, not the seek.
  const { cursor: _cursor, limit: _limit, order: _order, maxValueBytes: _cut, ...rest } = query;
  const { seek: _seek, offset: _offset, timestamp: _timestamp, ...filters } = rest;
  const where = scope ? { ...filters, ...scope } : rest;
  const max = Math.min(1_000_000, Math.max(1, Math.floor(limit) || 1));
  return `${messagesPath(cluster, topic)}/export${queryString({ ...where, format, limit: max })}`;
};

export interface SearchState {
  status: 'idle' | 'running' | 'done' | 'error';
  messages: Message[];
  progress: { scanned: number; toScan: number; matches: number; elapsedMs: number } | undefined;
  reason: 'completed' | 'stopped' | 'max-matches' | undefined;
  error: string | undefined;
}

export const idleSearch: SearchState = {
  status: 'idle',
  messages: [],
  progress: undefined,
  reason: undefined,
  error: undefined,
};

/**
 * Runs a server-side search over a WebSocket; `onChange` gets each new state (matches are appended).
 * Answers a function that stops the scan.
 */
export function startSearch(
  cluster: string,
  topic: string,
  query: Record<string, string | number | boolean | undefined>,
  onChange: (update: (state: SearchState) => SearchState) => void,
): () => void {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${window.location.host}${apiPath`/api/clusters/${cluster}/topics/${topic}/search`}${queryString(query)}`;
  const socket = new WebSocket(url);
  let finished = false;
  onChange(() => ({ ...idleSearch, status: 'running' }));
  socket.onmessage = (frame) => {
    const event = JSON.parse(String(frame.data)) as SearchEvent;
    if (event.type === 'message') onChange((s) => ({ ...s, messages: [...s.messages, event.message] }));
    else if (event.type === 'progress') {
      const { type: _type, ...progress } = event;
      onChange((s) => ({ ...s, progress }));
    } else if (event.type === 'done') {
      finished = true;
      const { type: _type, reason, ...progress } = event;
      onChange((s) => ({ ...s, status: 'done', reason, progress }));
    } else {
      finished = true;
      onChange((s) => ({ ...s, status: 'error', error: event.message }));
    }
  };
  socket.onclose = () => {
    if (!finished)
      onChange((s) => ({
        ...s,
        status: 'error',
        error: 'The search connection closed before the scan finished.',
      }));
  };
  return () => {
    if (socket.readyState === WebSocket.OPEN)
      socket.send(JSON.stringify({ type: 'stop' } satisfies SearchCommand));
    else socket.close();
  };
}
