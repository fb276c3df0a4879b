import { winston, formats } from '@strapi/logger';

/** LOG_LEVEL sets the threshold (the tests run at `error` unless it is set); the default keeps Strapi's request log. */
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL ?? 'http',
      format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' }),
    }),
  ],
};
