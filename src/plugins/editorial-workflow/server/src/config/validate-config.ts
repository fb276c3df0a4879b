import { z } from 'zod';
import { isTimeZone } from '../domain/schedule-time';
import { createDefaultWorkflowConfig, type WorkflowConfig } from './defaults';

const PREFIX = 'editorial-workflow:';

const sweepShape = z
  .object({
    cron: z.boolean(),
    rule: z.string().trim().min(1, 'must not be empty'),
    runOnStart: z.boolean(),
    batchSize: z.number().int().min(1).max(500),
    concurrency: z.number().int().min(1).max(16),
    maxDurationSeconds: z.number().int().min(1).max(3600),
  })
  .partial()
  .strict();

const configShape = z
  .object({
    contentTypes: z
      .array(z.string().regex(/^(api|plugin)::[\w-]+\.[\w-]+$/u, 'must be a content-type uid like api::article.article'))
      .min(1),
    requireApproval: z.boolean(),
    allowSelfApproval: z.boolean(),
    defaultTimezone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
    maxLatenessMinutes: z.number().min(0),
    sweep: sweepShape,
  })
  .partial()
  .strict();

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = ['config', ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))].join('').replace('.[', '[');
      if (issue.code === 'unrecognized_keys')
        return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} in ${where}`;
      return `${where} ${issue.message}`;
    })
    .join('; ');
}

/**
 * The plugin's config from `config/plugins.ts`, checked and merged over the defaults. Throws an
 * Error naming the bad key, so a typo stops the server at boot instead of silently changing
 * when stories go out.
 */
export function validateWorkflowConfig(raw: unknown): WorkflowConfig {
  const config = createDefaultWorkflowConfig();
  if (raw === undefined || raw === null) return config;
  const parsed = configShape.safeParse(raw);
  if (!parsed.success) throw new Error(`${PREFIX} ${describe(parsed.error)}`);
  const { sweep, ...rest } = parsed.data;
  return { ...config, ...rest, contentTypes: [...(rest.contentTypes ?? config.contentTypes)], sweep: { ...config.sweep, ...sweep } };
}
