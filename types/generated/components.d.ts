import type { Schema, Struct } from '@strapi/strapi';

export interface ArticleCorrection extends Struct.ComponentSchema {
  collectionName: 'components_article_corrections';
  info: {
    description: 'A note readers see on a published story: when and what was corrected, clarified or updated';
    displayName: 'Correction';
    icon: 'pencil';
  };
  attributes: {
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    kind: Schema.Attribute.Enumeration<
      ['correction', 'clarification', 'update']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'correction'>;
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

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
      'article.correction': ArticleCorrection;
      'media.credited-image': MediaCreditedImage;
    }
  }
}
