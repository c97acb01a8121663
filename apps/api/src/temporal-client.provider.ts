import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { API_OPTIONS, type ApiAppOptions } from './api-options';
import { DATA_CONVERTER, type ApiDataConverter } from './data-converter.provider';

/**
 * One Temporal client per API process, connected on start and closed on shutdown. Its payloads
 * are encrypted with the key of their person (DATA_CONVERTER, docs/decisions/0004).
 */
@Injectable()
export class TemporalClientHolder implements OnApplicationShutdown {
  private connection?: Connection;
  private current?: Client;

  constructor(
    @Inject(API_OPTIONS) private readonly options: ApiAppOptions,
    @Inject(DATA_CONVERTER) private readonly dataConverter: ApiDataConverter,
  ) {}

  async connect(): Promise<void> {
    const { address, namespace } = this.options.temporal;
    this.connection = await Connection.connect({ address });
    this.current = new Client({ connection: this.connection, namespace, dataConverter: this.dataConverter });
  }

  get client(): Client {
    if (!this.current) throw new Error('the Temporal client is not connected yet');
    return this.current;
  }

  get taskQueue(): string {
    return this.options.temporal.taskQueue;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}
