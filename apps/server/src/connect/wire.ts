// Kafka Connect's REST shapes as Connect sends them (snake_case), read by the client and nowhere else.

export interface WireRoot {
  version: string;
  commit: string;
  kafka_cluster_id: string;
}

export interface WirePlugin {
  class: string;
  type: string;
  version?: string;
}

export interface WireConfigKey {
  name: string;
  type: string;
  required: boolean;
  default_value: string | null;
  importance: string;
  documentation: string | null;
  group: string | null;
  display_name: string | null;
  order_in_group: number;
}

export interface WireValidation {
  name: string;
  error_count: number;
  configs: { definition?: { name: string }; value: { name: string; errors: string[] } }[];
}

export interface WireState {
  state: string;
  worker_id: string;
  trace?: string;
}

export interface WireStatus {
  name: string;
  connector: WireState;
  tasks: (WireState & { id: number })[];
  type: string;
}

export interface WireInfo {
  name: string;
  config: Record<string, string>;
  tasks: { connector: string; task: number }[];
  type: string;
}

/** `GET /connectors?expand=status&expand=info`. */
export type WireExpanded = Record<string, { info?: WireInfo; status?: WireStatus }>;

export interface WireOffsets {
  offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[];
}

export interface WireError {
  error_code?: number;
  message?: string;
}
