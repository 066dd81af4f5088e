import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** One row of the audit log. */
export interface AuditEntry {
  id: string;
  /** Null for the second or so before the row is chained. */
  seq: number | null;
  occurredAt: string;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  purpose: string | null;
  clientIp: string | null;
}

/** A page of audit entries. */
export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** The search filters; empty strings mean "any". Dates are YYYY-MM-DD. */
export interface AuditFilter {
  from: string;
  to: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: string;
}

/** Result of GET /api/audit/verify. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  headHash: string | null;
  brokenAt: { seq: number; reason: string } | null;
}

/** Rows per page. */
export const AUDIT_PAGE_SIZE = 50;

/** GET /api/audit with the filter and page. */
export function useAuditLog(filter: AuditFilter, page: number) {
  return useQuery({
    queryKey: ['audit', filter, page],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(filter)) {
        if (value !== '') query.set(key, value);
      }
      query.set('page', String(page));
      query.set('pageSize', String(AUDIT_PAGE_SIZE));
      return api.get<AuditPage>(`/api/audit?${query.toString()}`, { signal });
    },
    placeholderData: keepPreviousData,
  });
}

/** GET /api/audit/verify, run when the user asks (it walks the whole chain). */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>('/api/audit/verify') });
}
