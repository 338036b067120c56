export {
  createServiceClient,
  buildPath,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUTS,
  type HttpMethod,
  type Query,
  type RequestOptions,
  type ResponseOf,
  type RetryLogger,
  type RetryPolicy,
  type ServiceClient,
  type ServiceClientOptions,
  type ServiceResponse,
  type Timeouts,
} from './client.ts';
export { ServiceCallError, type FailureKind, type ServiceCallErrorDetails } from './errors.ts';
