import type { SiteExtra } from './extras.js';
import { machineReadable } from './machine-readable.js';
import { sitemap } from './sitemap.js';
import { archive } from './archive.js';

export type { SiteContext, SitePage, SiteExtra } from './extras.js';

/**
 * Files added to the site after the notices are rendered, in this order. Each extra lives in a
 * file of its own in this folder and is listed here.
 */
export const SITE_EXTRAS: SiteExtra[] = [machineReadable, sitemap, archive];
