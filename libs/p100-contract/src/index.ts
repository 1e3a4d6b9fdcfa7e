export {
  openapiPath,
  readContract,
  resolvePointer,
  type ContractOperation,
  type ContractResponse,
  type ContractWebhook,
  type P100Contract,
} from './openapi-document';
export {
  createContractValidator,
  defaultContractValidator,
  validateResponse,
  validateWebhook,
  type ContractCheck,
  type ContractValidator,
} from './contract-validation';
export { createOperationMatcher, normalizeTemplate } from './operation-matcher';
export { OPENAPI_WEBHOOK_BY_EVENT, openapiWebhookName, openapiWebhookNameForPath, webhookNamePairingProblems } from './webhook-names';
export {
  clearRunRecords,
  contractRunDir,
  readRunRecords,
  writeRunRecords,
  type ExchangeRecord,
  type RouteRecord,
  type RunRecords,
  type WebhookRecord,
} from './run-records';
export { computeCoverage, type ClientOperation, type CoverageReport, type OperationCoverage, type WebhookCoverage } from './coverage';
export { renderCoverageMarkdown } from './coverage-markdown';
