import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from '../../shared/logger-options';
import { AuthorizationCodes } from './authorization-codes';
import { AuthorizeController } from './authorize.controller';
import { DiscoveryController } from './discovery.controller';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity-options';
import { SigningKey } from './signing-key';
import { TokenController } from './token.controller';
import { TokenIssuer } from './token-issuer';

@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [LoggerModule.forRoot(loggerOptions('identity'))],
      controllers: [DiscoveryController, AuthorizeController, TokenController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        { provide: SigningKey, useFactory: () => SigningKey.create() },
        TokenIssuer,
        AuthorizationCodes,
      ],
    };
  }
}
