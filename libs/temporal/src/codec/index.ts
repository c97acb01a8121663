export { CIPHER } from './aes-gcm';
export * from './data-converters';
export { CIPHER_METADATA, ENCRYPTED_ENCODING, EncryptionCodec, isEncrypted, KEY_ID_METADATA, payloadKeyId } from './encryption-codec';
export { FAILURE_CONVERTER_PATH } from './failure-converter-path';
export * from './payload-keys';
export { StaticPayloadKeys } from './static-payload-keys';
export { parseMasterKey, SubjectKeyStore, type SubjectKeyRows, type SubjectKeyStoreOptions } from './subject-key-store';
export { workflowOwner, type WorkflowOwner } from './workflow-owners';
