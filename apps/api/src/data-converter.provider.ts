import type { FactoryProvider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { productionDataConverter, type ProductionDataConverter } from '@tnw/temporal';
import type { DataSource } from 'typeorm';

/**
 * The production data converter (payloads encrypted with a key per person, docs/decisions/0004)
 * of this API process: its Temporal client, the codec server and the auditors' replay share it,
 * and with it one cache of keys. It reads the keys through the API's own DataSource; the master
 * key comes from TNW_MASTER_KEY, and the API refuses to start without it.
 */
export const DATA_CONVERTER = Symbol('DATA_CONVERTER');

export type ApiDataConverter = ProductionDataConverter;

export const dataConverterProvider: FactoryProvider<ApiDataConverter> = {
  provide: DATA_CONVERTER,
  inject: [getDataSourceToken()],
  useFactory: (dataSource: DataSource) => productionDataConverter({ dataSource }),
};
