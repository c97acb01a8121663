import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { API_OPTIONS, type ApiAppOptions } from './api-options';

/** One Temporal client per API process, connected on start and closed on shutdown. */
@Injectable()
export class TemporalClientHolder implements OnApplicationShutdown {
  private connection?: Connection;
  private current?: Client;

  constructor(@Inject(API_OPTIONS) private readonly options: ApiAppOptions) {}

  async connect(): Promise<void> {
    const { address, namespace } = this.options.temporal;
    this.connection = await Connection.connect({ address });
    this.current = new Client({ connection: this.connection, namespace });
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
