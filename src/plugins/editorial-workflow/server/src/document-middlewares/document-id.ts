import { errors } from '@strapi/utils';
import { documentIdProblem } from '../../../../attribution-guard/shared/contracts/document-id';

/** Refuses a Document Service call whose `documentId` is not one document's id (400). */
export function assertDocumentId(action: string, params: unknown): void {
  const problem = documentIdProblem(action, params);
  if (problem) throw new errors.ValidationError(problem, { errors: [{ path: ['documentId'], message: problem, name: 'ValidationError' }] });
}
