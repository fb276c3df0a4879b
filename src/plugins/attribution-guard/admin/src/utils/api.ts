import { isFetchError } from '@strapi/strapi/admin';
import type { BlockedDetail } from '../../../shared/contracts/admin-api';

/** The fetch client `useFetchClient()` returns, reduced to what the plugin calls. */
export interface FetchClient {
  get: <T = unknown>(url: string, config?: { params?: Record<string, unknown> }) => Promise<{ data: T }>;
  post: <T = unknown>(url: string, data?: unknown, config?: { params?: Record<string, unknown> }) => Promise<{ data: T }>;
  put: <T = unknown>(url: string, data?: unknown, config?: { params?: Record<string, unknown> }) => Promise<{ data: T }>;
}

export interface ApiError {
  status: number | null;
  name: string | null;
  message: string;
  details: { errors?: Array<Partial<BlockedDetail> & { path?: string[]; message?: string }>; guard?: { overridable?: boolean } } | null;
}

/** Strapi's error body (`{ error: { status, name, message, details } }`) out of whatever the client threw. */
export function apiError(error: unknown): ApiError {
  if (isFetchError(error)) {
    const body = (
      error.response?.data as { error?: { status?: number; name?: string; message?: string; details?: ApiError['details'] } } | undefined
    )?.error;
    return {
      status: body?.status ?? error.status ?? null,
      name: body?.name ?? null,
      message: body?.message ?? error.message,
      details: body?.details ?? null,
    };
  }
  return { status: null, name: null, message: error instanceof Error ? error.message : String(error), details: null };
}

export const PULL_QUOTE_UID = 'api::pull-quote.pull-quote';
export const SOURCE_UID = 'api::source.source';
