import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of the generated pages, delivered as a `<meta>` tag (so it holds on
 * any static host). Nothing is loaded from anywhere: no scripts, fonts, frames or connections;
 * styles are the page's own inline `<style>`; images only as `data:` URLs (the favicon).
 * `frame-ancestors`, `report-uri` and `sandbox` are left out: browsers ignore them in `<meta>`.
 */
export function contentSecurityPolicy(scripts: readonly string[] = []): string {
  const scriptSrc = scripts.length ? scripts.map((s) => `'sha256-${scriptHash(s)}'`).join(' ') : `'none'`;
  return [`default-src 'none'`, `script-src ${scriptSrc}`, `style-src 'unsafe-inline'`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

/** Base64 sha256 of an inline script's text, as CSP hash sources want it. */
export function scriptHash(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('base64');
}

/**
 * The chooser's only script, run only for `index.html?redirect=1`: for each of the browser's
 * languages in order, go to the page whose `hreflang` is that language and country (`de-CH` →
 * ch/de/), else to the page marked the default for that language (`de` → de/de/). Without a
 * match, or without JavaScript, the chooser stays as it is.
 */
export const REDIRECT_SCRIPT =
  "(function(){if(!/[?&]redirect=1(&|$)/.test(location.search))return;var a=document.querySelectorAll('a[hreflang]'),n=navigator.languages||[navigator.language],i,j,k,p,t;for(i=0;i<n.length;i++){p=String(n[i]).toLowerCase().split('-');t=p[0]+'-'+p[p.length-1];for(k=0;k<2;k++)for(j=0;j<a.length;j++)if(k?a[j].getAttribute('data-default')===p[0]:a[j].getAttribute('hreflang').toLowerCase()===t)return location.replace(a[j].href)}})();";
