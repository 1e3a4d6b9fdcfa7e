/**
 * P100's 401 "Access Denied". The docs give only the status and that label; the body below is
 * what a NestJS service (which P100's validation messages suggest it is) answers for an
 * UnauthorizedException with that message (inferred).
 */
export class AccessDeniedError extends Error {
  constructor() {
    super('Access Denied');
    this.name = 'AccessDeniedError';
  }

  toBody() {
    return { statusCode: 401, message: 'Access Denied', error: 'Unauthorized' };
  }
}
