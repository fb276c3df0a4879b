import { mediaUrlPrefixes, readUploadStorage, securityMiddleware, uploadPluginConfig } from './storage-config';

const S3 = {
  UPLOAD_PROVIDER: 's3',
  S3_BUCKET: 'media',
  S3_PUBLIC_URL: 'https://media.example.com/news/',
  S3_ENDPOINT: 'https://s3.example.net',
  S3_ACCESS_KEY_ID: 'AK',
  S3_SECRET_ACCESS_KEY: 'SK',
  S3_FORCE_PATH_STYLE: 'true',
};

describe('readUploadStorage', () => {
  it('is local disk unless UPLOAD_PROVIDER=s3', () => {
    expect(readUploadStorage({})).toEqual({ kind: 'local' });
    expect(readUploadStorage({ UPLOAD_PROVIDER: 'local', S3_BUCKET: 'ignored' })).toEqual({ kind: 'local' });
    expect(uploadPluginConfig({ kind: 'local' })).toBeNull();
    expect(securityMiddleware({ kind: 'local' })).toBe('strapi::security');
    expect(mediaUrlPrefixes({ kind: 'local' })).toEqual(['/uploads/']);
  });

  it('reads the bucket settings, with defaults for the region, path style and ACL', () => {
    expect(readUploadStorage(S3)).toEqual({
      kind: 's3',
      bucket: 'media',
      endpoint: 'https://s3.example.net',
      region: 'us-east-1',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      publicUrl: 'https://media.example.com/news',
      forcePathStyle: true,
      acl: 'public-read',
    });
    expect(
      readUploadStorage({
        UPLOAD_PROVIDER: 'S3',
        S3_BUCKET: 'b',
        S3_PUBLIC_URL: 'https://cdn.example.com',
        S3_REGION: 'ap-east-1',
        S3_ACL: 'none',
      }),
    ).toMatchObject({ endpoint: '', region: 'ap-east-1', accessKeyId: '', forcePathStyle: false, acl: null });
  });

  it('stops start-up naming what is missing or wrong', () => {
    expect(() => readUploadStorage({ UPLOAD_PROVIDER: 'gcs' })).toThrow(
      'UPLOAD_PROVIDER must be "local" (the default) or "s3", got "gcs".',
    );
    expect(() => readUploadStorage({ UPLOAD_PROVIDER: 's3' })).toThrow('UPLOAD_PROVIDER=s3 needs S3_BUCKET and S3_PUBLIC_URL.');
    expect(() => readUploadStorage({ ...S3, S3_PUBLIC_URL: '/media' })).toThrow(/S3_PUBLIC_URL must be an absolute http\(s\) URL/);
    expect(() => readUploadStorage({ ...S3, S3_ENDPOINT: 'ftp://x' })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => readUploadStorage({ ...S3, S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(/S3_FORCE_PATH_STYLE must be true or false/);
    expect(() => readUploadStorage({ ...S3, S3_SECRET_ACCESS_KEY: '' })).toThrow(/go together/);
  });

  it('gives the provider the public URL for file URLs, the endpoint for writes, and no ACL when told', () => {
    const config = uploadPluginConfig(readUploadStorage(S3)) as {
      provider: string;
      providerOptions: { baseUrl: string; s3Options: Record<string, unknown> };
    };
    expect(config.provider).toBe('aws-s3');
    expect(config.providerOptions.baseUrl).toBe('https://media.example.com/news');
    expect(config.providerOptions.s3Options).toMatchObject({
      endpoint: 'https://s3.example.net',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
      params: { Bucket: 'media', ACL: 'public-read' },
    });
    const noAcl = uploadPluginConfig(readUploadStorage({ ...S3, S3_ACL: 'none' })) as {
      providerOptions: { s3Options: { params: Record<string, unknown> } };
    };
    expect('ACL' in noAcl.providerOptions.s3Options.params && noAcl.providerOptions.s3Options.params.ACL === undefined).toBe(true);
  });

  it('lets the admin load the bucket’s images and allows them in story bodies', () => {
    const storage = readUploadStorage(S3);
    const security = securityMiddleware(storage) as { config: { contentSecurityPolicy: { directives: Record<string, string[] | null> } } };
    expect(security.config.contentSecurityPolicy.directives['img-src']).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://market-assets.strapi.io',
      'https://media.example.com',
    ]);
    expect(security.config.contentSecurityPolicy.directives['media-src']).toContain('https://media.example.com');
    expect(mediaUrlPrefixes(storage)).toEqual(['/uploads/', 'https://media.example.com/news/']);
  });
});
