/**
 * Which partition map the page may use. The map names the gateways the password is sent to, so a
 * `?map=URL` link must not choose it freely: a crafted link would read a map from another origin
 * whose `gateways` point anywhere. Only maps on the page's own origin are taken, or on origins the
 * person allowed in this browser (`localStorage['vertoDemo.mapOrigins']`, space-separated), which
 * a link cannot set.
 */

export const ALLOWED_ORIGINS_KEY = 'vertoDemo.mapOrigins';

/**
 * @param {string|null} param the `?map=` value, if any
 * @param {string} pageUrl `location.href`
 * @param {readonly string[]} allowedOrigins origins allowed besides the page's own
 * @returns {{mapUrl: string|undefined, refused: string|null}} the map URL to use (undefined: the
 *   page's own `/v1/partition-map`), and the refused URL when the parameter was not taken
 */
export function mapFromParam(param, pageUrl, allowedOrigins) {
  if (param === null || param.trim() === '') return { mapUrl: undefined, refused: null };
  let url;
  try {
    url = new URL(param, pageUrl);
  } catch {
    return { mapUrl: undefined, refused: param };
  }
  const page = new URL(pageUrl);
  const allowed = url.origin === page.origin || allowedOrigins.includes(url.origin);
  if (!allowed || !/^https?:$/.test(url.protocol)) return { mapUrl: undefined, refused: url.href };
  return { mapUrl: url.href, refused: null };
}

/**
 * @param {{getItem(key: string): string|null}|undefined} storage
 * @returns {string[]} origins, normalised (`https://maps.example.com`)
 */
export function allowedOrigins(storage) {
  let text;
  try {
    text = storage?.getItem(ALLOWED_ORIGINS_KEY) ?? null;
  } catch {
    return [];
  }
  return (text ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((entry) => {
      try {
        return [new URL(entry).origin];
      } catch {
        return [];
      }
    });
}
