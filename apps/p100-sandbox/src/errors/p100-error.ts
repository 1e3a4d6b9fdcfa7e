import { P100_ERROR_CODES, type P100ErrorCode } from './p100-error-codes';

/** P100's business error body: always the three fields. */
export interface P100BusinessErrorBody {
  errorCode: string;
  errorName: string;
  errorMessage: string;
}

/** P100's request-format error body: fixed code P403, no errorName, HTTP 400. */
export interface P100ValidationErrorBody {
  errorCode: 'P403';
  errorMessage: string;
}

/** A business/state error answered exactly as P100 would. */
export class P100Error extends Error {
  readonly httpStatus: number;
  readonly errorName: string;

  constructor(
    readonly code: P100ErrorCode,
    message?: string,
  ) {
    const known = P100_ERROR_CODES[code];
    super(message ?? known.errorMessage);
    this.name = 'P100Error';
    this.httpStatus = known.httpStatus;
    this.errorName = known.errorName;
  }

  toBody(): P100BusinessErrorBody {
    return { errorCode: this.code, errorName: this.errorName, errorMessage: this.message };
  }
}

/** P403: the request does not have the shape P100 expects. */
export class P100ValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(joinSentences(problems));
    this.name = 'P100ValidationError';
  }

  toBody(): P100ValidationErrorBody {
    return { errorCode: 'P403', errorMessage: this.message };
  }
}

/** P100 concatenates several failures into one message: "a must be x. b must be y." */
function joinSentences(problems: readonly string[]): string {
  return problems.map((p) => p.replace(/\.$/, '')).join('. ') + '.';
}
