import type { V2Failure } from '@openminis/protocol';
import { z } from 'zod';

/** Shared response schemas for the OpenAPI document. */
export const v2ErrorResponse = z
  .object({
    data: z.object({}),
    error: z.object({ code: z.string(), message: z.string(), log_id: z.string() }),
  })
  .meta({ id: 'V2Error' }) satisfies z.ZodType<V2Failure>;

export const ownErrorResponse = z
  .object({ error: z.object({ code: z.string(), message: z.string(), log_id: z.string() }) })
  .meta({ id: 'Error' });
