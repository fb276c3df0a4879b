export const PLUGIN_ID = 'editorial-workflow';

/** Translation key of this plugin, as registered with the admin (`editorial-workflow.<key>`). */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;
