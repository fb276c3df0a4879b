import type { Schema, Struct } from '@strapi/strapi';

export interface MediaCreditedImage extends Struct.ComponentSchema {
  collectionName: 'components_media_credited_images';
  info: {
    description: 'An image with who made it and under which licence it may be shown';
    displayName: 'Credited image';
    icon: 'picture';
  };
  attributes: {
    agency: Schema.Attribute.Relation<'oneToOne', 'api::source.source'>;
    alt: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    caption: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    credit: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    image: Schema.Attribute.Media<'images'>;
    license: Schema.Attribute.Enumeration<
      [
        'owned',
        'agency',
        'editorial-only',
        'cc-by',
        'cc-by-sa',
        'public-domain',
        'handout',
      ]
    >;
    photographer: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'media.credited-image': MediaCreditedImage;
    }
  }
}
