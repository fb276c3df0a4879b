import { errors } from '@strapi/utils';

/** Why a file cannot be imported; the message is meant for the editor who gave it. */
export class ImportInputError extends errors.ValidationError {
  constructor(message: string, public readonly code: 'empty' | 'too-large' | 'binary' | 'encoding' | 'no-byline' | 'no-title' | 'no-text' | 'locale') {
    super(message, { code });
    this.name = 'ValidationError';
  }
}
