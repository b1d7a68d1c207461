import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. Redaction is a second line of defence: nothing in the code logs
 * request bodies or headers, but if an object with these keys is ever logged it is masked.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'openminis' },
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'headers',
        '*.headers',
        'body',
        '*.body',
        'client_secret',
        '*.client_secret',
        'access_token',
        '*.access_token',
        'refresh_token',
        '*.refresh_token',
        'code',
        'token',
        '*.token',
        'secretKey',
        'adminToken',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
