import { errors } from '@strapi/utils';

/** Why a text cannot be a story at all (a missing byline or title is never one); the message is meant for the editor who gave it. */
export class ImportInputError extends errors.ValidationError {
  constructor(
    message: string,
    public readonly code: 'empty' | 'too-large' | 'binary' | 'encoding' | 'locale',
  ) {
    super(message, { code });
    this.name = 'ValidationError';
  }
}
