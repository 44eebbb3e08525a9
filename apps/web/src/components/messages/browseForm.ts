import type { DataFormat, MessageOrder, MessagesQuery, SeekMode } from '@tributary/contract';
import { fromPickerValue, toPickerValue, type Zone } from '../ui/time.ts';

export interface BrowseForm {
  seek: SeekMode;
  offset: string;
  /** As the picker holds it (datetime-local, in the header's clock). */
  timestamp: string;
  partitions: number[] | null;
  limit: number;
  order: MessageOrder | '';
  keyFormat: DataFormat;
  valueFormat: DataFormat;
  q: string;
  caseSensitive: boolean;
  filter: string;
  maxValueBytes: number;
}

export const initialForm: BrowseForm = {
  seek: 'newest',
  offset: '',
  timestamp: '',
  partitions: null,
  limit: 100,
  order: '',
  keyFormat: 'auto',
  valueFormat: 'auto',
  q: '',
  caseSensitive: false,
  filter: '',
  maxValueBytes: 16 * 1024,
};

export const FORMATS: DataFormat[] = [
  'auto',
  'string',
  'json',
  'hex',
  'base64',
  'avro',
  'jsonschema',
  'protobuf',
];
const SEEKS: SeekMode[] = ['newest', 'oldest', 'offset', 'timestamp'];
const ORDERS: MessageOrder[] = ['newest-first', 'oldest-first'];

/** The form as the API's query (only what is set); the picker's time is read in the header's clock. */
export function toQuery(form: BrowseForm, zone: Zone): MessagesQuery {
  const instant = fromPickerValue(form.timestamp, zone);
  return {
    seek: form.seek,
    limit: form.limit,
    keyFormat: form.keyFormat,
    valueFormat: form.valueFormat,
    maxValueBytes: form.maxValueBytes,
    ...(form.seek === 'offset' && form.offset ? { offset: form.offset } : {}),
    ...(form.seek === 'timestamp' && !Number.isNaN(instant)
      ? { timestamp: new Date(instant).toISOString() }
      : {}),
    ...(form.partitions ? { partitions: form.partitions.join(',') } : {}),
    ...(form.order ? { order: form.order } : {}),
    ...(form.q ? { q: form.q, caseSensitive: form.caseSensitive } : {}),
    ...(form.filter.trim() ? { filter: form.filter } : {}),
  };
}

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/**
 * The browse form in the address, so a link (and reload, back, forward) shows the same messages. Only
 * what differs from the defaults is written; the timestamp is an ISO instant, whatever the clock shows.
 */
export function formToParams(form: BrowseForm, zone: Zone, into: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(into);
  const set = (key: string, value: string | null) =>
    value === null ? next.delete(key) : next.set(key, value);
  const instant = fromPickerValue(form.timestamp, zone);
  set('seek', form.seek === initialForm.seek ? null : form.seek);
  set('offset', form.seek === 'offset' && form.offset ? form.offset : null);
  set(
    'timestamp',
    form.seek === 'timestamp' && !Number.isNaN(instant) ? new Date(instant).toISOString() : null,
  );
  set('partitions', form.partitions ? form.partitions.join(',') : null);
  set('limit', form.limit === initialForm.limit ? null : String(form.limit));
  set('order', form.order || null);
  set('keyFormat', form.keyFormat === 'auto' ? null : form.keyFormat);
  set('valueFormat', form.valueFormat === 'auto' ? null : form.valueFormat);
  set('q', form.q || null);
  set('cs', form.q && form.caseSensitive ? '1' : null);
  set('filter', form.filter.trim() ? form.filter : null);
  set('max', form.maxValueBytes === initialForm.maxValueBytes ? null : String(form.maxValueBytes));
  return next;
}

export function formFromParams(params: URLSearchParams, zone: Zone): BrowseForm {
  const partitions = params.get('partitions');
  const timestamp = Date.parse(params.get('timestamp') ?? '');
  const limit = Number(params.get('limit'));
  const max = Number(params.get('max'));
  return {
    seek: pick(params.get('seek'), SEEKS, initialForm.seek),
    offset: params.get('offset') ?? '',
    timestamp: Number.isNaN(timestamp) ? '' : toPickerValue(timestamp, zone),
    partitions:
      partitions === null ? null : partitions.split(',').filter(Boolean).map(Number).filter(Number.isInteger),
    limit: Number.isInteger(limit) && limit > 0 ? limit : initialForm.limit,
    order: pick(params.get('order'), ORDERS, '' as MessageOrder),
    keyFormat: pick(params.get('keyFormat'), FORMATS, 'auto'),
    valueFormat: pick(params.get('valueFormat'), FORMATS, 'auto'),
    q: params.get('q') ?? '',
    caseSensitive: params.get('cs') === '1',
    filter: params.get('filter') ?? '',
    maxValueBytes: Number.isInteger(max) && max > 0 ? max : initialForm.maxValueBytes,
  };
}
