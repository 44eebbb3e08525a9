import type { ConnectConfig } from '../config.ts';
import { ConnectHttp, type LaunchState } from './http.ts';
import type {
  WireConfigKey,
  WireExpanded,
  WireInfo,
  WireOffsets,
  WirePlugin,
  WireRoot,
  WireStatus,
  WireValidation,
} from './wire.ts';

const enc = encodeURIComponent;

/** A small typed client for one Kafka Connect cluster: one method per REST call the console uses. */
export class ConnectClient {
  readonly http: ConnectHttp;

  constructor(config: ConnectConfig, timeoutMs: number, launch?: LaunchState) {
    this.http = new ConnectHttp(config, timeoutMs, launch);
  }

  get name(): string {
    return this.http.name;
  }

  get config(): ConnectConfig {
    return this.http.config;
  }

  get launch(): LaunchState | undefined {
    return this.http.launch;
  }

  root(): Promise<WireRoot> {
    return this.http.request('GET', '/');
  }

  plugins(): Promise<WirePlugin[]> {
    return this.http.request('GET', '/connector-plugins?connectorsOnly=true');
  }

  pluginConfig(cls: string): Promise<WireConfigKey[]> {
    return this.http.request('GET', `/connector-plugins/${enc(cls)}/config`);
  }

  validate(cls: string, config: Record<string, string>): Promise<WireValidation> {
    return this.http.request('PUT', `/connector-plugins/${enc(cls)}/config/validate`, config);
  }

  connectorsExpanded(): Promise<WireExpanded> {
    return this.http.request('GET', '/connectors?expand=status&expand=info');
  }

  info(name: string): Promise<WireInfo> {
    return this.http.request('GET', `/connectors/${enc(name)}`);
  }

  status(name: string): Promise<WireStatus> {
    return this.http.request('GET', `/connectors/${enc(name)}/status`);
  }

  /** Topics the connector has used since it was created (KIP-558), by connector name. */
  activeTopics(name: string): Promise<Record<string, { topics: string[] }>> {
    return this.http.request('GET', `/connectors/${enc(name)}/topics`);
  }

  create(name: string, config: Record<string, string>): Promise<WireInfo> {
    return this.http.request('POST', '/connectors', { name, config });
  }

  putConfig(name: string, config: Record<string, string>): Promise<WireInfo> {
    return this.http.request('PUT', `/connectors/${enc(name)}/config`, config);
  }

  delete(name: string): Promise<void> {
    return this.http.request('DELETE', `/connectors/${enc(name)}`);
  }

  /** pause, resume and stop are PUTs in Connect's API. */
  setTargetState(name: string, action: 'pause' | 'resume' | 'stop'): Promise<void> {
    return this.http.request('PUT', `/connectors/${enc(name)}/${action}`);
  }

  restart(name: string, includeTasks: boolean, onlyFailed: boolean): Promise<unknown> {
    return this.http.request(
      'POST',
      `/connectors/${enc(name)}/restart?includeTasks=${includeTasks}&onlyFailed=${onlyFailed}`,
    );
  }

  restartTask(name: string, task: number): Promise<void> {
    return this.http.request('POST', `/connectors/${enc(name)}/tasks/${task}/restart`);
  }

  offsets(name: string): Promise<WireOffsets> {
    return this.http.request('GET', `/connectors/${enc(name)}/offsets`);
  }

  resetOffsets(name: string): Promise<{ message: string }> {
    return this.http.request('DELETE', `/connectors/${enc(name)}/offsets`);
  }
}
